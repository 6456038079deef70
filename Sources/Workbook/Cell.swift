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
    case date(DayDate)
    /// A live formula (without the leading `=`, written as Excel writes it in the file, e.g.
    /// `SUM(B2:B9)`) with the value it evaluates to. Programs that do not recalculate show
    /// `cached`, so it must be right.
    case formula(String, cached: Double, NumberStyle)
    /// Nothing: the cell is not written.
    case empty
}

/// A day with no time and no zone, as a spreadsheet date. The planner converts its `CivilDate`
/// with `DayDate(year: d.year, month: d.month, day: d.day)`; this target does not depend on ICU.
public struct DayDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date; `nil` when the month or day is out of range (February 30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        let lengths = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= lengths[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        self.day = doy - (153 * mp + 2) / 5 + 1
        self.month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The spreadsheet serial (1900 date system): days since 1899-12-30, so 1900-03-01 is 61 and
    /// 1970-01-01 is 25569. Days before 1900-03-01 are not representable without Excel's
    /// fictitious 1900-02-29 and are not used by plans.
    public var serial: Int { dayNumber + 25569 }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (lhs: DayDate, rhs: DayDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
