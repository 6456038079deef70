import Foundation

/// One cell as the solver sees it: its feasible set and the concave envelope of its curve there.
///
/// The feasible set is `[lo, hi]`, or `{0} ∪ [m, hi]` for a cell with a minimum viable spend `m`
/// and `lo = 0`. Its concave envelope is a chord from the anchor (`lo`) to a tangent point `t*`
/// (the point after `max(anchor, m)` where the chord slope `(r(t) − r(anchor)) / (t − anchor)` is
/// largest), then the curve itself on `[t*, hi]`. For a concave curve without a minimum spend the
/// chord is empty and the envelope is the curve. Solving over envelopes gives a valid upper bound;
/// cells on a chord are "fractional" and resolved by branch-and-bound.
struct Piece: Sendable {
    let curve: ResponseCurve
    let lo: Double
    let hi: Double
    /// Minimum viable spend still in force (semi-continuous cell), else 0.
    let minimumSpend: Double
    let tangent: Double
    /// Chord slope (for chord pieces and Hill curves; 0 for saturation pieces without a chord,
    /// whose slope at the anchor is `maxSlope`).
    let sigma: Double
    let anchorValue: Double
    // Saturation cache.
    let isSaturation: Bool
    let s: Double
    let ell: Double
    let logSigma: Double

    /// Builds the piece for bounds `lo ≤ hi` and minimum viable spend `m`.
    init(curve: ResponseCurve, lo: Double, hi: Double, minimumSpend m: Double) {
        self.curve = curve
        var lo = lo
        var hi = hi
        var m = m
        if lo > 0 {
            lo = max(lo, m)
            m = 0
        } else if m > 0 && m > hi {
            hi = 0
            m = 0
        }
        self.lo = lo
        self.hi = hi
        self.minimumSpend = m
        let anchorValue = curve.response(at: lo)
        self.anchorValue = anchorValue
        // Tangent point of the envelope.
        let start = m > 0 ? m : lo
        let inflection = curve.inflection
        var tangent = start
        if m > 0 || inflection > lo {
            let h = { (t: Double) -> Double in
                curve.marginal(at: t) * (t - lo) - (curve.response(at: t) - anchorValue)
            }
            let left = min(max(start, inflection), hi)
            if left >= hi {
                tangent = hi
            } else if h(left) <= 0 {
                tangent = left
            } else if h(hi) >= 0 {
                tangent = hi
            } else {
                var a = left
                var b = hi
                for _ in 0..<200 {
                    let mid = 0.5 * (a + b)
                    if mid <= a || mid >= b { break }
                    if h(mid) > 0 { a = mid } else { b = mid }
                }
                tangent = b
            }
        }
        self.tangent = max(tangent, lo)
        switch curve {
        case let .saturation(a, s):
            isSaturation = true
            self.s = s
            ell = log(a / s)
        case .hill:
            isSaturation = false
            s = 0
            ell = 0
        }
        if self.tangent > lo {
            sigma = (curve.response(at: self.tangent) - anchorValue) / (self.tangent - lo)
            logSigma = log(sigma)
        } else if isSaturation {
            // log r'(lo) = log(a/s) − lo/s; the slope itself is only read through `maxSlope`.
            logSigma = ell - lo / s
            sigma = 0
        } else {
            sigma = curve.marginal(at: lo)
            logSigma = log(sigma)
        }
    }

    /// Whether the envelope has a chord (the cell can be fractional).
    var hasChord: Bool { tangent > lo }

    /// Above this price the cell stays at its anchor.
    var maxSlope: Double { !hasChord && isSaturation ? exp(logSigma) : sigma }

    /// Below this price the cell goes to its upper bound.
    var minSlope: Double { curve.marginal(at: hi) }

    /// The spend maximising `envelope(b) − p·b` (the anchor on ties at the chord slope).
    @inline(__always)
    func spend(at p: Double) -> Double {
        if hasChord {
            if p >= sigma { return lo }
            return free(p, from: tangent)
        }
        return free(p, from: lo)
    }

    @inline(__always)
    private func free(_ p: Double, from lower: Double) -> Double {
        if p <= 0 { return hi }
        if isSaturation {
            return min(max(s * (ell - log(p)), lower), hi)
        }
        return curve.inverseMarginal(p, lower: lower, upper: hi)
    }

    /// `d spend / d p` at price `p` (0 where the spend is clipped).
    func spendSlope(at p: Double) -> Double {
        guard p > 0, !(hasChord && p >= sigma) else { return 0 }
        let b = spend(at: p)
        let lower = hasChord ? tangent : lo
        guard b > lower, b < hi else { return 0 }
        if isSaturation { return -s / p }
        let step = max(b * 1e-6, 1e-12)
        let second = (curve.marginal(at: b + step) - curve.marginal(at: b - step)) / (2 * step)
        return second < 0 ? 1 / second : 0
    }

    /// `spend(at: p)` and `spendSlope(at: p)` together, with one logarithm.
    @inline(__always)
    func spendAndSlope(at p: Double) -> (spend: Double, slope: Double) {
        if isSaturation && p > 0 {
            let lower: Double
            if hasChord {
                if p >= sigma { return (lo, 0) }
                lower = tangent
            } else {
                lower = lo
            }
            let x = s * (ell - log(p))
            if x <= lower { return (lower, 0) }
            if x >= hi { return (hi, 0) }
            return (x, -s / p)
        }
        return (spend(at: p), spendSlope(at: p))
    }

    /// The envelope's value at `b`.
    func envelopeValue(_ b: Double) -> Double {
        if hasChord && b < tangent { return anchorValue + sigma * (b - lo) }
        return curve.response(at: b)
    }

    /// The envelope's marginal at `b` (the chord slope on the chord).
    func envelopeMarginal(_ b: Double) -> Double {
        if hasChord && b < tangent { return sigma }
        return curve.marginal(at: b)
    }

    /// Whether `b` lies strictly inside the chord (not a point the true curve can reach optimally).
    func isFractional(_ b: Double) -> Bool {
        hasChord && b > lo && b < tangent
    }

    /// Least spend once the cell is on (`m` for a semi-continuous cell, else `lo`).
    var onFloor: Double { minimumSpend > 0 ? minimumSpend : lo }
}
