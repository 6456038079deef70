import Foundation

/// A plan for the envelope problem made integral: every cell at a point its true curve reaches.
struct IntegralPlan: Sendable {
    /// Spend per cell, id order.
    var b: [Double]
    /// The relaxation whose multipliers describe the plan (the node where it was found).
    var relaxation: Relaxation
    /// A valid upper bound on the best `Σ r(b) − floor·Σ b` over all feasible plans.
    var bound: Double
    /// Branch-and-bound nodes solved (0 when no cell needed branching).
    var nodes: Int
    /// Cells moved off a chord by rounding (id order).
    var rounded: [Int]
}

/// Branch-and-bound for minimum viable spend (and S-shaped Hill curves).
///
/// The relaxation over concave envelopes (a chord from 0 to the minimum spend `m`, for instance)
/// bounds the true problem. With distinct chord slopes at most one cell per binding multiplier
/// sits on a chord; the node's plan rounds such cells down to their anchor (and back up where the
/// limits allow), and the search branches on the chord cell with the most at stake: "off"
/// (`hi = 0`) or "on" (`lo = m`) for a semi-continuous cell, a split of the spend interval at the
/// relaxed value for an S-curve. Nodes are taken best bound first; the bound reported is the
/// largest open or pruned node bound, so the gap is honest when the node limit stops the search.
enum MinimumSpend {
    struct Override: Sendable {
        var lo: Double
        var hi: Double
        var minimumSpend: Double
    }

    struct Node: Sendable {
        var overrides: [Int: Override]
        var bound: Double
        var sequence: Int
    }

    static func solve(_ model: Model, options: AllocationOptions) throws(AllocationError)
        -> IntegralPlan
    {
        let scale = max(model.budget, 1)
        let feasibilityTolerance = 1e-9 * scale
        var incumbent: IntegralPlan?
        var incumbentValue = -Double.infinity
        var open: [Node] = [Node(overrides: [:], bound: .infinity, sequence: 0)]
        var sequence = 0
        var nodes = 0
        var prunedBound = -Double.infinity
        var rootRelaxation: Relaxation?

        while !open.isEmpty {
            // Best bound first; ties by creation order.
            var pick = 0
            for k in open.indices.dropFirst()
            where open[k].bound > open[pick].bound
                || (open[k].bound == open[pick].bound && open[k].sequence < open[pick].sequence)
            {
                pick = k
            }
            let node = open.remove(at: pick)
            let tolerance = options.relativeGapTolerance * max(abs(incumbentValue), 1e-300)
            if node.bound <= incumbentValue + tolerance {
                prunedBound = max(prunedBound, node.bound)
                continue
            }
            if nodes >= options.maxNodes {
                open.append(node)
                break
            }
            nodes += 1
            var sub = model
            for (i, o) in node.overrides {
                sub.pieces[i] = Piece(
                    curve: model.pieces[i].curve, lo: o.lo, hi: o.hi, minimumSpend: o.minimumSpend)
            }
            let relaxation: Relaxation
            do {
                try sub.checkFeasibility()
                relaxation = try relax(sub, options: options)
            } catch {
                if node.overrides.isEmpty { throw error }
                continue
            }
            if rootRelaxation == nil { rootRelaxation = relaxation }
            let bound = min(node.bound, relaxation.dualBound)

            // Round chord cells down to their anchor, then back up where the limits allow.
            var x = relaxation.b
            var fractional: [Int] = []
            for i in x.indices {
                let piece = sub.pieces[i]
                guard piece.hasChord else { continue }
                let p = sub.price(i, eta: relaxation.eta, mu: relaxation.mu, nu: relaxation.nu)
                let tie = x[i] == piece.lo && abs(p - piece.sigma) <= 1e-9 * piece.sigma
                if piece.isFractional(x[i]) || tie {
                    fractional.append(i)
                    x[i] = piece.lo
                }
            }
            // Rounding up must not spend a bit more than the relaxation did on any limit.
            let strict = relaxation.violation
            for i in fractional {
                let before = x[i]
                x[i] = sub.pieces[i].tangent
                if sub.violation(x) > strict { x[i] = before }
            }
            if sub.violation(x) <= feasibilityTolerance {
                let value = sub.trueValue(x)
                if value > incumbentValue {
                    incumbentValue = value
                    incumbent = IntegralPlan(
                        b: x, relaxation: relaxation, bound: bound, nodes: nodes,
                        rounded: fractional)
                }
            }
            // Fix every chord cell on the side it is on, decide the fractional ones both ways (all
            // off, all on) and re-solve the now concave rest exactly: money moves between cells at
            // the same marginal return, so the loss is second order and the plan is integral.
            if !fractional.isEmpty {
                var frozen = sub
                for i in sub.pieces.indices where sub.pieces[i].hasChord {
                    let piece = sub.pieces[i]
                    if relaxation.b[i] >= piece.tangent {
                        frozen.pieces[i] = Piece(curve: piece.curve, lo: piece.tangent, hi: piece.hi, minimumSpend: 0)
                    } else if !fractional.contains(i) {
                        frozen.pieces[i] = Piece(curve: piece.curve, lo: piece.lo, hi: piece.lo, minimumSpend: 0)
                    }
                }
                for switchOn in [false, true] {
                    var candidate = frozen
                    for i in fractional {
                        let piece = sub.pieces[i]
                        candidate.pieces[i] =
                            switchOn
                            ? Piece(curve: piece.curve, lo: piece.tangent, hi: piece.hi, minimumSpend: 0)
                            : Piece(curve: piece.curve, lo: piece.lo, hi: piece.lo, minimumSpend: 0)
                    }
                    guard (try? candidate.checkFeasibility()) != nil,
                        let solved = try? relax(candidate, options: options)
                    else { continue }
                    let integral = !solved.b.indices.contains { sub.pieces[$0].isFractional(solved.b[$0]) }
                    guard integral, sub.violation(solved.b) <= feasibilityTolerance else { continue }
                    let value = sub.trueValue(solved.b)
                    if value > incumbentValue {
                        incumbentValue = value
                        incumbent = IntegralPlan(
                            b: solved.b, relaxation: solved, bound: bound, nodes: nodes, rounded: fractional)
                    }
                }
            }
            let closeEnough =
                bound <= incumbentValue + options.relativeGapTolerance * max(abs(incumbentValue), 1e-300)
            guard !fractional.isEmpty, !closeEnough else {
                prunedBound = max(prunedBound, bound)
                continue
            }
            // Branch on the chord cell with the most at stake (ties by id).
            var branch = fractional[0]
            var stake = -1.0
            for i in fractional {
                let piece = sub.pieces[i]
                let weight = piece.sigma * (piece.tangent - piece.lo)
                if weight > stake {
                    stake = weight
                    branch = i
                }
            }
            let piece = sub.pieces[branch]
            var left = node.overrides
            var right = node.overrides
            if piece.minimumSpend > 0 {
                left[branch] = Override(lo: 0, hi: 0, minimumSpend: 0)
                right[branch] = Override(lo: piece.minimumSpend, hi: piece.hi, minimumSpend: 0)
            } else {
                var split = relaxation.b[branch]
                if !(split > piece.lo && split < piece.tangent) { split = 0.5 * (piece.lo + piece.tangent) }
                left[branch] = Override(lo: piece.lo, hi: split, minimumSpend: 0)
                right[branch] = Override(lo: split, hi: piece.hi, minimumSpend: 0)
            }
            sequence += 1
            open.append(Node(overrides: left, bound: bound, sequence: sequence))
            sequence += 1
            open.append(Node(overrides: right, bound: bound, sequence: sequence))
        }
        guard var plan = incumbent else {
            let root = rootRelaxation?.b ?? Array(repeating: 0, count: model.count)
            throw .infeasible(
                constraints: model.violatedConstraints(root, tolerance: feasibilityTolerance)
                    + ["minimum viable spend"],
                violation: model.violation(root))
        }
        var bound = max(incumbentValue, prunedBound)
        for node in open { bound = max(bound, node.bound) }
        plan.bound = bound
        plan.nodes = nodes
        return plan
    }
}

/// The continuous relaxation: exact budget solver, or dual coordinate ascent with group limits.
func relax(_ model: Model, options: AllocationOptions) throws(AllocationError) -> Relaxation {
    model.hasGroups
        ? try GroupLimitSolver.solve(model, options: options) : BudgetSolver.solve(model)
}

/// The continuous plan: the relaxation, then branch-and-bound when some cell has a chord.
func solveContinuous(_ model: Model, options: AllocationOptions) throws(AllocationError)
    -> IntegralPlan
{
    if model.pieces.contains(where: \.hasChord) {
        return try MinimumSpend.solve(model, options: options)
    }
    let relaxation = try relax(model, options: options)
    return IntegralPlan(
        b: relaxation.b, relaxation: relaxation, bound: relaxation.dualBound, nodes: 0, rounded: [])
}
