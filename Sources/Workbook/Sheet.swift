/// A column of a sheet: its header and how wide it is.
public struct Column: Sendable, Equatable {
    /// The header text in row 1.
    public var header: String
    /// Width in Excel character units; `nil` sizes the column from its content (header and
    /// cells, 8 to 60 characters).
    public var width: Double?
    /// What the column shows in the totals row.
    public var total: Total

    /// A column headed `header`; sized from content and without a total unless said.
    public init(_ header: String, width: Double? = nil, total: Total = .none) {
        self.header = header
        self.width = width
        self.total = total
    }
}

/// A column's cell in the totals row.
public enum Total: Sendable, Equatable {
    /// Nothing (column A holds the sheet's `totalsLabel` instead).
    case none
    /// A live `SUM` over the column's data rows, in this style; its cached value is the sum of
    /// the column's numbers and formula results, computed when the file is written.
    case sum(NumberStyle)
    /// Any other formula, e.g. an overall ROI from two totals: `(G9-F9)/F9` (use
    /// `Sheet.totalsRowNumber` for the row), with the value it evaluates to.
    case formula(String, cached: Double, NumberStyle)
}

/// One worksheet: a header row, data rows, and an optional totals row.
///
/// Row 1 holds the headers (bold); data row `i` (0-based) is spreadsheet row `i + 2`; when any
/// column has a `total`, a bold totals row follows the data with `totalsLabel` in column A and
/// each column's total (`SUM(...)` or a given formula).
///
/// ```swift
/// var sheet = Sheet(name: "Allocation")
/// sheet.columns = [Column("Segment"), Column("Budget", total: .sum(.inrLakh))]
/// sheet.rows = [[.text("Kolkata · bn"), .number(125_000.5, .inrLakh)]]
/// ```
public struct Sheet: Sendable, Equatable {
    /// The tab name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or ending with
    /// an apostrophe, unique in the workbook (ignoring case). Checked when the file is written.
    public var name: String
    /// The columns left to right; their headers form row 1.
    public var columns: [Column] = []
    /// Data rows; a row may be shorter than `columns` (the rest is empty), not longer.
    public var rows: [[Cell]] = []
    /// Keep the header row visible while scrolling.
    public var freezeHeader: Bool = true
    /// Put filter buttons on the header row (over the data rows, not the totals row).
    public var autoFilter: Bool = true
    /// The text in column A of the totals row.
    public var totalsLabel: String = "Total"

    /// An empty sheet named `name`, header frozen, no columns yet.
    public init(name: String) { self.name = name }

    /// Whether the sheet has a totals row.
    public var hasTotals: Bool { columns.contains { $0.total != .none } }

    /// The A1 reference of data row `row` (0-based) and column `column` (0-based): (0, 1) → `B2`.
    /// Formulas in cells use it to point at other cells.
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row + 2) }

    /// The spreadsheet row number of the totals row (for formulas that refer to totals).
    public var totalsRowNumber: Int { rows.count + 2 }

    /// A reference into another sheet for formulas: ("Allocation", "F12") → `'Allocation'!F12`.
    public static func reference(sheet name: String, _ reference: String) -> String {
        "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'!" + reference
    }

    /// Column letters for a 0-based index: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The name quoted for use in a formula or defined name: `'Budget ''26'`.
    var quotedName: String { String(Sheet.reference(sheet: name, "").dropLast()) }
}
