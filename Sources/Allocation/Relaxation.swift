import Foundation

/// A solved continuous relaxation (over the cells' concave envelopes) with its multipliers.
struct Relaxation: Sendable {
    /// Primal spend per cell (id order), repaired to satisfy every limit.
    var b: [Double]
    /// Budget multiplier above the floor: λ = floor + eta.
    var eta: Double
    /// Channel-cap multipliers, in channel-name order.
    var mu: [Double]
    /// Segment multipliers (positive: maximum binds, negative: minimum binds), in name order.
    var nu: [Double]
    /// Lagrangian dual bound on `Σ envelope(b) − floor·Σ b`.
    var dualBound: Double
    /// `Σ envelope(b) − floor·Σ b` at the primal.
    var primalValue: Double
    /// Largest violation of any limit by the primal.
    var violation: Double
    /// Sweeps of coordinate ascent (1 for the exact budget solver).
    var sweeps: Int
    /// `envelope(b_i)` per cell (id order), reused for the plan's per-cell response.
    var values: [Double]
}

extension Model {
    /// Builds the relaxation record: dual bound at the multipliers, primal value and violation.
    ///
    /// `maximizers`, when given, are the cells' envelope maximisers at their prices, already
    /// computed by the caller; otherwise they are computed here.
    func relaxation(
        b: [Double], eta: Double, mu: [Double], nu: [Double], sweeps: Int,
        maximizers: [Double]? = nil
    ) -> Relaxation {
        var dual = CompensatedSum()
        var primal = CompensatedSum()
        var values = [Double](repeating: 0, count: pieces.count)
        for i in pieces.indices {
            let p = price(i, eta: eta, mu: mu, nu: nu)
            let x = maximizers?[i] ?? pieces[i].spend(at: p)
            let value = pieces[i].envelopeValue(b[i])
            values[i] = value
            primal.add(value)
            if floor > 0 { primal.add(-floor * b[i]) }
            dual.add((x == b[i] ? value : pieces[i].envelopeValue(x)) - p * x)
        }
        dual.add(eta * budget)
        for (k, group) in channels.enumerated() where mu[k] != 0 { dual.add(mu[k] * group.maximum) }
        for (k, group) in segments.enumerated() where nu[k] != 0 {
            dual.add(nu[k] > 0 ? nu[k] * group.maximum : nu[k] * group.minimum)
        }
        return Relaxation(
            b: b, eta: eta, mu: mu, nu: nu, dualBound: dual.value, primalValue: primal.value,
            violation: violation(b), sweeps: sweeps, values: values)
    }

    /// `Σ envelope(b) − floor·Σ b`, the objective the relaxation maximises.
    func envelopeValue(_ b: [Double]) -> Double {
        var total = CompensatedSum()
        for i in pieces.indices {
            total.add(pieces[i].envelopeValue(b[i]))
            if floor > 0 { total.add(-floor * b[i]) }
        }
        return total.value
    }

    /// `Σ r(b) − floor·Σ b` on the true curves.
    func trueValue(_ b: [Double]) -> Double {
        var total = CompensatedSum()
        for i in pieces.indices {
            total.add(pieces[i].curve.response(at: b[i]))
            if floor > 0 { total.add(-floor * b[i]) }
        }
        return total.value
    }

    /// The largest violation of the budget, a bound, a cap or a segment limit by `b`.
    func violation(_ b: [Double]) -> Double {
        var worst = 0.0
        var total = CompensatedSum()
        for i in pieces.indices {
            worst = max(worst, pieces[i].lo - b[i], b[i] - pieces[i].hi)
            total.add(b[i])
        }
        worst = max(worst, total.value - budget)
        for group in channels {
            worst = max(worst, group.members.map { b[$0] }.compensatedSum - group.maximum)
        }
        for group in segments {
            let total = group.members.map { b[$0] }.compensatedSum
            worst = max(worst, total - group.maximum, group.minimum - total)
        }
        return worst
    }

    /// The names of the limits `b` violates by more than `tolerance`.
    func violatedConstraints(_ b: [Double], tolerance: Double) -> [String] {
        var names: [String] = []
        if b.compensatedSum - budget > tolerance { names.append("budget") }
        for group in channels
        where group.members.map({ b[$0] }).compensatedSum - group.maximum > tolerance {
            names.append("channel cap '\(group.name)'")
        }
        for group in segments {
            let total = group.members.map { b[$0] }.compensatedSum
            if total - group.maximum > tolerance { names.append("segment maximum '\(group.name)'") }
            if group.minimum - total > tolerance { names.append("segment minimum '\(group.name)'") }
        }
        return names
    }
}
