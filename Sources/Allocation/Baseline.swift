/// The proportional split a plan is compared against: every cell gets its lower bound, and the
/// rest of the budget is shared in proportion to each cell's room `hi − lo` (so no cell passes
/// its upper bound). Results are in input order.
///
/// It honours the budget and the cell bounds only (not caps, segment limits, minimum spends or
/// whole messages); on problems with just those, ``allocate(_:options:)`` is never worse.
public func proportionalSplit(_ problem: AllocationProblem) -> [Double] {
    let sumLo = problem.cells.map(\.lo).compensatedSum
    let room = problem.cells.map { $0.hi - $0.lo }.compensatedSum
    let share = room > 0 ? min(1, max(0, problem.budget - sumLo) / room) : 0
    return problem.cells.map { $0.lo + share * ($0.hi - $0.lo) }
}

/// Total response of `budgets` (input order) on the problem's cells.
public func totalResponse(of budgets: [Double], in problem: AllocationProblem) -> Double {
    zip(problem.cells, budgets).map { $0.curve.response(at: $1) }.compensatedSum
}
