import Foundation

/// A measured difference with its 95 % interval. `low` and `high` are `nil` when the groups are
/// too small for an interval to mean anything (see ``Interval/enough(treated:holdout:events:)``):
/// the estimate is then shown, never as a confident number.
public struct Estimate: Sendable, Equatable {
    /// The point estimate.
    public let estimate: Double
    /// The interval's lower end, or `nil` with too little data.
    public let low: Double?
    /// The interval's upper end, or `nil` with too little data.
    public let high: Double?

    /// An estimate with its interval (both ends or neither).
    public init(estimate: Double, low: Double?, high: Double?) {
        self.estimate = estimate
        self.low = low
        self.high = high
    }

    /// The estimate and its interval multiplied by `factor` (a rate per customer times the
    /// treated customers gives a count); a negative factor swaps the ends.
    public func scaled(by factor: Double) -> Estimate {
        guard let low, let high else { return Estimate(estimate: estimate * factor, low: nil, high: nil) }
        let a = low * factor, b = high * factor
        return Estimate(estimate: estimate * factor, low: min(a, b), high: max(a, b))
    }

    /// Whether `value` lies inside the interval (false without one).
    public func covers(_ value: Double) -> Bool {
        guard let low, let high else { return false }
        return low <= value && value <= high
    }
}

/// The interval methods results use, in one place.
///
/// - Conversion rates: the difference of two proportions with **Newcombe's hybrid score
///   interval** (Newcombe 1998, method 10), built from the two Wilson score intervals. It keeps
///   its 95 % coverage for the small rates campaigns have, where the plain Wald interval is too
///   narrow.
/// - Revenue per customer: the difference of two means with **Welch's** unequal-variance
///   standard error and the normal quantile (the groups are hundreds of customers or more when an
///   interval is given at all).
public enum Interval {
    /// The two-sided 95 % normal quantile.
    public static let z = 1.959963984540054

    /// Groups big enough for an interval: at least 30 treated and 30 held-out customers, and at
    /// least 5 conversions between them (fewer make every interval method unreliable).
    public static func enough(treated: Int, holdout: Int, events: Int) -> Bool {
        treated >= 30 && holdout >= 30 && events >= 5
    }

    /// The Wilson score interval of `x` successes in `n` trials.
    public static func wilson(_ x: Int, _ n: Int) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 1) }
        let p = Double(x) / Double(n), nn = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z / (1 + z2 / nn) * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// `x1/n1 − x2/n2` with Newcombe's hybrid score interval; no interval unless ``enough(treated:holdout:events:)``.
    public static func differenceOfProportions(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> Estimate {
        let p1 = n1 > 0 ? Double(x1) / Double(n1) : 0, p2 = n2 > 0 ? Double(x2) / Double(n2) : 0
        let d = p1 - p2
        guard enough(treated: n1, holdout: n2, events: x1 + x2) else { return Estimate(estimate: d, low: nil, high: nil) }
        let (l1, u1) = wilson(x1, n1), (l2, u2) = wilson(x2, n2)
        let low = d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let high = d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
        return Estimate(estimate: d, low: low, high: high)
    }

    /// The difference of two groups' means (`sum / n`) with Welch's standard error
    /// `√(s1²/n1 + s2²/n2)`; no interval when a group has fewer than 30 members.
    public static func differenceOfMeans(
        sum1: Double, squares1: Double, n1: Int, sum2: Double, squares2: Double, n2: Int
    ) -> Estimate {
        let m1 = n1 > 0 ? sum1 / Double(n1) : 0, m2 = n2 > 0 ? sum2 / Double(n2) : 0
        guard n1 >= 30, n2 >= 30 else { return Estimate(estimate: m1 - m2, low: nil, high: nil) }
        func variance(_ sum: Double, _ squares: Double, _ n: Int) -> Double {
            max(0, (squares - sum * sum / Double(n)) / Double(n - 1))
        }
        let se = (variance(sum1, squares1, n1) / Double(n1) + variance(sum2, squares2, n2) / Double(n2)).squareRoot()
        return Estimate(estimate: m1 - m2, low: m1 - m2 - z * se, high: m1 - m2 + z * se)
    }
}
