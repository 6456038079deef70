import Foundation

/// The optimum at one budget level: what the plan would spend and return with that budget.
public struct FrontierPoint: Sendable, Hashable {
    /// The budget level.
    public var budget: Double
    /// Optimal total spend at that budget (less than `budget` when everything is at its bound or
    /// below the marginal floor).
    public var spend: Double
    /// Optimal total response.
    public var response: Double
    /// The budget's shadow price at that level.
    public var lambda: Double
}

/// The response-versus-budget curve of a problem, for "what if we had 10 % more" and "least
/// spend to reach a target".
///
/// ```swift
/// let points = try frontier(problem, budgets: [problem.budget, 1.1 * problem.budget])
/// let extra = points[1].response - points[0].response
/// ```
///
/// For saturation curves with only a budget and bounds the whole curve comes from one sweep over
/// λ: the 2N points where cells change status are sorted once, and each budget level is solved in
/// closed form on its piece (`O(N log N + K)`). Otherwise each level is solved with ``allocate``.
///
/// - Parameters:
///   - problem: the cells and limits; its `budget` is replaced by each level.
///   - budgets: the levels, in any order; results come back in the same order.
/// - Throws: ``AllocationError`` when a level is infeasible (below the forced lows, say).
public func frontier(
    _ problem: AllocationProblem, budgets: [Double], options: AllocationOptions = AllocationOptions()
) throws(AllocationError) -> [FrontierPoint] {
    for level in budgets where !(level >= 0 && level.isFinite) { throw .invalidBudget(level) }
    let model = try Model(problem)
    if let sweep = Sweep(model) {
        let sumLo = model.pieces.map(\.lo).compensatedSum
        for level in budgets where level < sumLo {
            throw .lowerBoundsExceedBudget(sumOfLowerBounds: sumLo, budget: level)
        }
        return sweep.points(at: budgets)
    }
    var points: [FrontierPoint] = []
    for level in budgets {
        var copy = problem
        copy.budget = level
        let result = try allocate(copy, options: options)
        points.append(
            FrontierPoint(
                budget: level, spend: result.totalSpend, response: result.totalResponse,
                lambda: result.certificate.lambda))
    }
    return points
}

/// The frontier at `K` evenly spaced levels `maximum · k / K` for `k = 1…K` (`maximum` defaults to
/// twice the budget), for a response-versus-budget chart.
///
/// - Throws: ``AllocationError`` as ``frontier(_:budgets:options:)``.
public func frontier(
    _ problem: AllocationProblem, levels: Int, upTo maximum: Double? = nil,
    options: AllocationOptions = AllocationOptions()
) throws(AllocationError) -> [FrontierPoint] {
    let top = maximum ?? 2 * problem.budget
    let count = max(levels, 1)
    let budgets = (1...count).map { top * Double($0) / Double(count) }
    return try frontier(problem, budgets: budgets, options: options)
}

/// The least budget whose optimal plan reaches `target` response, with that plan's figures, or
/// `nil` when no budget reaches it (every cell at its bound, or the floor stops spending first).
///
/// Exact on the sweep for saturation curves with only a budget and bounds; otherwise bisection on
/// the budget (response is non-decreasing in it) to a relative width of 1e-12.
///
/// - Throws: ``AllocationError`` for an infeasible problem.
public func leastSpend(
    toReach target: Double, _ problem: AllocationProblem,
    options: AllocationOptions = AllocationOptions()
) throws(AllocationError) -> FrontierPoint? {
    let model = try Model(problem)
    let sumHi = model.pieces.map(\.hi).compensatedSum
    let sumLo = model.pieces.map(\.lo).compensatedSum
    if let sweep = Sweep(model) { return sweep.leastSpend(toReach: target) }
    func at(_ level: Double) throws(AllocationError) -> FrontierPoint {
        try frontier(problem, budgets: [level], options: options)[0]
    }
    let top = try at(sumHi)
    guard top.response >= target else { return nil }
    var low = sumLo
    var high = min(sumHi, top.spend)
    if try at(low).response >= target { return try at(low) }
    for _ in 0..<200 where high - low > 1e-12 * max(high, 1) {
        let mid = 0.5 * (low + high)
        if try at(mid).response >= target { high = mid } else { low = mid }
    }
    return try at(high)
}

/// The breakpoint sweep for saturation cells with a budget and bounds only.
struct Sweep {
    struct Event {
        let u: Double
        let cell: Int
        let entering: Bool
    }
    let model: Model
    let events: [Event]

    init?(_ model: Model) {
        guard !model.hasGroups,
            model.pieces.allSatisfy({ $0.isSaturation && !$0.hasChord }),
            !model.hasUnitCosts
        else { return nil }
        self.model = model
        var events: [Event] = []
        events.reserveCapacity(2 * model.count)
        for (i, piece) in model.pieces.enumerated() where piece.hi > piece.lo {
            events.append(Event(u: piece.ell - piece.lo / piece.s, cell: i, entering: true))
            events.append(Event(u: piece.ell - piece.hi / piece.s, cell: i, entering: false))
        }
        // Descending u; entering before leaving, then id order.
        events.sort {
            $0.u > $1.u || ($0.u == $1.u && ($0.entering && !$1.entering))
                || ($0.u == $1.u && $0.entering == $1.entering && $0.cell < $1.cell)
        }
        self.events = events
    }

    /// Walks the pieces of `S(u)`, calling `visit` with the running sums on each piece
    /// `[uNext, uCurrent]`; stops when `visit` returns true.
    func walk(
        _ visit: (
            _ uCurrent: Double, _ uNext: Double, _ fixedSpend: Double, _ fixedResponse: Double,
            _ freeS: Double, _ freeSEll: Double, _ freeA: Double
        ) -> Bool
    ) {
        var fixedSpend = CompensatedSum()
        var fixedResponse = CompensatedSum()
        for piece in model.pieces {
            fixedSpend.add(piece.lo)
            fixedResponse.add(piece.curve.response(at: piece.lo))
        }
        var freeS = CompensatedSum()
        var freeSEll = CompensatedSum()
        var freeA = CompensatedSum()
        var u = Double.infinity
        var k = 0
        while true {
            let next = k < events.count ? events[k].u : -Double.infinity
            if visit(
                u, next, fixedSpend.value, fixedResponse.value, freeS.value, freeSEll.value, freeA.value)
            {
                return
            }
            guard k < events.count else { return }
            let event = events[k]
            let piece = model.pieces[event.cell]
            let a = piece.s * exp(piece.ell)
            if event.entering {
                fixedSpend.add(-piece.lo)
                fixedResponse.add(-piece.curve.response(at: piece.lo))
                freeS.add(piece.s)
                freeSEll.add(piece.s * piece.ell)
                freeA.add(a)
            } else {
                freeS.add(-piece.s)
                freeSEll.add(-piece.s * piece.ell)
                freeA.add(-a)
                fixedSpend.add(piece.hi)
                fixedResponse.add(piece.curve.response(at: piece.hi))
            }
            u = event.u
            k += 1
        }
    }

    /// Frontier points at the given levels (any order), from one walk.
    func points(at budgets: [Double]) -> [FrontierPoint] {
        let order = budgets.indices.sorted { budgets[$0] < budgets[$1] || (budgets[$0] == budgets[$1] && $0 < $1) }
        var results = [FrontierPoint?](repeating: nil, count: budgets.count)
        let uFloor = model.floor > 0 ? log(model.floor) : -Double.infinity
        var position = 0
        walk { uCurrent, uNext, fixedSpend, fixedResponse, freeS, freeSEll, freeA in
            while position < order.count {
                let level = budgets[order[position]]
                // Spend at the floor's end of this piece.
                let uEnd = max(uNext, uFloor)
                let spendAtEnd = fixedSpend + (freeS > 0 ? freeSEll - freeS * uEnd : 0)
                let floorStops = uFloor >= uNext
                guard level <= spendAtEnd || floorStops || uNext == -.infinity else { break }
                var u: Double
                if freeS > 0 {
                    u = (freeSEll + fixedSpend - level) / freeS
                    u = min(max(u, uEnd), uCurrent)
                } else {
                    u = uCurrent == .infinity ? uEnd : uCurrent
                    if level >= spendAtEnd { u = uEnd }
                }
                let lambda = exp(u)
                let spend = freeS > 0 ? fixedSpend + freeSEll - freeS * u : fixedSpend
                let response = fixedResponse + (freeS > 0 ? freeA - freeS * lambda : 0)
                results[order[position]] = FrontierPoint(
                    budget: level, spend: min(spend, level), response: response,
                    lambda: max(lambda, model.floor))
                position += 1
            }
            return position >= order.count
        }
        return results.map { $0! }
    }

    /// Least spend reaching `target` response on the sweep, or `nil`.
    func leastSpend(toReach target: Double) -> FrontierPoint? {
        var found: FrontierPoint?
        let uFloor = model.floor > 0 ? log(model.floor) : -Double.infinity
        walk { uCurrent, uNext, fixedSpend, fixedResponse, freeS, freeSEll, freeA in
            if freeS <= 0 {
                if fixedResponse >= target {
                    found = FrontierPoint(
                        budget: fixedSpend, spend: fixedSpend, response: fixedResponse,
                        lambda: max(uCurrent.isFinite ? exp(uCurrent) : 0, model.floor))
                    return true
                }
                return uNext <= uFloor
            }
            let uEnd = max(uNext, uFloor)
            let responseAtEnd = fixedResponse + freeA - freeS * exp(uEnd)
            if responseAtEnd >= target {
                // fixedResponse + freeA − freeS·λ = target.
                let lambda = (fixedResponse + freeA - target) / freeS
                let u = min(max(log(max(lambda, 1e-300)), uEnd), uCurrent)
                let spend = fixedSpend + freeSEll - freeS * u
                found = FrontierPoint(budget: spend, spend: spend, response: target, lambda: exp(u))
                return true
            }
            return uNext <= uFloor
        }
        return found
    }
}
