import Foundation

/// How a cell's expected response grows with its spend.
///
/// ```swift
/// let sms = ResponseCurve.saturation(a: 12_000, s: 40_000)
/// sms.response(at: 40_000)   // 12_000 · (1 − e⁻¹) ≈ 7_585.5
/// sms.marginal(at: 0)        // a / s = 0.3: response of the first rupee
/// ```
///
/// - `saturation(a:s:)` is the reach-limited curve `r(b) = a · (1 − exp(−b / s))`: sending `b / c`
///   messages at random to an audience `A` reaches `A · (1 − exp(−b / (A c)))` people, so
///   `a = audience × response rate × value per conversion` and `s = audience × cost per contact`.
///   It is concave, so the optimum is exact.
/// - `hill(a:k:alpha:)` is `a · b^α / (b^α + k^α)`, for paid channels with evidence of an S-curve.
///   With `alpha > 1` it is convex below its inflection point; the solver then works on its concave
///   envelope (a chord from the lowest spend to a tangent point) and closes the difference by
///   branch-and-bound, reporting the remaining gap. `alpha` must be at least 1.
public enum ResponseCurve: Sendable, Hashable {
    /// Reach-limited saturation `a · (1 − exp(−b / s))`, with `a > 0` the response at full reach and
    /// `s > 0` the spend that reaches about 63 % of the audience.
    case saturation(a: Double, s: Double)
    /// Hill curve `a · b^α / (b^α + k^α)`, with `a > 0` the ceiling, `k > 0` the half-saturation spend
    /// and `alpha ≥ 1` the shape.
    case hill(a: Double, k: Double, alpha: Double)

    /// The expected response at spend `b` (0 for `b ≤ 0`).
    ///
    /// Computed as `−a · expm1(−b / s)` so that small spends keep full relative precision.
    public func response(at b: Double) -> Double {
        guard b > 0 else { return 0 }
        switch self {
        case let .saturation(a, s):
            return -a * expm1(-b / s)
        case let .hill(a, k, alpha):
            return a / (1 + pow(k / b, alpha))
        }
    }

    /// The marginal response `r'(b)`: what the next unit of currency returns at spend `b`.
    public func marginal(at b: Double) -> Double {
        switch self {
        case let .saturation(a, s):
            return (a / s) * exp(-max(b, 0) / s)
        case let .hill(a, k, alpha):
            guard b > 0 else { return alpha == 1 ? a / k : 0 }
            let t = pow(k / b, alpha)
            return a * alpha * t / ((1 + t) * (1 + t) * b)
        }
    }

    /// The spend below which the curve is convex (0 for concave curves).
    var inflection: Double {
        switch self {
        case .saturation:
            return 0
        case let .hill(_, k, alpha):
            return alpha > 1 ? k * pow((alpha - 1) / (alpha + 1), 1 / alpha) : 0
        }
    }

    /// Why the curve's parameters are unusable, or `nil` when they are fine.
    var problem: (field: String, reason: String)? {
        switch self {
        case let .saturation(a, s):
            if !(a > 0 && a.isFinite) { return ("a", "must be a positive finite number, got \(a)") }
            if !(s > 0 && s.isFinite) { return ("s", "must be a positive finite number, got \(s)") }
        case let .hill(a, k, alpha):
            if !(a > 0 && a.isFinite) { return ("a", "must be a positive finite number, got \(a)") }
            if !(k > 0 && k.isFinite) { return ("k", "must be a positive finite number, got \(k)") }
            if !(alpha >= 1 && alpha.isFinite) { return ("alpha", "must be at least 1, got \(alpha)") }
        }
        return nil
    }

    /// On `[lower, upper]`, where the marginal is non-increasing, the spend whose marginal equals `p`
    /// (clipped to the interval).
    func inverseMarginal(_ p: Double, lower: Double, upper: Double) -> Double {
        if p <= 0 { return upper }
        switch self {
        case let .saturation(a, s):
            return min(max(s * (log(a / s) - log(p)), lower), upper)
        case .hill:
            if marginal(at: lower) <= p { return lower }
            if marginal(at: upper) >= p { return upper }
            var left = lower
            var right = upper
            for _ in 0..<200 {
                let mid = 0.5 * (left + right)
                if mid <= left || mid >= right { break }
                if marginal(at: mid) > p { left = mid } else { right = mid }
            }
            return 0.5 * (left + right)
        }
    }
}
