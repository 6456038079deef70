import Comparison
import Foundation
import ICUKit
import Planner
import PlannerCore
import PlannerIO
import Workbook

/// The comparison as Markdown for a budget review: the plans, the Changes table with totals, a
/// bar chart of the largest shifts per other plan, the brief fields that changed, lines added
/// and removed, the budget bridge and each changed line's reason.
public struct ComparisonReport: Sendable {
    /// The Markdown text (`compare --format md`); it links each chart in ``charts`` by name, or
    /// holds the charts inline when they are embedded.
    public let markdown: String
    /// Chart files to write beside the Markdown (name → SVG); empty when the charts are embedded.
    public let charts: [(name: String, svg: String)]

    /// How many keys the shifts chart shows at most.
    public static let chartBars = 10

    /// - Parameter embedCharts: put each chart inside the Markdown as a `data:` image (for
    ///   standard output) instead of returning it as a file to write beside it.
    public init(_ comparison: PlanComparison, embedCharts: Bool = false) throws(ICUError) {
        let money = try PlanReport.moneyFormat(comparison.plans[0].currency)
        let labels = comparison.labels
        var md = "# Budget review: \(PlanReport.cell(comparison.plans.map(\.name).joined(separator: " / ")))\n\n"
        md += "| plan | file | name | budget | allocated | unspent | λ |\n|---|---|---|---:|---:|---:|---:|\n"
        for (i, p) in comparison.plans.enumerated() {
            md += "| \(labels[i]) | \(PlanReport.cell(p.path)) | \(PlanReport.cell(p.name)) | \(p.budget) | \(p.totals.allocated) | "
            md += "\(p.totals.unspent) | \(DecimalText.fixed(p.certificate.lambda, places: 6)) |\n"
        }
        md += "\n## Changes by \(comparison.by.rawValue)\n\n"
        let table = ComparisonTable(comparison, extended: true)
        md += "| " + table.header.joined(separator: " | ") + " |\n"
        md += "|" + table.columns.map { $0 == .key || Self.isStatus($0) ? "---|" : "---:|" }.joined() + "\n"
        for row in table.rows { md += "| " + row.map { PlanReport.cell(ComparisonText.display($0)) }.joined(separator: " | ") + " |\n" }
        md += "| **" + table.totals.map { ComparisonText.display($0) }.joined(separator: "** | **") + "** |\n\n"

        var charts: [(name: String, svg: String)] = []
        for review in comparison.reviews {
            let label = labels[review.plan]
            md += "## \(label) against base\n\n"
            if review.isEmpty {
                md += "No changes: same brief fields, same lines, same budgets.\n\n"
                continue
            }
            let shifts = comparison.rows.filter { $0.delta(review.plan) != .zero }
                .sorted { a, b in
                    let x = a.delta(review.plan).minor.magnitude, y = b.delta(review.plan).minor.magnitude
                    return x != y ? x > y : a.key < b.key
                }
                .prefix(Self.chartBars)
            if !shifts.isEmpty {
                var bars: [BarChart.Bar] = []
                for row in shifts {
                    let delta = row.delta(review.plan)
                    let text =
                        (delta.minor < 0 ? "−" : "+") + (try money.format(decimal: Money(minor: Int64(delta.minor.magnitude)).description))
                    bars.append(BarChart.Bar(label: "\(row.key) \(delta.minor < 0 ? "▼" : "▲")", value: abs(delta.major), valueLabel: text))
                }
                let title = "Largest shifts by \(comparison.by.rawValue): \(label) against base"
                let svg = BarChart(title: title, bars: bars).svg()
                let name = "shifts-\(label).svg"
                if embedCharts {
                    md += "![\(title)](data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString()))\n\n"
                } else {
                    charts.append((name, svg))
                    md += "![\(title)](\(name))\n\n"
                }
            }
            md +=
                "- Brief fields changed: " + (review.assumptions.isEmpty ? "none" : review.assumptions.map(\.text).joined(separator: "; "))
                + "\n"
            md += "- Lines added: " + (review.added.isEmpty ? "none" : review.added.joined(separator: "; ")) + "\n"
            md += "- Lines removed: " + (review.removed.isEmpty ? "none" : review.removed.joined(separator: "; ")) + "\n\n"
            md += "### Budget bridge\n\n| step | amount | lines | what changed |\n|---|---:|---:|---|\n"
            md += "| base budget | \(review.bridge.start) | | |\n"
            for step in review.bridge.steps {
                md += "| \(step.driver.title) | \(ComparisonText.signed(step.amount)) | \(step.lines) | \(PlanReport.cell(step.detail)) |\n"
            }
            md += "| **\(label) budget** | **\(review.bridge.end)** | | |\n\n"
            if !review.lines.isEmpty {
                md +=
                    "### Changed lines\n\n| line | status | base | \(label) | delta | driver | reason |\n|---|---|---:|---:|---:|---|---|\n"
                for c in review.lines {
                    md +=
                        "| \(PlanReport.cell(c.key)) | \(c.status.rawValue) | \(c.base) | \(c.other) | \(ComparisonText.signed(c.delta)) | "
                    md += "\(c.driver.rawValue) | \(PlanReport.cell(c.reason)) |\n"
                }
                md += "\n"
            }
        }
        md += "Each changed line's delta goes to the first driver that applies, in this order: "
        md += ChangeDriver.allCases.map(\.title).joined(separator: ", ") + ". The unspent money counts as one more line.\n"
        self.markdown = md
        self.charts = charts
    }

    static func isStatus(_ column: ComparisonTable.Column) -> Bool {
        if case .status = column { return true }
        return false
    }
}
