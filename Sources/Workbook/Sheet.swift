/// A column of a sheet: its header and how wide it is.
public struct Column: Sendable, Equatable {
    /// The header text in row 1.
    public var header: String
    /// Width in Excel character units; `nil` sizes the column from its content (header and
    /// cells, at least 8 characters, and at most ``Column/maximumWidth`` when the sheet is wider
    /// than the page). Text longer than the width wraps onto more lines inside the column.
    public var width: Double?
    /// What the column shows in the totals row.
    public var total: Total
    /// Show numbers and dates at the left edge, as text is: for the values of a list of facts,
    /// so each sits beside its label rather than across a wide column.
    public var leftAligned = false

    /// The widest a column sized from its content gets (100 characters) when the sheet is wider
    /// than the printed page: longer texts wrap inside it, so one long cell cannot push the next
    /// columns off the page. A column may get more when the page has room to spare (see
    /// ``PageSetup/printableWidth``). Measured on the example plan's PDF (LibreOffice 7.4): at 60
    /// characters its 482 messages took 3 or 4 lines each; at 100 each takes 2, and the plan
    /// prints in 36 to 39 pages with the fonts `.ci/run` installs.
    public static let maximumWidth = 100

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
    /// How the sheet prints: landscape, fitted to the page width, the header row on every page.
    public var page = PageSetup()

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

/// How a sheet prints (`pageSetup`, `printOptions`, the print titles). The defaults suit a wide
/// table: A4 landscape, scaled so every column fits one page across, as many pages down as the
/// rows need, gridlines, and the header row repeated at the top of every page. Every page's
/// header names the sheet and its footer names the workbook (its ``Workbook/title``) and says
/// "Page N of M".
public struct PageSetup: Sendable, Equatable {
    /// Which way the paper is turned.
    public enum Orientation: String, Sendable {
        /// Taller than wide.
        case portrait
        /// Wider than tall, for tables with many columns.
        case landscape
    }

    /// Portrait or landscape.
    public var orientation: Orientation
    /// How many pages across the sheet is scaled to fit: 1 fits every column on one page
    /// width; 0 does not scale for width.
    public var pagesWide: Int
    /// How many pages down the sheet is scaled to fit: 0 (as many as the rows need) or, for a
    /// short sheet such as a summary, 1 to keep it on one page.
    public var pagesTall: Int
    /// Print the cell gridlines, so rows of a long table stay easy to follow.
    public var gridLines: Bool
    /// Repeat the header row (row 1) at the top of every printed page (the print titles).
    public var repeatHeaderRow: Bool

    /// A page setup; the defaults are those of a wide table (see the type's description).
    public init(
        orientation: Orientation = .landscape, pagesWide: Int = 1, pagesTall: Int = 0, gridLines: Bool = true, repeatHeaderRow: Bool = true
    ) {
        self.orientation = orientation
        self.pagesWide = pagesWide
        self.pagesTall = pagesTall
        self.gridLines = gridLines
        self.repeatHeaderRow = repeatHeaderRow
    }

    /// How many characters (Excel's width unit: the width of a digit of Calibri 11, 7 pixels at
    /// 96 dpi, 5.25 points) fit across the printed page at 100 %: A4 (8.27 × 11.69 inches) less
    /// the half-inch left and right margins, 770 points landscape (146 characters), 523 portrait
    /// (99).
    public var printableWidth: Double { orientation == .landscape ? 146 : 99 }

    /// Whether the sheet is scaled to a number of pages (`fitToPage`) rather than printed at 100 %.
    var fitsToPages: Bool { pagesWide > 0 || pagesTall > 0 }
}
