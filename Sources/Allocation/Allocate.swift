import Foundation

/// Splits a budget over cells to maximise total expected response, with a proof of optimality.
///
/// ```swift
/// let problem = AllocationProblem(
///   cells: [
///     Cell(id: "a/sms", curve: .saturation(a: 100, s: 50), hi: 500),
///     Cell(id: "b/sms", curve: .saturation(a: 100, s: 50), hi: 500),
///   ],
///   budget: 60)
/// let plan = try allocate(problem)   // 30 each; λ = 2·e^{−0.6}
/// ```
///
/// Budget and bounds alone are solved exactly (marginal-return search); channel caps and segment
/// limits by dual coordinate ascent to a relative gap of `options.relativeGapTolerance`; minimum
/// viable spends and S-curves by branch-and-bound; whole messages by rounding with a 1-swap pass.
/// Every result carries a ``Certificate``. The same problem gives bit-identical results on every
/// run, whatever the order of its cells (ties are broken by id).
///
/// - Throws: ``AllocationError`` naming the conflicting cells or constraints.
/// - Complexity: O(N) per Newton step for budget and bounds (a few steps); O(N) per sweep for
///   group limits.
public func allocate(_ problem: AllocationProblem, options: AllocationOptions = AllocationOptions())
    throws(AllocationError) -> AllocationResult
{
    let model = try Model(problem)
    var plan = try solveContinuous(model, options: options)
    var method: SolveMethod =
        plan.nodes > 0 ? .branchAndBound : (model.hasGroups ? .dualCoordinateAscent : .exactBudget)
    if model.hasUnitCosts {
        plan = try WholeMessages.round(model, plan: plan, options: options)
        method = .wholeMessageRounding
    }
    let scale = max(model.budget, 1)
    let violation = model.violation(plan.b)
    if violation > 1e-9 * scale {
        throw .infeasible(
            constraints: model.violatedConstraints(plan.b, tolerance: 1e-9 * scale), violation: violation)
    }
    return model.result(plan: plan, method: method, violation: violation)
}

extension Model {
    /// Assembles the public result (input order) from a plan in id order.
    func result(plan: IntegralPlan, method: SolveMethod, violation: Double) -> AllocationResult {
        let b = plan.b
        let relaxation = plan.relaxation
        let lambda = floor + relaxation.eta
        let scale = max(budget, 1)
        let tolerance = 1e-9

        // Per cell, in id order; the response is reused from the relaxation where the plan kept it.
        var built: [CellAllocation] = []
        built.reserveCapacity(count)
        var kkt = 0.0
        var response = CompensatedSum()
        let reuse = relaxation.values.count == count
        for i in pieces.indices {
            let piece = pieces[i]
            let curve = piece.curve
            let x = b[i]
            let r =
                reuse && !piece.hasChord && relaxation.b[i] == x
                ? relaxation.values[i] : curve.response(at: x)
            response.add(r)
            let marginal = curve.marginal(at: x)
            let near = tolerance * max(1, piece.hi)
            let status: CellStatus
            if piece.minimumSpend > 0 && x == 0 {
                status = .off
            } else if x >= piece.hi - near {
                status = .atUpper
            } else if x <= piece.lo + near {
                status = floor > 0 && relaxation.eta == 0 && marginal <= floor ? .belowFloor : .atLower
            } else {
                status = .interior
            }
            let p = price(i, eta: relaxation.eta, mu: relaxation.mu, nu: relaxation.nu)
            let m = piece.hasChord && x < piece.tangent ? piece.sigma : marginal
            let denominator = max(abs(p), 1e-300)
            switch status {
            case .interior: kkt = max(kkt, abs(m - p) / denominator)
            case .atLower, .belowFloor: kkt = max(kkt, max(0, m - p) / denominator)
            case .atUpper: kkt = max(kkt, max(0, p - m) / denominator)
            case .off: break
            }
            var messages: Int?
            if let c = unitCost(i) { messages = Int((x / c).rounded()) }
            built.append(
                CellAllocation(
                    id: id(i), budget: x, response: r, marginal: marginal, status: status,
                    messages: messages))
        }
        // Back to input order.
        var position = [Int](repeating: 0, count: count)
        for (i, k) in inputIndex.enumerated() { position[k] = i }
        let entries = position.map { built[$0] }

        // Multipliers of binding limits.
        var multipliers: [ConstraintMultiplier] = []
        for (k, group) in channels.enumerated() where relaxation.mu[k] > 0 {
            multipliers.append(
                ConstraintMultiplier(
                    name: group.name, kind: .channelCap, limit: group.maximum,
                    spend: group.members.map { b[$0] }.compensatedSum, multiplier: relaxation.mu[k]))
        }
        for (k, group) in segments.enumerated() where relaxation.nu[k] != 0 {
            let isMaximum = relaxation.nu[k] > 0
            multipliers.append(
                ConstraintMultiplier(
                    name: group.name, kind: isMaximum ? .segmentMaximum : .segmentMinimum,
                    limit: isMaximum ? group.maximum : group.minimum,
                    spend: group.members.map { b[$0] }.compensatedSum, multiplier: abs(relaxation.nu[k])))
        }

        let spend = b.compensatedSum
        let objective = floor > 0 ? response.value - floor * spend : response.value
        let bound = max(plan.bound, objective)
        let gap = bound - objective
        let certificate = Certificate(
            objective: objective, dualBound: bound, gap: gap,
            relativeGap: gap / max(abs(objective), 1e-300), maxViolation: violation, lambda: lambda,
            maxKKTResidual: (method == .exactBudget || method == .dualCoordinateAscent) ? kkt : nil,
            multipliers: multipliers, method: method, nodes: plan.nodes, sweeps: relaxation.sweeps,
            roundedCells: plan.rounded.map { id($0) })
        let unspent = unspentBudget(b, spend: spend, scale: scale)
        return AllocationResult(
            cells: entries, totalSpend: spend, totalResponse: response.value,
            certificate: certificate, unspent: unspent)
    }

    /// The unspent amount and, for every cell that still has room, what holds it back.
    func unspentBudget(_ b: [Double], spend: Double, scale: Double) -> UnspentBudget {
        let amount = max(0, budget - spend)
        guard amount > 1e-9 * scale else { return UnspentBudget(amount: amount, reasons: []) }
        let channelSpend = channels.map { g in g.members.map { b[$0] }.compensatedSum }
        let segmentSpend = segments.map { g in g.members.map { b[$0] }.compensatedSum }
        var channelCells = [Int](repeating: 0, count: channels.count)
        var segmentCells = [Int](repeating: 0, count: segments.count)
        var floorCells = 0
        var messageCells = 0
        var minimumCells = 0
        var withRoom = 0
        for i in pieces.indices {
            let piece = pieces[i]
            guard b[i] < piece.hi - 1e-9 * max(1, piece.hi) else { continue }
            withRoom += 1
            let c = channelOf[i]
            let g = segmentOf[i]
            // The least this cell can add: one message (or its minimum spend), else a sliver.
            var need = 1e-9 * scale
            if let unit = unitCost(i) { need = b[i] < piece.onFloor ? piece.onFloor - b[i] : unit }
            if c >= 0 && channelSpend[c] + need > channels[c].maximum {
                channelCells[c] += 1
            } else if g >= 0 && segmentSpend[g] + need > segments[g].maximum {
                segmentCells[g] += 1
            } else if piece.minimumSpend > 0 && b[i] == 0 {
                minimumCells += 1
            } else if let unit = unitCost(i), unit > amount * (1 + 1e-12) {
                messageCells += 1
            } else {
                floorCells += 1
            }
        }
        var reasons: [UnspentReason] = []
        if withRoom == 0 { reasons.append(.everyCellAtUpperBound) }
        if floorCells > 0 { reasons.append(.belowMarginalFloor(cells: floorCells, floor: floor)) }
        for (k, group) in channels.enumerated() where channelCells[k] > 0 {
            reasons.append(.channelCapReached(channel: group.name, cells: channelCells[k]))
        }
        for (k, group) in segments.enumerated() where segmentCells[k] > 0 {
            reasons.append(.segmentMaximumReached(segment: group.name, cells: segmentCells[k]))
        }
        if messageCells > 0 { reasons.append(.lessThanOneMessage(cells: messageCells)) }
        if minimumCells > 0 { reasons.append(.minimumSpendNotWorthIt(cells: minimumCells)) }
        return UnspentBudget(amount: amount, reasons: reasons)
    }
}
