import PlannerCore

/// One cell's content. Numbers stay numbers, dates become date serials, and text is always stored
/// as a string, never parsed as a formula: `.text("=HYPERLINK(...)")` shows those characters and
/// nothing runs (no formula injection). Only `.formula` writes a formula.
public enum Cell: Sendable, Equatable {
    /// A string, stored in the shared-string table exactly as given (characters that XML 1.0
    /// cannot carry are dropped).
    case text(String)
    /// A number shown with a number format. It must be finite.
    case number(Double, NumberStyle)
    /// A calendar day, stored as a spreadsheet date serial with the `yyyy-mm-dd` format.
    case date(CivilDate)
    /// A live formula (without the leading `=`, written as Excel writes it in the file, e.g.
    /// `SUM(B2:B9)`) with the value it evaluates to. Programs that do not recalculate show
    /// `cached`, so it must be right.
    case formula(String, cached: Double, NumberStyle)
    /// Nothing: the cell is not written.
    case empty
}

extension CivilDate {
    /// The spreadsheet serial (1900 date system): days since 1899-12-30, so 1900-03-01 is 61 and
    /// 1970-01-01 is 25569. Days before 1900-03-01 are not representable without Excel's
    /// fictitious 1900-02-29 and are not used by plans.
    public var serial: Int { dayNumber + 25569 }
}
