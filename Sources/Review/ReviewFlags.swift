import PlannerCore
import Segments

/// The flags of a review and their reasons: what changed, with the numbers, and what a marketer
/// can do about it. Growth and shrinkage are flagged only when significant (``ShareTest``), so
/// that noise between two snapshots never reads as a trend.
///
/// | flag | when |
/// |---|---|
/// | `grew`, `shrank` | the share changed significantly (of all customers for a region × language segment, of it for a group) |
/// | `appeared`, `vanished` | no customers then (now), and the change is significant |
/// | `too_small` | substantial then, below `min_customers` or `min_spend` now (it will be rolled up) |
/// | `too_broad` | at or below `max_share` of all customers then, above now |
/// | `conversion_up`, `conversion_down` | with results: the conversion rate changed significantly |
///
/// Segments never mix languages (the roll-up keeps the language), so too broad is about size only.
public enum ReviewFlags {
    /// The flags of one compared segment: `old` and `new` cells, the bases of their tested shares,
    /// whether the change is significant, the thresholds, and all customers then and now.
    public static func flags(
        key: SegmentKey, old: SegmentCell, new: SegmentCell, oldBase: Int, newBase: Int, significant: Bool,
        rollup: SubstantialityRollup, oldTotal: Int, newTotal: Int
    ) -> [SegmentReview.Flag] {
        var flags: [SegmentReview.Flag] = []
        let name = key.group.map { "\(key.region)/\(key.language) \($0)" } ?? "\(key.region)/\(key.language)"
        let of = key.group == nil ? "of all customers" : "of \(key.region)/\(key.language)"
        let counts = "\(old.customers) → \(new.customers) customers"
        if significant {
            if old.customers == 0 {
                flags.append(
                    .init(
                        kind: "appeared",
                        reason:
                            "\(name) appeared: \(new.customers) customers now (\(pct(new.customers, newBase)) \(of)), none before: check it is real (a new region or a new column spelling), then give it a segment of its own"
                    ))
            } else if new.customers == 0 {
                flags.append(
                    .init(
                        kind: "vanished",
                        reason:
                            "\(name) vanished: \(old.customers) customers before, none now: check the export (its region and language columns) before dropping it from the plan"
                    ))
            } else {
                let up = Double(new.customers) * Double(oldBase) > Double(old.customers) * Double(newBase)
                let change = "from \(pct(old.customers, oldBase)) to \(pct(new.customers, newBase)) \(of) (\(counts))"
                flags.append(
                    .init(kind: up ? "grew" : "shrank", reason: "\(name) \(up ? "grew" : "shrank") \(change): \(advice(key.group, up: up))")
                )
            }
        }
        if let reason = rollup.shortfall(new), rollup.shortfall(old) == nil, old.customers > 0, new.customers > 0 {
            flags.append(
                .init(
                    kind: "too_small",
                    reason:
                        "\(name) became too small (\(reason), was \(old.customers) customers): it will be rolled up into its zone; plan it with the zone's segment or lower the minimum"
                ))
        }
        if let maxShare = rollup.maxShare, newTotal > 0, oldTotal > 0,
            Double(new.customers) > maxShare * Double(newTotal), Double(old.customers) <= maxShare * Double(oldTotal)
        {
            flags.append(
                .init(
                    kind: "too_broad",
                    reason:
                        "\(name) became too broad: \(pct(new.customers, newTotal)) of all customers, above the \(DecimalText.fixed(maxShare * 100, places: 2)) % maximum (was \(pct(old.customers, oldTotal))): split it by value tier or activity, or cap its budget"
                ))
        }
        return flags
    }

    /// The flag of a significant conversion change: `conversion_up` or `conversion_down`.
    public static func conversion(id: String, _ c: SegmentReview.ConversionChange) -> SegmentReview.Flag {
        let up = c.z.value > 0
        let rates =
            "from \(DecimalText.fixed(c.oldRatePct.value, places: 2)) % to \(DecimalText.fixed(c.newRatePct.value, places: 2)) % of customers sent (\(c.oldConversions) of \(c.oldSent), then \(c.newConversions) of \(c.newSent))"
        return .init(
            kind: up ? "conversion_up" : "conversion_down",
            reason: up
                ? "\(id) converted better, \(rates): keep the offer and message that worked, and let the plan give it more"
                : "\(id) converted worse, \(rates): check the offer, the message in its language and the timing before the next flight")
    }

    /// What to consider when a group (nil: a region × language segment) grew or shrank.
    static func advice(_ group: String?, up: Bool) -> String {
        switch (group, up) {
        case ("at_risk", true), ("lapsed", true), ("inactive", true), ("active_365d", true):
            "consider a win-back flight"
        case ("at_risk", false), ("lapsed", false), ("inactive", false), ("active_365d", false):
            "fewer customers are slipping away: keep what brought them back"
        case ("champions", true), ("loyal", true), ("active_90d", true):
            "reward them: early access or a loyalty offer"
        case ("champions", false), ("loyal", false), ("active_90d", false):
            "your best customers are slipping: look at where they went (the migration matrix) and reach them first"
        case ("new", true), ("promising", true), ("active_180d", true):
            "onboard them: a welcome flight with a first-repeat offer"
        case ("new", false), ("promising", false), ("active_180d", false):
            "fewer new customers: check the channels that bring them"
        case ("android", true), ("ios", true), ("web", true):
            "more customers on this device: check that messages, links and offers work well on it"
        case ("android", false), ("ios", false), ("web", false):
            "fewer customers on this device: check app or site problems there before moving budget"
        case (nil, true): "its share of the budget should grow with it: re-run the plan on the new file"
        case (nil, false): "check reach and messages there; its budget will shrink with it when the plan is re-run"
        default: up ? "give it more attention" : "check why it shrank"
        }
    }

    /// `12.34 %` of `base`.
    static func pct(_ part: Int, _ base: Int) -> String {
        base > 0 ? "\(DecimalText.fixed(Double(part) * 100 / Double(base), places: 2)) %" : "0.00 %"
    }
}
