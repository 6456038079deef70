import PlannerCore
import Workbook

/// Tables as workbook sheets for the spreadsheet people: numbers as numbers (rupees in lakh/crore
/// format for INR, other currencies with their code), dates as dates, frozen headers, filters,
/// live `SUM` totals under the columns marked ``Table/Column/total``, and a print layout (every
/// column on the page width, the header on every page; a list of facts on one page).
public enum TableSheet {
    /// The table as a sheet named after its title, amounts in `currency` (ISO 4217). A list of
    /// facts (``Table/Layout/fields``, such as a plan's summary) has no filter buttons, its values
    /// at the left beside their labels, and prints on one page.
    public static func make(_ table: Table, currency: String) -> Sheet {
        var sheet = Sheet(name: table.title)
        sheet.columns = table.columns.enumerated().map { index, column in
            guard column.total else { return Column(column.name) }
            let style: NumberStyle = table.rows.first.map { Self.style(of: $0[index], currency: currency) } ?? .general
            return Column(column.name, total: .sum(style))
        }
        sheet.rows = table.rows.map { row in row.map { cell($0, currency: currency) } }
        sheet.autoFilter = table.layout == .records
        if table.layout == .fields {
            sheet.page.pagesTall = 1
            for index in sheet.columns.indices.dropFirst() { sheet.columns[index].leftAligned = true }
        }
        return sheet
    }

    /// The number style of a value, the one formatting rule of every workbook we write: money in
    /// lakh/crore rupees for INR (``moneyStyle(currency:)``), counts with Indian grouping for INR
    /// and western grouping otherwise, shares as percentages.
    public static func style(of value: Table.Value, currency: String) -> NumberStyle {
        switch value {
        case .money: moneyStyle(currency: currency)
        case .count: currency == "INR" ? .indianInteger : .integer
        case .decimal(_, let places): places <= 2 ? .decimal2 : places <= 4 ? .decimal4 : .decimal6
        case .percent: .percent
        default: .general
        }
    }

    /// Amounts in `currency`: `₹1,23,45,678.50` for INR, `MYR 1,234.50` for the others.
    public static func moneyStyle(currency: String) -> NumberStyle {
        currency == "INR" ? .inrLakh : .money(currency: currency)
    }

    /// A value as a cell in its ``style(of:currency:)``: numbers stay numbers, dates are dates.
    public static func cell(_ value: Table.Value, currency: String) -> Cell {
        switch value {
        case .text(let s): .text(s)
        case .count(let n): .number(Double(n), style(of: value, currency: currency))
        case .money(let m): .number(m.major, style(of: value, currency: currency))
        case .decimal(let x, _): .number(x, style(of: value, currency: currency))
        case .percent(let x): x.map { .number($0, .percent) } ?? .empty
        case .date(let d): .date(d)
        case .list(let items): .text(items.joined(separator: ";"))
        case .empty: .empty
        }
    }
}
