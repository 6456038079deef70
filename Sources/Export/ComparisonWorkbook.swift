import Comparison
import Planner
import PlannerCore
import PlannerIO
import Workbook

/// The comparison as a workbook for the review meeting, formatted by the plan workbook's rules
/// (``TableSheet/style(of:currency:)``: lakh/crore rupees for INR, percentages, frozen header,
/// filters, the print layout of ``PageSetup``).
///
/// - **Changes**: the extended ``ComparisonTable``; each delta is a live formula (`=C2-B2`),
///   each delta % too (`=D2/B2`, empty when the base is zero), and the totals row holds live
///   `SUM`s, the total delta %, the total ROI from the revenue and budget totals, and the best
///   marginal return (`MAX`).
/// - **Bridge**: per other plan, the base budget, each driver's contribution, and the other
///   budget as a live formula (base + the contributions).
/// - **Reasons**: every changed line with its driver and reason.
///
/// Every formula's cached value is the exact figure, so a reader that does not recalculate
/// shows the same numbers.
public enum ComparisonWorkbook {
    /// The comparison's workbook: Changes, Bridge and Reasons, amounts in the base plan's currency,
    /// titled after the plans' names and dated 2000-01-01, so the same plans give the same bytes;
    /// ``write(_:to:)`` saves it.
    public static func make(_ comparison: PlanComparison) -> Workbook {
        var workbook = Workbook(title: "Budget review: " + comparison.plans.map(\.name).joined(separator: " / "))
        let currency = comparison.plans[0].currency
        workbook.addSheet(changes(comparison, currency: currency))
        workbook.addSheet(bridge(comparison, currency: currency))
        workbook.addSheet(reasons(comparison, currency: currency))
        return workbook
    }

    /// Writes the workbook to `path` atomically.
    public static func write(_ comparison: PlanComparison, to path: String) throws(Diagnostic) {
        try make(comparison).write(to: path)
    }

    /// Writes the workbook as a PDF (LibreOffice headless: ``Workbook/pdfBytes(using:)``) to
    /// `path` atomically.
    public static func writePDF(
        _ comparison: PlanComparison, to path: String, using converter: OfficeConverter = OfficeConverter()
    ) throws(Diagnostic) {
        try make(comparison).writePDF(to: path, using: converter)
    }

    static func changes(_ comparison: PlanComparison, currency: String) -> Sheet {
        let table = ComparisonTable(comparison, extended: true)
        let columns = table.columns
        func letter(_ column: ComparisonTable.Column) -> String { Sheet.columnName(columns.firstIndex(of: column)!) }
        let money = TableSheet.moneyStyle(currency: currency)
        var sheet = Sheet(name: "Changes")
        sheet.rows = table.rows.enumerated().map { r, values in
            let row = comparison.rows[r]
            return zip(columns, values).map { column, value in
                let n = r + 2
                switch column {
                case .delta(let p):
                    return .formula("\(letter(.budget(plan: p)))\(n)-\(letter(.budget(plan: 0)))\(n)", cached: row.delta(p).major, money)
                case .deltaShare(let p):
                    guard let share = row.deltaShare(p) else { return .empty }
                    return .formula("\(letter(.delta(plan: p)))\(n)/\(letter(.budget(plan: 0)))\(n)", cached: share, .percent)
                default:
                    return TableSheet.cell(value, currency: currency)
                }
            }
        }
        let t = sheet.totalsRowNumber
        let totals = comparison.totals
        sheet.columns = zip(columns, table.header).map { column, header in
            switch column {
            case .key, .status: return Column(header)
            case .budget, .delta, .revenue: return Column(header, total: .sum(money))
            case .conversions: return Column(header, total: .sum(.decimal4))
            case .deltaShare(let p):
                guard let share = totals.deltaShare(p) else { return Column(header) }
                return Column(
                    header, total: .formula("\(letter(.delta(plan: p)))\(t)/\(letter(.budget(plan: 0)))\(t)", cached: share, .percent))
            case .roi(let p):
                // The cached value from the same rounded figures the formula sees: the revenue
                // and budget totals in the sheet.
                let revenue = comparison.rows.map { Money(major: $0.figures[p]?.revenue ?? 0) }.reduce(Money.zero, +)
                let budget = totals.budget(p)
                guard budget.minor > 0 else { return Column(header) }
                let b = letter(.budget(plan: p)), rv = letter(.revenue(plan: p))
                return Column(
                    header,
                    total: .formula("(\(rv)\(t)-\(b)\(t))/\(b)\(t)", cached: (revenue.major - budget.major) / budget.major, .percent))
            case .marginalReturn(let p):
                let m = letter(column)
                let best = comparison.rows.compactMap { $0.figures[p]?.marginalReturn }.max() ?? 0
                return Column(header, total: .formula(sheet.rows.isEmpty ? "0" : "MAX(\(m)2:\(m)\(t - 1))", cached: best, .decimal6))
            }
        }
        return sheet
    }

    static func bridge(_ comparison: PlanComparison, currency: String) -> Sheet {
        let money = TableSheet.moneyStyle(currency: currency)
        var sheet = Sheet(name: "Bridge")
        sheet.columns = [Column("plan"), Column("step"), Column("lines"), Column("amount"), Column("what changed")]
        sheet.autoFilter = false
        for review in comparison.reviews {
            let label = comparison.labels[review.plan]
            let first = sheet.rows.count
            sheet.rows.append([
                .text(label), .text("base budget"), .empty, .number(review.bridge.start.major, money), .text(comparison.plans[0].path),
            ])
            for step in review.bridge.steps {
                sheet.rows.append([
                    .text(label), .text(step.driver.title), .number(Double(step.lines), .integer), .number(step.amount.major, money),
                    .text(step.detail),
                ])
            }
            let start = Sheet.reference(row: first, column: 3)
            let formula =
                review.bridge.steps.isEmpty
                ? start
                : "\(start)+SUM(\(Sheet.reference(row: first + 1, column: 3)):\(Sheet.reference(row: sheet.rows.count - 1, column: 3)))"
            sheet.rows.append([
                .text(label), .text("\(label) budget"), .empty, .formula(formula, cached: review.bridge.end.major, money),
                .text(comparison.plans[review.plan].path),
            ])
        }
        return sheet
    }

    static func reasons(_ comparison: PlanComparison, currency: String) -> Sheet {
        let money = TableSheet.moneyStyle(currency: currency)
        var sheet = Sheet(name: "Reasons")
        sheet.columns = [
            Column("plan"), Column("line"), Column("status"), Column("base_budget"), Column("other_budget"), Column("delta"),
            Column("driver"), Column("reason"),
        ]
        for review in comparison.reviews {
            for change in review.lines {
                let n = sheet.rows.count + 2
                sheet.rows.append([
                    .text(comparison.labels[review.plan]), .text(change.key), .text(change.status.rawValue),
                    .number(change.base.major, money), .number(change.other.major, money),
                    .formula("E\(n)-D\(n)", cached: change.delta.major, money), .text(change.driver.rawValue), .text(change.reason),
                ])
            }
        }
        return sheet
    }
}
