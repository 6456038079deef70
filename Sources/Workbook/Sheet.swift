/// A column of a sheet: its header and how wide it is.
public struct Column: Sendable, Equatable {
    /// The header text in row 1.
    public var header: String
    /// Width in Excel character units; `nil` sizes the column from its content (header and
    /// cells, 8 to 60 characters).
    public var width: Double?
    /// When true, the totals row holds a live `SUM` over this column's data rows.
    public var total: Bool
    /// The number style of the total (the column's values have their own).
    public var totalStyle: NumberStyle

    public init(_ header: String, width: Double? = nil, total: Bool = false, totalStyle: NumberStyle = .general) {
        self.header = header
        self.width = width
        self.total = total
        self.totalStyle = totalStyle
    }
}

/// One worksheet: a header row, data rows, and an optional totals row.
///
/// Row 1 holds the headers (bold); data row `i` (0-based) is spreadsheet row `i + 2`; when any
/// column has `total`, a bold totals row follows the data with `totalsLabel` in column A and
/// `SUM(...)` in each total column, whose cached value is the sum of that column's numbers.
///
/// ```swift
/// var sheet = Sheet(name: "Allocation")
/// sheet.columns = [Column("Segment"), Column("Budget", total: true, totalStyle: .inrLakh)]
/// sheet.rows = [[.text("Kolkata · bn"), .number(125_000.5, .inrLakh)]]
/// ```
public struct Sheet: Sendable, Equatable {
    /// The tab name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or ending with
    /// an apostrophe, unique in the workbook (ignoring case). Checked when the file is written.
    public var name: String
    public var columns: [Column] = []
    /// Data rows; a row may be shorter than `columns` (the rest is empty), not longer.
    public var rows: [[Cell]] = []
    /// Keep the header row visible while scrolling.
    public var freezeHeader: Bool = true
    /// Put filter buttons on the header row (over the data rows, not the totals row).
    public var autoFilter: Bool = true
    /// The text in column A of the totals row.
    public var totalsLabel: String = "Total"

    public init(name: String) { self.name = name }

    /// Whether the sheet has a totals row.
    public var hasTotals: Bool { columns.contains { $0.total } }

    /// The A1 reference of data row `row` (0-based) and column `column` (0-based): (0, 1) → `B2`.
    /// Formulas in cells use it to point at other cells.
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row + 2) }

    /// The spreadsheet row number of the totals row (for formulas that refer to totals).
    public var totalsRowNumber: Int { rows.count + 2 }

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

    /// The name quoted for use in a formula or defined name: `'Budget ''26'!`.
    var quotedName: String { "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" }
}
