import Comparison
import Planner
import PlannerCore
import PlannerIO

/// The comparison for a terminal: the plans, the Changes table with its totals, then for each
/// other plan the brief fields that changed, lines added and removed, each changed line with its
/// reason, and the budget bridge.
public enum ComparisonText {
    /// What `compare` prints by default (`--format table`): padded columns, the Changes table
    /// with a status column per other plan, shares as percentages with one decimal and other
    /// decimals with two; ends with a newline.
    public static func render(_ comparison: PlanComparison) -> String {
        let labels = comparison.labels
        var out = "Comparing \(comparison.plans.count) plans by \(comparison.by.rawValue) (\(comparison.plans[0].currency))\n"
        out += TableText.render(
            header: ["plan", "file", "name", "budget", "allocated", "unspent", "lambda"],
            rows: comparison.plans.enumerated().map { i, p in
                [
                    labels[i], p.path, p.name, p.budget.description, p.totals.allocated.description, p.totals.unspent.description,
                    DecimalText.fixed(p.certificate.lambda, places: 6),
                ]
            })
        out += "\n"
        let table = ComparisonTable(comparison)
        let statuses = comparison.plans.indices.dropFirst().map { p in comparison.rows.map { $0.status(p).rawValue } }
        let header = table.header + statuses.indices.map { statuses.count == 1 ? "status" : "\(labels[$0 + 1])_status" }
        var rows = table.rows.enumerated().map { r, row in row.map(display) + statuses.map { $0[r] } }
        rows.append(table.totals.map(display) + statuses.map { _ in "" })
        out += TableText.render(header: header, rows: rows)
        for review in comparison.reviews {
            out += "\n" + render(review, comparison: comparison)
        }
        return out
    }

    static func render(_ review: PlanReview, comparison: PlanComparison) -> String {
        let label = comparison.labels[review.plan]
        var out = "\(label) (\(comparison.plans[review.plan].path)) against base (\(comparison.plans[0].path)):\n"
        if review.isEmpty { return out + "No changes: same brief fields, same lines, same budgets.\n" }
        out +=
            "Brief fields changed: " + (review.assumptions.isEmpty ? "none" : review.assumptions.map(\.text).joined(separator: "; ")) + "\n"
        out += "Lines added: " + (review.added.isEmpty ? "none" : review.added.joined(separator: "; ")) + "\n"
        out += "Lines removed: " + (review.removed.isEmpty ? "none" : review.removed.joined(separator: "; ")) + "\n"
        if !review.lines.isEmpty {
            out += "\nChanged lines:\n"
            out += TableText.render(
                header: ["line", "status", "base", label, "delta", "driver", "reason"],
                rows: review.lines.map {
                    [
                        $0.key, $0.status.rawValue, $0.base.description, $0.other.description, $0.delta.description, $0.driver.rawValue,
                        $0.reason,
                    ]
                })
        }
        out += "\nBudget bridge:\n"
        var rows = [["base budget", review.bridge.start.description, "", ""]]
        rows += review.bridge.steps.map { [$0.driver.title, signed($0.amount), String($0.lines), $0.detail] }
        rows.append(["\(label) budget", review.bridge.end.description, "", ""])
        out += TableText.render(header: ["step", "amount", "lines", "what changed"], rows: rows)
        return out
    }

    /// `+4000.00`, `-12.50`, `0.00`.
    static func signed(_ m: Money) -> String { m.minor > 0 ? "+\(m)" : m.description }

    /// A value as a person reads it: shares as percentages with one decimal.
    static func display(_ value: Table.Value) -> String {
        switch value {
        case .percent(let x): x.map { DecimalText.fixed($0 * 100, places: 1) + " %" } ?? ""
        case .decimal(let x, _): DecimalText.fixed(x, places: 2)
        default: value.plainText
        }
    }
}
