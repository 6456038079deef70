import Planner
import PlannerCore

/// Plans side by side: per key (`--by`) each plan's budget, conversions, revenue, ROI and
/// marginal return, the budget deltas against the first plan, the totals, and for every other
/// plan a ``PlanReview`` of what changed and why.
///
/// ```swift
/// let plans = try PlanFile.loadAll(["v1/plan.json", "v2/plan.json"])
/// let comparison = PlanComparison(plans, by: .region)
/// comparison.totals.delta(1)   // == Σ row.delta(1), to the paisa
/// ```
///
/// Every amount is in paise (``Money``): the per-key deltas sum exactly to the difference of
/// the totals, for every key.
public struct PlanComparison: Sendable {
    /// What lines are grouped by (`--by`): a row's key is ``ComparisonKey/value(of:)`` of its
    /// lines, and the tables' first column is named after it.
    public let by: ComparisonKey
    /// The plans, the base first.
    public let plans: [PlanFile]
    /// One row per key found in any plan, sorted by key.
    public let rows: [ComparisonRow]
    /// The sums over every line of each plan (key `total`).
    public let totals: ComparisonRow
    /// What changed in each plan after the first, against the first.
    public let reviews: [PlanReview]

    /// Compares `plans` (the first is the base; load them with ``PlanFile/loadAll(_:)`` so that
    /// their currencies agree).
    public init(_ plans: [PlanFile], by: ComparisonKey) {
        self.by = by
        self.plans = plans
        var groups: [String: [KeyFigures?]] = [:]
        var totals = [KeyFigures](repeating: KeyFigures(), count: plans.count)
        for (index, plan) in plans.enumerated() {
            for line in plan.lines {
                let key = by.value(of: line)
                var figures = groups[key] ?? [KeyFigures?](repeating: nil, count: plans.count)
                var mine = figures[index] ?? KeyFigures()
                mine.add(line)
                figures[index] = mine
                groups[key] = figures
                totals[index].add(line)
            }
        }
        rows = groups.keys.sorted().map { ComparisonRow(key: $0, figures: groups[$0]!) }
        self.totals = ComparisonRow(key: "total", figures: totals)
        reviews = plans.indices.dropFirst().map { PlanReview(base: plans[0], other: plans[$0], plan: $0) }
    }

    /// Whether any plan differs from the base in any brief field, line or budget.
    public var hasChanges: Bool { reviews.contains { !$0.isEmpty } }

    /// Short names for each plan's columns: `base` and `other` for two plans; `base`, `other1`,
    /// `other2`, ... for more.
    public var labels: [String] {
        plans.indices.map { $0 == 0 ? "base" : plans.count == 2 ? "other" : "other\($0)" }
    }
}
