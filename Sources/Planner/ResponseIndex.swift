/// How a segment's value per conversion is scaled from the channel's, the one rule the plan
/// builder applies and the report explains.
///
/// - The **value index**: the segment's mean spend over the plan's mean spend (over the kept
///   segments), clamped to 0.25-4, so high-value segments are worth more per conversion.
/// - The **activity index**, for segments cut by value tier, activity or device
///   (`segmentation.by`): the segment's share of customers who ordered within 90 days over the
///   plan's share, clamped to 0.25-4, so a lapsed tier answers less than champions.
public enum ResponseIndex {
    /// The value index of a segment with `meanSpend` in a plan whose mean is `planMeanSpend` (1 when the plan's is 0).
    public static func value(meanSpend: Double, planMeanSpend: Double) -> Double {
        planMeanSpend > 0 ? min(4, max(0.25, meanSpend / planMeanSpend)) : 1
    }

    /// The activity index of a segment with `activeShare` of its customers active within 90 days,
    /// in a plan whose share is `planActiveShare` (1 when the plan's is 0).
    public static func activity(activeShare: Double, planActiveShare: Double) -> Double {
        planActiveShare > 0 ? min(4, max(0.25, activeShare / planActiveShare)) : 1
    }
}
