import Planner
import PlannerCore

/// One key's figures in one plan, summed over the key's lines (base case).
public struct KeyFigures: Sendable, Equatable {
    /// The key's line budgets summed, in paise (exact).
    public var budget: Money = .zero
    /// Expected purchases at the base rates, summed over the key's lines (a fraction, not
    /// rounded).
    public var conversions: Double = 0
    /// Expected revenue at the base rates in major currency units (rupees), summed; rounded to
    /// paise only where it is shown.
    public var revenue: Double = 0
    /// The best marginal return among the key's lines: what the next rupee would bring if it
    /// went to this key (for one line, the line's own).
    public var marginalReturn: Double = 0
    /// How many of the plan's lines were summed into these figures (0 only before the first).
    public var lines: Int = 0

    /// No lines yet: every figure zero and ``roi`` nil.
    public init() {}

    /// (revenue − budget) / budget, as the plan computes a line's ROI; nil when nothing is spent.
    public var roi: Double? { budget.minor > 0 ? (revenue - budget.major) / budget.major : nil }

    mutating func add(_ line: PlanLine) {
        marginalReturn = lines == 0 ? line.forecast.marginalReturn : max(marginalReturn, line.forecast.marginalReturn)
        budget = budget + line.budget
        conversions += line.forecast.conversions.base
        revenue += line.forecast.revenue.base
        lines += 1
    }
}

/// How a key or line stands in a plan against the base plan.
public enum ChangeStatus: String, Sendable {
    case same, changed, added, removed
}

/// One row of the Changes table: a key's figures in every plan, and its budget deltas against
/// the first plan.
public struct ComparisonRow: Sendable {
    /// The key (`IN-WB`, `sms`, ...), or `total` for the totals row.
    public let key: String
    /// Per plan, in the order given; nil when no line of that plan has the key.
    public let figures: [KeyFigures?]

    /// The key's budget in plan `plan` (zero when absent).
    public func budget(_ plan: Int) -> Money { figures[plan]?.budget ?? .zero }

    /// Plan `plan`'s budget minus the base plan's, in paise.
    public func delta(_ plan: Int) -> Money { budget(plan) - budget(0) }

    /// The delta as a share of the base budget (0.1 = 10 %); nil when the base budget is zero.
    public func deltaShare(_ plan: Int) -> Double? {
        budget(0).minor == 0 ? nil : Double(delta(plan).minor) / Double(budget(0).minor)
    }

    /// Added or removed when the key is in only one of the two plans; changed when the budget moved.
    public func status(_ plan: Int) -> ChangeStatus {
        switch (figures[0], figures[plan]) {
        case (nil, .some): .added
        case (.some, nil): .removed
        default: delta(plan) == .zero ? .same : .changed
        }
    }
}
