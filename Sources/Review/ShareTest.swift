import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The significance test of a review: has a segment's share changed between two snapshots, more
/// than chance would move it?
///
/// A two-proportion z-test (pooled): a segment of `x₁` of `n₁` customers then and `x₂` of `n₂` now
/// has `z = (x₂/n₂ − x₁/n₁) / √(p(1 − p)(1/n₁ + 1/n₂))` with `p = (x₁ + x₂)/(n₁ + n₂)`, and the
/// two-sided p-value `erfc(|z|/√2)`. A review makes one test per compared segment, so the level is
/// split between them (Bonferroni): a change is significant when `p < alpha / tests`, with `alpha`
/// 0.01 by default — for 500 segments, |z| above about 4.4. Two snapshots drawn from the same
/// customers then flag nothing in 99 reviews of 100, however many segments there are. A review
/// also asks the share to move by at least a tenth of itself (``SegmentReview/Request/minChange``),
/// so that a real but negligible shift of a large file is not a flag.
public struct ShareTest: Sendable, Equatable {
    /// The family-wise level (0.01: a 1 % chance of any false flag in a review).
    public var alpha: Double
    /// How many segments are tested in the review.
    public var tests: Int

    /// A test at level `alpha` over `tests` comparisons.
    public init(alpha: Double = 0.01, tests: Int) {
        self.alpha = alpha
        self.tests = max(1, tests)
    }

    /// The p-value each comparison must stay below.
    public var threshold: Double { alpha / Double(tests) }

    /// The z statistic of `x1` of `n1` against `x2` of `n2` (0 when either total is 0 or the
    /// pooled share is 0 or 1: nothing to compare).
    public static func z(_ x1: Int, of n1: Int, _ x2: Int, of n2: Int) -> Double {
        guard n1 > 0, n2 > 0 else { return 0 }
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2)
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let variance = pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))
        guard variance > 0 else { return 0 }
        return (p2 - p1) / variance.squareRoot()
    }

    /// The two-sided p-value of `z`.
    public static func pValue(_ z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Whether a change with statistic `z` is significant in this review.
    public func isSignificant(_ z: Double) -> Bool { Self.pValue(z) < threshold }
}
