import Foundation

/// Certified solver for channel caps and segment limits together: dual block-coordinate ascent.
///
/// The Lagrangian dual has one multiplier per limit: the budget's `eta` (so λ = floor + eta),
/// `mu_k ≥ 0` per channel cap and a signed `nu_g` per segment (positive when its maximum binds,
/// negative when its minimum binds). A cell's price is `floor + eta + mu_channel + nu_segment`,
/// and its spend is the envelope maximiser at that price. Channels partition the cells, and so do
/// segments, so each partition nests exactly inside the budget search (research notes §6 (b)):
/// a sweep sets (budget, channel caps) together, then (budget, segment limits) together. With
/// only one kind of limit one sweep is exact; with both, sweeps alternate until the duality gap
/// `dual − primal` (primal repaired to satisfy every limit) is at most
/// `relativeGapTolerance × |primal|` and the dual's own spend violates no limit by more than
/// 1e-10 of the budget.
///
/// - Complexity: O(N) per Newton step, a few steps per block, a few blocks per sweep.
enum GroupLimitSolver {
    static func solve(_ model: Model, options: AllocationOptions) throws(AllocationError)
        -> Relaxation
    {
        let n = model.count
        let pieces = model.pieces
        var eta = 0.0
        var mu = [Double](repeating: 0, count: model.channels.count)
        var nu = [Double](repeating: 0, count: model.segments.count)
        let scale = max(model.budget, 1)
        var last: Relaxation?
        var best: Relaxation?
        var stale = 0
        var base: [Double] = []
        base.reserveCapacity(n)

        let hasChords = pieces.contains(where: \.hasChord)
        var previousEta = -1.0
        var previousMu = mu
        var previousNu = nu
        func changed(_ x: Double, _ y: Double) -> Bool {
            abs(x - y) > 1e-13 * max(abs(x), abs(y), 1e-300)
        }
        for sweep in 1...max(1, options.maxSweeps) {
            // Block 1: budget and channel caps together (the caps nest inside the budget search).
            if !model.channels.isEmpty || model.segments.isEmpty {
                base.removeAll(keepingCapacity: true)
                for i in 0..<n { base.append(model.floor + (model.segmentOf[i] >= 0 ? nu[model.segmentOf[i]] : 0)) }
                eta = nested(model: model, groups: model.channels, groupOf: model.channelOf, base: base, multipliers: &mu)
            }
            // Block 2: budget and segment limits together.
            if !model.segments.isEmpty {
                base.removeAll(keepingCapacity: true)
                for i in 0..<n { base.append(model.floor + (model.channelOf[i] >= 0 ? mu[model.channelOf[i]] : 0)) }
                eta = nested(model: model, groups: model.segments, groupOf: model.segmentOf, base: base, multipliers: &nu)
            }
            var b = [Double](repeating: 0, count: n)
            for i in 0..<n { b[i] = pieces[i].spend(at: model.price(i, eta: eta, mu: mu, nu: nu)) }
            let raw = model.violation(b)
            repair(&b, model: model)
            let relaxation = model.relaxation(b: b, eta: eta, mu: mu, nu: nu, sweeps: sweep)
            last = relaxation
            let gap = relaxation.dualBound - relaxation.primalValue
            // Keep the feasible sweep with the smallest gap; stop after 100 sweeps without
            // progress (with chord cells the dual is not smooth and sweeps can cycle).
            if relaxation.violation <= 1e-9 * scale {
                if let kept = best, kept.dualBound - kept.primalValue <= gap * (1 + 1e-12) {
                    stale += 1
                } else {
                    best = relaxation
                    stale = 0
                }
                if stale >= 100 { break }
            }
            let closed =
                gap <= options.relativeGapTolerance * max(abs(relaxation.primalValue), 1e-300)
                && relaxation.violation <= 1e-9 * scale
            // Chord cells make the dual's spend jump, so its own violation need not vanish there.
            if closed && (raw <= 1e-10 * scale || hasChords) { break }
            // Stop when a sweep no longer moves the multipliers.
            let moved =
                changed(eta, previousEta) || zip(mu, previousMu).contains { changed($0, $1) }
                || zip(nu, previousNu).contains { changed($0, $1) }
            if !moved { break }
            previousEta = eta
            previousMu = mu
            previousNu = nu
        }
        guard let result = best ?? last else { preconditionFailure("at least one sweep runs") }
        if result.violation > 1e-6 * scale {
            throw .infeasible(
                constraints: model.violatedConstraints(result.b, tolerance: 1e-6 * scale),
                violation: result.violation)
        }
        return result
    }

    /// Sets the budget multiplier and one partition's multipliers together, exactly.
    ///
    /// For a budget price `t`, each group's best multiplier makes its spend
    /// `clip(S_g(t), minimum, maximum)` (`S_g` its cells' spend without the multiplier), so the
    /// total spend `H(t)` is monotone in `t` and one safeguarded Newton search finds the budget's
    /// `t`; each group's multiplier then follows from its own 1-D search.
    static func nested(
        model: Model, groups: [GroupConstraint], groupOf: [Int], base: [Double],
        multipliers: inout [Double]
    ) -> Double {
        let pieces = model.pieces
        func h(_ t: Double) -> (Double, Double) {
            var total = 0.0
            var slope = 0.0
            var groupTotal = [Double](repeating: 0, count: groups.count)
            var groupSlope = [Double](repeating: 0, count: groups.count)
            for i in pieces.indices {
                let (x, d) = pieces[i].spendAndSlope(at: base[i] + t)
                let g = groupOf[i]
                if g >= 0 {
                    groupTotal[g] += x
                    groupSlope[g] += d
                } else {
                    total += x
                    slope += d
                }
            }
            for (g, group) in groups.enumerated() {
                if groupTotal[g] >= group.maximum {
                    total += group.maximum
                } else if groupTotal[g] <= group.minimum {
                    total += group.minimum
                } else {
                    total += groupTotal[g]
                    slope += groupSlope[g]
                }
            }
            return (total, slope)
        }
        var right = 0.0
        for i in pieces.indices { right = max(right, pieces[i].maxSlope - base[i]) }
        let eta = descend(to: model.budget, right: right, h)
        for (g, group) in groups.enumerated() {
            let members = group.members
            let offsets = members.map { base[$0] + eta }
            var total = 0.0
            for (j, i) in members.enumerated() { total += pieces[i].spend(at: offsets[j]) }
            if total > group.maximum {
                multipliers[g] = atMost(group.maximum, members: members, base: offsets, pieces: pieces)
            } else if total < group.minimum {
                multipliers[g] = atLeast(group.minimum, members: members, base: offsets, pieces: pieces)
            } else {
                multipliers[g] = 0
            }
        }
        return eta
    }

    /// Smallest `t ≥ 0` with `h(t) ≤ target` for a non-increasing `h` (up to rounding); `right`
    /// is a price above which every cell sits at its anchor.
    static func descend(
        to target: Double, right initialRight: Double, _ h: (Double) -> (Double, Double)
    ) -> Double {
        var (value, slope) = h(0)
        if value <= target { return 0 }
        var left = 0.0
        var right = initialRight + 1e-9 * max(initialRight, 1e-300)
        let tolerance = 1e-15 * max(abs(target), 1e-300)
        var t = 0.0
        for _ in 0..<300 {
            if value > target { left = t } else { right = t }
            if abs(value - target) <= tolerance { return t }
            var next = slope < 0 ? t - (value - target) / slope : .nan
            if !(next > left && next < right) { next = 0.5 * (left + right) }
            if next == t || right - left <= 2 * right.ulp { break }
            t = next
            (value, slope) = h(t)
        }
        return right
    }

    /// Smallest `t ≥ 0` with `Σ spend(base + t) ≤ target` (up to rounding).
    static func atMost(_ target: Double, members: [Int], base: [Double], pieces: [Piece]) -> Double {
        var right = 0.0
        for (j, i) in members.enumerated() { right = max(right, pieces[i].maxSlope - base[j]) }
        return descend(to: target, right: right) { t in groupSpend(at: t, members: members, base: base, pieces: pieces) }
    }

    /// Total spend and its slope of a group's cells at prices `base + t`.
    static func groupSpend(at t: Double, members: [Int], base: [Double], pieces: [Piece]) -> (Double, Double) {
        var total = 0.0
        var slope = 0.0
        for (j, i) in members.enumerated() {
            let (x, d) = pieces[i].spendAndSlope(at: base[j] + t)
            total += x
            slope += d
        }
        return (total, slope)
    }

    /// Largest `t ≤ 0` with `Σ spend(base + t) ≥ target` (up to rounding).
    static func atLeast(_ target: Double, members: [Int], base: [Double], pieces: [Piece]) -> Double {
        func h(_ t: Double) -> (Double, Double) { groupSpend(at: t, members: members, base: base, pieces: pieces) }
        var (value, slope) = h(0)
        if value >= target { return 0 }
        var right = 0.0
        var left = 0.0
        for (j, i) in members.enumerated() { left = min(left, pieces[i].minSlope - base[j]) }
        left -= 1e-9 * max(abs(left), 1e-300) + 1e-300
        let tolerance = 1e-15 * max(abs(target), 1e-300)
        var t = 0.0
        for _ in 0..<300 {
            if value < target { right = t } else { left = t }
            if abs(value - target) <= tolerance { return t }
            var next = slope < 0 ? t - (value - target) / slope : .nan
            if !(next > left && next < right) { next = 0.5 * (left + right) }
            if next == t || right - left <= 2 * left.ulp.magnitude { break }
            t = next
            (value, slope) = h(t)
        }
        return left
    }

    /// Moves `b` onto the feasible set: spend is taken from groups over their cap (budget,
    /// channel caps, segment maximums) and added to segments under their minimum, proportionally to
    /// each cell's room, sparing cells whose other limit is tight; a few passes reach feasibility to
    /// the last bits because the dual's spend is already within rounding of it.
    static func repair(_ b: inout [Double], model: Model) {
        let pieces = model.pieces
        let all = Array(b.indices)
        for _ in 0..<40 {
            var touched = false
            // Segments at or under their minimum are spared when taking spend away.
            var tightMinimum = [Bool](repeating: false, count: model.segments.count)
            for (k, group) in model.segments.enumerated() where group.minimum > 0 {
                tightMinimum[k] = group.members.map { b[$0] }.compensatedSum <= group.minimum
            }
            let spareMinimum = { (i: Int) -> Bool in
                let g = model.segmentOf[i]
                return g >= 0 && tightMinimum[g]
            }
            for group in model.channels {
                touched = reduce(&b, members: group.members, to: group.maximum, pieces: pieces, spare: spareMinimum) || touched
            }
            for group in model.segments where group.maximum.isFinite {
                touched = reduce(&b, members: group.members, to: group.maximum, pieces: pieces, spare: { _ in false }) || touched
            }
            touched = reduce(&b, members: all, to: model.budget, pieces: pieces, spare: spareMinimum) || touched
            // Channels at their cap are spared when adding spend.
            var tightCap = [Bool](repeating: false, count: model.channels.count)
            for (k, group) in model.channels.enumerated() {
                tightCap[k] = group.members.map { b[$0] }.compensatedSum >= group.maximum
            }
            for group in model.segments where group.minimum > 0 {
                touched =
                    raise(
                        &b, members: group.members, to: group.minimum, pieces: pieces,
                        spare: { i in
                            let c = model.channelOf[i]
                            return c >= 0 && tightCap[c]
                        }) || touched
            }
            if !touched { return }
        }
    }

    /// Takes `Σ b − cap` from the members, in proportion to `b − lo`. Returns whether it changed `b`.
    static func reduce(
        _ b: inout [Double], members: [Int], to cap: Double, pieces: [Piece], spare: (Int) -> Bool
    ) -> Bool {
        var total = members.map { b[$0] }.compensatedSum
        guard total > cap else { return false }
        var room = CompensatedSum()
        for i in members where !spare(i) { room.add(b[i] - pieces[i].lo) }
        let useAll = room.value < total - cap
        if useAll {
            room = CompensatedSum()
            for i in members { room.add(b[i] - pieces[i].lo) }
        }
        guard room.value > 0 else { return false }
        let factor = min(1, (total - cap) / room.value)
        for i in members where useAll || !spare(i) {
            b[i] = max(pieces[i].lo, b[i] - (b[i] - pieces[i].lo) * factor)
        }
        // The last bits, from the cell with the most room.
        for _ in 0..<16 {
            total = members.map { b[$0] }.compensatedSum
            guard total > cap else { break }
            var best = -1
            var bestRoom = 0.0
            for i in members where b[i] - pieces[i].lo > bestRoom {
                best = i
                bestRoom = b[i] - pieces[i].lo
            }
            guard best >= 0 else { break }
            let lowered = max(pieces[best].lo, b[best] - (total - cap))
            b[best] = lowered < b[best] ? lowered : max(pieces[best].lo, b[best].nextDown)
        }
        return true
    }

    /// Adds `floor − Σ b` to the members, in proportion to `hi − b`. Returns whether it changed `b`.
    static func raise(
        _ b: inout [Double], members: [Int], to minimum: Double, pieces: [Piece],
        spare: (Int) -> Bool
    ) -> Bool {
        var total = members.map { b[$0] }.compensatedSum
        guard total < minimum else { return false }
        var room = CompensatedSum()
        for i in members where !spare(i) { room.add(pieces[i].hi - b[i]) }
        let useAll = room.value < minimum - total
        if useAll {
            room = CompensatedSum()
            for i in members { room.add(pieces[i].hi - b[i]) }
        }
        guard room.value > 0 else { return false }
        let factor = min(1, (minimum - total) / room.value)
        for i in members where useAll || !spare(i) {
            b[i] = min(pieces[i].hi, b[i] + (pieces[i].hi - b[i]) * factor)
        }
        for _ in 0..<16 {
            total = members.map { b[$0] }.compensatedSum
            guard total < minimum else { break }
            var best = -1
            var bestRoom = 0.0
            for i in members where pieces[i].hi - b[i] > bestRoom {
                best = i
                bestRoom = pieces[i].hi - b[i]
            }
            guard best >= 0 else { break }
            let raised = min(pieces[best].hi, b[best] + (minimum - total))
            b[best] = raised > b[best] ? raised : min(pieces[best].hi, b[best].nextUp)
        }
        return true
    }
}
