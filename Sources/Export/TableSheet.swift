import PlannerCore
import Workbook

/// Tables as workbook sheets for the spreadsheet people: numbers as numbers (rupees in lakh/crore
/// format for INR), dates as dates, frozen headers, filters, and live `SUM` totals under the
/// columns marked ``Table/Column/total``.
public enum TableSheet {
    /// The table as a sheet named after its title; a list of facts (``Table/Layout/fields``) has
    /// no filter buttons.
    public static func make(_ table: Table, indian: Bool) -> Sheet {
        var sheet = Sheet(name: table.title)
        sheet.columns = table.columns.enumerated().map { index, column in
            guard column.total else { return Column(column.name) }
            let style: NumberStyle = table.rows.first.map { Self.style(of: $0[index], indian: indian) } ?? .general
            return Column(column.name, total: .sum(style))
        }
        sheet.rows = table.rows.map { row in row.map { cell($0, indian: indian) } }
        sheet.autoFilter = table.layout == .records
        return sheet
    }

    /// The number style of a value, the one formatting rule of every workbook we write: money in
    /// lakh/crore rupees for INR (two decimals otherwise), counts with Indian grouping, shares as
    /// percentages.
    public static func style(of value: Table.Value, indian: Bool) -> NumberStyle {
        switch value {
        case .money: indian ? .inrLakh : .decimal2
        case .count: indian ? .indianInteger : .integer
        case .decimal(_, let places): places <= 2 ? .decimal2 : places <= 4 ? .decimal4 : .decimal6
        case .percent: .percent
        default: .general
        }
    }

    /// A value as a cell in its ``style(of:indian:)``: numbers stay numbers, dates are dates.
    public static func cell(_ value: Table.Value, indian: Bool) -> Cell {
        switch value {
        case .text(let s): .text(s)
        case .count(let n): .number(Double(n), style(of: value, indian: indian))
        case .money(let m): .number(m.major, style(of: value, indian: indian))
        case .decimal(let x, _): .number(x, style(of: value, indian: indian))
        case .percent(let x): x.map { .number($0, .percent) } ?? .empty
        case .date(let d): .date(d)
        case .list(let items): .text(items.joined(separator: ";"))
        case .empty: .empty
        }
    }
}
