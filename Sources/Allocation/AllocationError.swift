import PlannerCore

/// Why a problem cannot be solved. Every case names the cells or constraints in conflict and
/// the numbers that clash, so the message says what to change.
public enum AllocationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The budget is negative, infinite or not a number.
    case invalidBudget(Double)
    /// The marginal floor is negative, infinite or not a number.
    case invalidMarginalFloor(Double)
    /// A cell's field is unusable (for example `lo > hi`, a negative `hi`, `alpha < 1`).
    case invalidCell(id: String, field: String, reason: String)
    /// Two cells share an id.
    case duplicateCellID(String)
    /// A channel cap or segment limit is given twice, or has an unusable value.
    case invalidConstraint(name: String, reason: String)
    /// The cells' lower bounds (and forced minimum spends) add up to more than the budget.
    case lowerBoundsExceedBudget(sumOfLowerBounds: Double, budget: Double)
    /// A channel's cap is below the lower bounds of its cells.
    case channelCapBelowLowerBounds(channel: String, cap: Double, sumOfLowerBounds: Double)
    /// A segment's minimum is above what its cells can take (the sum of their upper bounds).
    case segmentMinimumAboveUpperBounds(segment: String, minimum: Double, sumOfUpperBounds: Double)
    /// A segment's maximum is below the lower bounds of its cells.
    case segmentMaximumBelowLowerBounds(segment: String, maximum: Double, sumOfLowerBounds: Double)
    /// A segment's minimum is above its maximum.
    case segmentLimitsCrossed(segment: String, minimum: Double, maximum: Double)
    /// The segment minimums (with the other cells' lower bounds) add up to more than the budget.
    case segmentMinimumsExceedBudget(segments: [String], required: Double, budget: Double)
    /// The limits cannot hold together; `constraints` names those still violated at the end of the
    /// solve (for example a segment minimum that only capped channels can serve).
    case infeasible(constraints: [String], violation: Double)

    /// A one-line explanation naming the conflicting constraints.
    public var description: String {
        switch self {
        case let .invalidBudget(b):
            return "budget must be a non-negative finite number, got \(b)"
        case let .invalidMarginalFloor(x):
            return "marginal floor must be a non-negative finite number, got \(x)"
        case let .invalidCell(id, field, reason):
            return "cell '\(id)': \(field) \(reason)"
        case let .duplicateCellID(id):
            return "cell id '\(id)' appears more than once; ids must be unique"
        case let .invalidConstraint(name, reason):
            return "constraint \(name): \(reason)"
        case let .lowerBoundsExceedBudget(sum, budget):
            return "budget \(budget) is below the cells' lower bounds, which add up to \(sum)"
        case let .channelCapBelowLowerBounds(channel, cap, sum):
            return "channel cap '\(channel)' (\(cap)) is below its cells' lower bounds (\(sum))"
        case let .segmentMinimumAboveUpperBounds(segment, minimum, sum):
            return
                "segment minimum '\(segment)' (\(minimum)) is above what its cells can take (upper bounds \(sum))"
        case let .segmentMaximumBelowLowerBounds(segment, maximum, sum):
            return "segment maximum '\(segment)' (\(maximum)) is below its cells' lower bounds (\(sum))"
        case let .segmentLimitsCrossed(segment, minimum, maximum):
            return "segment '\(segment)': minimum \(minimum) is above maximum \(maximum)"
        case let .segmentMinimumsExceedBudget(segments, required, budget):
            return
                "budget \(budget) is below what the segment minimums require (\(required)): segments \(segments.joined(separator: ", "))"
        case let .infeasible(constraints, violation):
            return
                "the limits cannot all hold (violation \(violation)): \(constraints.joined(separator: ", "))"
        }
    }
}

extension AllocationError: DiagnosticConvertible {
    /// The cells and limits cannot be solved as given: bad input, with the clash in numbers.
    public var diagnostic: Diagnostic { Diagnostic(.badInput, message: description) }
}
