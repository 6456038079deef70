import Comparison
import Planner
import PlannerCore
import PlannerIO

/// The comparison as deterministic JSON: the plans, the rows (every column of the extended
/// Changes table, by header name), the totals, and each other plan's review with its bridge.
public enum ComparisonJSON {
    /// What `compare --format json` prints: the JSON text, pretty-printed and ending with a
    /// newline; money with two decimals, λ with six, a field a plan lacks and an undefined share
    /// (ROI of nothing spent) as `null`.
    /// The same plans give the same bytes.
    public static func render(_ comparison: PlanComparison) -> String {
        let table = ComparisonTable(comparison, extended: true)
        let object = TableJSON.record(table.table)
        let value = JSONValue.object([
            ("by", .string(comparison.by.rawValue)),
            ("currency", .string(comparison.plans[0].currency)),
            (
                "plans",
                .array(
                    comparison.plans.enumerated().map { i, p in
                        .object([
                            ("label", .string(comparison.labels[i])), ("file", .string(p.path)), ("name", .string(p.name)),
                            ("budget", .number(p.budget.description)), ("allocated", .number(p.totals.allocated.description)),
                            ("unspent", .number(p.totals.unspent.description)),
                            ("lambda", .number(DecimalText.fixed(p.certificate.lambda, places: 6))),
                        ])
                    })
            ),
            ("rows", .array(table.rows.map(object))),
            ("totals", object(table.totals)),
            ("reviews", .array(comparison.reviews.map { review($0, label: comparison.labels[$0.plan]) })),
        ])
        return value.render() + "\n"
    }

    static func review(_ r: PlanReview, label: String) -> JSONValue {
        .object([
            ("plan", .string(label)),
            (
                "assumptions",
                .array(
                    r.assumptions.map {
                        .object([
                            ("key", .string($0.key)), ("base", $0.base.map(JSONValue.string) ?? .null),
                            ("other", $0.other.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            ("added", .array(r.added.map(JSONValue.string))),
            ("removed", .array(r.removed.map(JSONValue.string))),
            (
                "lines",
                .array(
                    r.lines.map {
                        .object([
                            ("line", .string($0.key)), ("status", .string($0.status.rawValue)), ("base", .number($0.base.description)),
                            ("other", .number($0.other.description)), ("delta", .number($0.delta.description)),
                            ("driver", .string($0.driver.rawValue)), ("reason", .string($0.reason)),
                        ])
                    })
            ),
            (
                "bridge",
                .object([
                    ("start", .number(r.bridge.start.description)),
                    (
                        "steps",
                        .array(
                            r.bridge.steps.map {
                                .object([
                                    ("driver", .string($0.driver.rawValue)), ("amount", .number($0.amount.description)),
                                    ("lines", .number(String($0.lines))), ("detail", .string($0.detail)),
                                ])
                            })
                    ),
                    ("end", .number(r.bridge.end.description)),
                ])
            ),
        ])
    }
}
