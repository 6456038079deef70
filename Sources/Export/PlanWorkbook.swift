import Planner
import PlannerCore
import PlannerIO
import Workbook

/// The plan as a workbook for the spreadsheet people: one sheet per ``PlanTable``, numbers as
/// numbers (rupees in lakh/crore format for INR plans), dates as dates, frozen headers, filters,
/// and live `SUM` totals whose stored values are right.
public enum PlanWorkbook {
    public static func make(_ plan: Plan) -> Workbook {
        var workbook = Workbook(title: plan.name, created: plan.asOf)
        let indian = plan.currency == "INR"
        for table in PlanTables.make(plan) {
            var sheet = Sheet(name: table.name)
            sheet.columns = table.header.enumerated().map { index, header in
                guard table.totalColumns.contains(index) else { return Column(header) }
                let style: NumberStyle = table.rows.first.map { Self.style(of: $0[index], indian: indian) } ?? .general
                return Column(header, total: .sum(style))
            }
            sheet.rows = table.rows.map { row in row.map { cell($0, indian: indian) } }
            sheet.autoFilter = table.name != "Summary"
            workbook.addSheet(sheet)
        }
        return workbook
    }

    /// The number style of a value, the plan workbook's formatting rule: money in lakh/crore
    /// rupees for INR plans (two decimals otherwise), counts with Indian grouping, shares as
    /// percentages. Other workbooks of plans (`compare`) use it too, so they look the same.
    public static func style(of value: TableValue, indian: Bool) -> NumberStyle {
        switch value {
        case .money: indian ? .inrLakh : .decimal2
        case .integer: indian ? .indianInteger : .integer
        case .decimal(_, let places): places <= 2 ? .decimal2 : places <= 4 ? .decimal4 : .decimal6
        case .percent: .percent
        default: .general
        }
    }

    /// A value as a workbook cell in its ``style(of:indian:)``: numbers stay numbers, dates are dates.
    public static func cell(_ value: TableValue, indian: Bool) -> Cell {
        switch value {
        case .text(let s): .text(s)
        case .integer(let n): .number(Double(n), style(of: value, indian: indian))
        case .money(let m): .number(m.major, style(of: value, indian: indian))
        case .decimal(let x, _): .number(x, style(of: value, indian: indian))
        case .percent(let x): x.map { .number($0, .percent) } ?? .empty
        case .date(let d): .date(d)
        case .empty: .empty
        }
    }
}
