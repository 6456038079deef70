import Planner
import PlannerCore
import PlannerIO

/// What changed in one plan against the base plan, and why: brief fields, lines added and
/// removed, each changed line with its driver, and the budget bridge.
public struct PlanReview: Sendable {
    /// The plan's position in the comparison (1 for the first plan after the base).
    public let plan: Int
    /// Brief fields whose value differs from the base plan's (the budget included), in the base
    /// plan's order, then fields only this plan has; empty when the briefs agree.
    public let assumptions: [AssumptionChange]
    /// Keys of lines only in this plan, sorted.
    public let added: [String]
    /// Keys of lines only in the base plan, sorted.
    public let removed: [String]
    /// Lines (and the unspent money) whose budget moved, sorted by key; unspent last.
    public let lines: [LineChange]
    /// From the base plan's budget to this plan's, driver by driver; its steps sum exactly to
    /// the change (zero steps when no budget moved).
    public let bridge: Bridge

    /// Nothing changed: no brief field, no line, no budget.
    public var isEmpty: Bool { assumptions.isEmpty && lines.isEmpty && added.isEmpty && removed.isEmpty }

    /// Compares `other` (at position `plan`) with `base` and attributes every change.
    public init(base: PlanFile, other: PlanFile, plan: Int) {
        self.plan = plan
        let attribution = Attribution(base: base, other: other)
        assumptions = attribution.changedAssumptions
        let baseLines = Dictionary(base.lines.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let otherLines = Dictionary(other.lines.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        added = otherLines.keys.filter { baseLines[$0] == nil }.sorted()
        removed = baseLines.keys.filter { otherLines[$0] == nil }.sorted()
        var changes: [LineChange] = []
        for key in Set(baseLines.keys).union(otherLines.keys).sorted() {
            let b = baseLines[key], o = otherLines[key]
            let status: ChangeStatus = b == nil ? .added : o == nil ? .removed : .changed
            let from = b?.budget ?? .zero, to = o?.budget ?? .zero
            guard from != to || status != .changed else { continue }
            let (driver, reason) = attribution.driver(base: b, other: o)
            changes.append(LineChange(key: key, status: status, base: from, other: to, driver: driver, reason: reason))
        }
        if base.totals.unspent != other.totals.unspent {
            let (driver, reason) = attribution.driver(base: nil, other: nil)
            changes.append(
                LineChange(
                    key: LineChange.unspent, status: .changed, base: base.totals.unspent, other: other.totals.unspent, driver: driver,
                    reason: reason))
        }
        lines = changes
        var steps: [BridgeStep] = []
        for driver in ChangeDriver.allCases {
            let mine = changes.filter { $0.driver == driver }
            guard !mine.isEmpty else { continue }
            var reasons: [String] = []
            for change in mine where !reasons.contains(change.reason) { reasons.append(change.reason) }
            let detail = reasons.prefix(3).joined(separator: "; ") + (reasons.count > 3 ? "; and \(reasons.count - 3) more" : "")
            steps.append(
                BridgeStep(driver: driver, detail: detail, amount: mine.map(\.delta).reduce(Money.zero, +), lines: mine.count))
        }
        bridge = Bridge(start: base.budget, steps: steps, end: other.budget)
    }
}
