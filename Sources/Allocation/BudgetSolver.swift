import Foundation

/// The exact solver for a budget and per-cell bounds (no channel caps or segment limits).
///
/// KKT: there is a price λ ≥ floor with `b_i = argmax envelope_i(b) − λ b` for every cell and
/// `(λ − floor)·(B − Σ b) = 0`. Total spend `S(λ)` is non-increasing, and for saturation curves it
/// is piecewise linear in `u = log λ` (`b_i = s_i (log(a_i/s_i) − u)` on the free set), so a
/// safeguarded Newton iteration on `u` lands on the exact piece in a few steps. A closed-form
/// polish on the free set then gives λ to the last bits, and a final snap makes the compensated
/// `Σ b ≤ B` hold exactly. Cells whose chord slope ties λ (minimum viable spend, S-curves) are
/// filled in id order, so at most one is left fractional.
///
/// - Complexity: O(N) per Newton step; typically 3–6 steps.
enum BudgetSolver {
    static func solve(_ model: Model) -> Relaxation {
        let pieces = model.pieces
        let n = pieces.count
        let budget = model.budget
        let floor = model.floor
        let noMu: [Double] = Array(repeating: 0, count: model.channels.count)
        let noNu: [Double] = Array(repeating: 0, count: model.segments.count)

        // Enough budget for everything worth at least the floor?
        var b = [Double](repeating: 0, count: n)
        var atFloor = CompensatedSum()
        for i in 0..<n {
            b[i] = pieces[i].spend(at: floor)
            atFloor.add(b[i])
        }
        if atFloor.value <= budget {
            return model.relaxation(b: b, eta: 0, mu: noMu, nu: noNu, sweeps: 1, maximizers: b)
        }

        // Bracket u = log λ: above uHigh every cell sits at its anchor, below uLow at its bound.
        var uHigh = -Double.infinity
        var uLowAll = Double.infinity
        var sumS = 0.0
        var sumSEll = 0.0
        for piece in pieces {
            uHigh = max(uHigh, piece.logSigma)
            if piece.isSaturation {
                uLowAll = min(uLowAll, piece.ell - piece.hi / piece.s)
                sumS += piece.s
                sumSEll += piece.s * piece.ell
            } else {
                let m = piece.minSlope
                uLowAll = min(uLowAll, m > 0 ? log(m) : -800)
            }
        }
        uHigh += 1e-9 * max(1, abs(uHigh))
        var uLow = floor > 0 ? log(floor) : uLowAll - 1e-9 * max(1, abs(uLowAll))

        // Compact copies of what the search reads, so each pass streams a few small arrays.
        var sArray = [Double](repeating: 0, count: n)
        var ellArray = [Double](repeating: 0, count: n)
        var lowerArray = [Double](repeating: 0, count: n)
        var hiArray = [Double](repeating: 0, count: n)
        var chordArray = [Double](repeating: .infinity, count: n)
        var anchorArray = [Double](repeating: 0, count: n)
        var others: [Int] = []
        for (i, piece) in pieces.enumerated() {
            if piece.isSaturation {
                sArray[i] = piece.s
                ellArray[i] = piece.ell
                lowerArray[i] = piece.hasChord ? piece.tangent : piece.lo
                hiArray[i] = piece.hi
                anchorArray[i] = piece.lo
                if piece.hasChord { chordArray[i] = piece.logSigma }
            } else {
                others.append(i)
            }
        }

        /// Spend of cell `i` at `u = log p` (no logarithm for saturation cells).
        @inline(__always) func spendAt(_ i: Int, _ u: Double, _ p: Double) -> Double {
            let s = sArray[i]
            guard s > 0 else { return pieces[i].spend(at: p) }
            if u >= chordArray[i] { return anchorArray[i] }
            return min(max(s * (ellArray[i] - u), lowerArray[i]), hiArray[i])
        }

        func evaluate(_ u: Double) -> (total: Double, slope: Double) {
            var total = 0.0
            var slope = 0.0
            sArray.withUnsafeBufferPointer { sp in
                ellArray.withUnsafeBufferPointer { ep in
                    lowerArray.withUnsafeBufferPointer { lp in
                        hiArray.withUnsafeBufferPointer { hp in
                            chordArray.withUnsafeBufferPointer { cp in
                                anchorArray.withUnsafeBufferPointer { ap in
                                    // Branch-free: the clip and the free-cell test become
                                    // selects, so random data costs no mispredictions.
                                    for i in 0..<n {
                                        let s = sp[i]
                                        let lower = lp[i]
                                        let upper = hp[i]
                                        let x = s * (ep[i] - u)
                                        let clipped = min(max(x, lower), upper)
                                        let onChord = u >= cp[i]
                                        total += onChord ? ap[i] : clipped
                                        let free = x > lower && x < upper && !onChord
                                        slope -= free ? s : 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !others.isEmpty {
                let p = exp(u)
                for i in others {
                    total += pieces[i].spend(at: p)
                    slope += pieces[i].spendSlope(at: p) * p
                }
            }
            return (total, slope)
        }

        var u = sumS > 0 ? (sumSEll - budget) / sumS : 0.5 * (uLow + uHigh)
        if !(u > uLow && u < uHigh) { u = 0.5 * (uLow + uHigh) }
        let tolerance = 1e-15 * max(budget, 1e-300)
        var converged = false
        for _ in 0..<200 {
            let (total, slope) = evaluate(u)
            if abs(total - budget) <= tolerance {
                converged = true
                break
            }
            if total > budget { uLow = u } else { uHigh = u }
            var next = slope < 0 ? u + (total - budget) / -slope : .nan
            if !(next > uLow && next < uHigh) { next = 0.5 * (uLow + uHigh) }
            if next == u || uHigh - uLow <= 4 * uHigh.ulp.magnitude + 4 * uLow.ulp.magnitude {
                break
            }
            u = next
        }
        if !converged && evaluate(u).total > budget { u = uHigh }

        // Closed-form polish on the free set (saturation cells only).
        var freeS = CompensatedSum()
        var freeSEll = CompensatedSum()
        var fixed = CompensatedSum()
        var polishable = true
        let p0 = exp(u)
        var total = CompensatedSum()
        for i in 0..<n {
            let x = spendAt(i, u, p0)
            total.add(x)
            let s = sArray[i]
            guard s > 0 else {
                let piece = pieces[i]
                let lower = piece.hasChord ? piece.tangent : piece.lo
                if x > lower && x < piece.hi && !(piece.hasChord && p0 >= piece.sigma) {
                    polishable = false
                } else {
                    fixed.add(x)
                }
                continue
            }
            if x > lowerArray[i] && x < hiArray[i] && u < chordArray[i] {
                freeS.add(s)
                freeSEll.add(s * ellArray[i])
            } else {
                fixed.add(x)
            }
        }
        if polishable && freeS.value > 0 {
            let candidate = (freeSEll.value - (budget - fixed.value)) / freeS.value
            if candidate.isFinite && candidate != u {
                let after = evaluate(candidate).total
                if abs(after - budget) <= abs(total.value - budget)
                    && after <= budget + 1e-9 * max(budget, 1)
                {
                    u = candidate
                }
            }
        }
        let lambda = max(exp(u), floor)
        let uFinal = max(u, floor > 0 ? log(floor) : -Double.infinity)
        for i in 0..<n { b[i] = spendAt(i, uFinal, lambda) }
        let maximizers = b

        // Ties at a chord slope: fill in id order (at most one cell left fractional).
        var spent = b.compensatedSum
        if spent < budget {
            for i in 0..<n where pieces[i].hasChord && b[i] == pieces[i].lo {
                guard abs(pieces[i].logSigma - u) <= 1e-9 * max(1, abs(u)) else { continue }
                let room = pieces[i].tangent - b[i]
                let add = min(room, budget - spent)
                if add <= 0 { break }
                b[i] += add
                spent = b.compensatedSum
            }
        }
        snap(&b, to: budget, pieces: pieces)
        return model.relaxation(
            b: b, eta: lambda - floor, mu: noMu, nu: noNu, sweeps: 1, maximizers: maximizers)
    }

    /// Lowers spend by the last bits so that the compensated `Σ b ≤ budget` holds exactly.
    static func snap(_ b: inout [Double], to budget: Double, pieces: [Piece]) {
        for _ in 0..<64 {
            let total = b.compensatedSum
            guard total > budget else { return }
            let excess = total - budget
            var best = -1
            var bestRoom = 0.0
            for i in b.indices where b[i] - pieces[i].lo > bestRoom {
                best = i
                bestRoom = b[i] - pieces[i].lo
            }
            guard best >= 0 else { return }
            let lowered = max(pieces[best].lo, b[best] - excess)
            b[best] = lowered < b[best] ? lowered : max(pieces[best].lo, b[best].nextDown)
        }
    }
}
