/// A table that a command prints or writes: a title, typed columns, rows of typed values, and
/// notes. Libraries build tables; the export layer renders each one in every format (terminal,
/// CSV, Markdown, a workbook sheet, JSON) from this one description, so the formats agree.
///
/// ```swift
/// let table = Table(
///     title: "Regions", name: "regions",
///     columns: [Table.Column("code"), Table.Column("population", .count)],
///     rows: [[.text("IN-WB"), .count(91_276_115)]])
/// ```
public struct Table: Sendable, Equatable {
    /// What a column holds, which decides alignment, number formats and JSON types.
    public enum Kind: Sendable, Equatable {
        /// Words and codes; left-aligned, strings in JSON.
        case text
        /// Whole numbers of things (customers, messages).
        case count
        /// An amount of money (``Money``): two decimals in files, currency format for people.
        case money
        /// A number with a fixed count of decimals in files.
        case decimal(places: Int)
        /// A share: 0.25 is 25 % for people and 0.250000 in files.
        case percent
        /// A calendar day, `YYYY-MM-DD`.
        case date
        /// Several codes (regions, languages): `;`-joined in CSV, an array in JSON.
        case list
        /// Values of several kinds in one column (a summary's "value" column).
        case mixed
    }

    /// One column: its machine name (the CSV header and JSON key) and kind.
    public struct Column: Sendable, Equatable {
        /// The header: `snake_case` for files that scripts read (`sms_reachable`).
        public var name: String
        /// What its values are.
        public var kind: Kind
        /// Whether the column is summed under the table (a live `SUM` in a workbook).
        public var total: Bool

        /// A column named `name` of `kind`, summed when `total`.
        public init(_ name: String, _ kind: Kind = .text, total: Bool = false) {
            self.name = name
            self.kind = kind
            self.total = total
        }
    }

    /// One cell, typed so that each format writes it properly: a number stays a number in a
    /// workbook, money keeps its two decimals in CSV, a date is a date.
    public enum Value: Sendable, Equatable {
        /// Text as given.
        case text(String)
        /// A whole number.
        case count(Int)
        /// Money, exact to the minor unit.
        case money(Money)
        /// A number written with `places` decimals.
        case decimal(Double, places: Int)
        /// A share (0.25 = 25 %); `nil` when it is undefined (ROI of nothing spent) and shows empty.
        case percent(Double?)
        /// A calendar day.
        case date(CivilDate)
        /// Several codes.
        case list([String])
        /// No value.
        case empty

        /// The value as CSV and JSON consumers read it: plain digits, `.` decimals, ISO dates,
        /// shares as fractions with six decimals, lists `;`-joined.
        public var plainText: String {
            switch self {
            case .text(let s): s
            case .count(let n): String(n)
            case .money(let m): m.description
            case .decimal(let x, let places): DecimalText.fixed(x, places: places)
            case .percent(let x): x.map { DecimalText.fixed($0, places: 6) } ?? ""
            case .date(let d): d.description
            case .list(let items): items.joined(separator: ";")
            case .empty: ""
            }
        }

        /// The value as a person reads it in a terminal or a report: shares as percentages with
        /// one decimal, lists comma-separated, everything else as ``plainText``.
        public var displayText: String {
            switch self {
            case .percent(let x): x.map { DecimalText.fixed($0 * 100, places: 1) + " %" } ?? ""
            case .list(let items): items.joined(separator: ", ")
            default: plainText
            }
        }

        /// The numeric value, for totals; `nil` for text, dates, lists and empty cells.
        public var numeric: Double? {
            switch self {
            case .count(let n): Double(n)
            case .money(let m): m.major
            case .decimal(let x, _): x
            case .percent(let x): x
            default: nil
            }
        }
    }

    /// How the table reads as JSON.
    public enum Layout: Sendable, Equatable {
        /// An array with one object per row, keyed by column name.
        case records
        /// One object from the first column's text to the second column's value (a list of facts).
        case fields
    }

    /// What people call the table: a sheet's tab, a report's heading (`Allocation`).
    public var title: String
    /// The file stem for formats written to files: `allocation` gives `allocation.csv`.
    public var name: String
    /// The columns, in order.
    public var columns: [Column]
    /// The rows; each has one value per column.
    public var rows: [[Value]]
    /// Sentences that explain the table (sources, conventions), shown under it where a format can.
    public var notes: [String]
    /// The JSON layout.
    public var layout: Layout

    /// A table; `name` defaults to the lower-cased title.
    public init(
        title: String, name: String? = nil, columns: [Column], rows: [[Value]], notes: [String] = [], layout: Layout = .records
    ) {
        self.title = title
        self.name = name ?? title.lowercased()
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.layout = layout
    }

    /// The column names, in order.
    public var header: [String] { columns.map(\.name) }

    /// The same table with only the columns named, in that order, some under another header: a
    /// terminal's narrower view.
    public func selecting(_ names: [String], renaming: [String: String] = [:]) -> Table {
        let indices = names.compactMap { name in columns.firstIndex { $0.name == name } }
        var copy = self
        copy.columns = indices.map { index in
            var column = columns[index]
            column.name = renaming[column.name] ?? column.name
            return column
        }
        copy.rows = rows.map { row in indices.map { row[$0] } }
        return copy
    }
}
