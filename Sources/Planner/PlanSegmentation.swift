import Segments

/// How a plan's segments were cut beyond region and language: the extra dimension and, for
/// value tiers, the quintile cut points the tiers were scored with. Recorded in `plan.json` so
/// that the plan's audience (and its holdout SQL in a warehouse) puts every customer in the tier
/// the plan counted it in, from the plan alone.
public struct PlanSegmentation: Sendable, Equatable {
    /// The extra dimension (value tier, activity band, device).
    public let dimension: SegmentDimension
    /// The cut points of the value tiers (value tiers only).
    public let valueCuts: ValueCuts?

    /// A segmentation by `dimension`, with `valueCuts` for value tiers.
    public init(dimension: SegmentDimension, valueCuts: ValueCuts? = nil) {
        self.dimension = dimension
        self.valueCuts = dimension == .valueTier ? valueCuts : nil
    }
}

// plan.json: `"segmentation": {"by": "value_tier", "value_cuts": {"recency_days": [4], "frequency_orders": [4],
// "spend_buckets": [4], "customers": n}}`; `value_cuts` is null for activity and device.
extension PlanSegmentation: Codable {
    enum CodingKeys: String, CodingKey {
        case by, valueCuts = "value_cuts"
    }

    enum CutKeys: String, CodingKey {
        case recencyDays = "recency_days", frequencyOrders = "frequency_orders", spendBuckets = "spend_buckets", customers
    }

    /// Writes the dimension's name and the cut points (`null` without).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimension.rawValue, forKey: .by)
        guard let cuts = valueCuts else { return try c.encodeNil(forKey: .valueCuts) }
        var n = c.nestedContainer(keyedBy: CutKeys.self, forKey: .valueCuts)
        try n.encode(cuts.recencyDays, forKey: .recencyDays)
        try n.encode(cuts.frequencyOrders, forKey: .frequencyOrders)
        try n.encode(cuts.spendBuckets, forKey: .spendBuckets)
        try n.encode(cuts.customers, forKey: .customers)
    }

    /// Reads what ``encode(to:)`` writes; an unknown dimension, or cut points other than four per
    /// measure, is a data-corrupted error.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .by)
        guard let dimension = SegmentDimension(rawValue: name), !dimension.groups.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .by, in: c, debugDescription: "unknown segment dimension '\(name)' (value_tier, activity or device)")
        }
        var cuts: ValueCuts?
        if try !c.decodeNil(forKey: .valueCuts) {
            let n = try c.nestedContainer(keyedBy: CutKeys.self, forKey: .valueCuts)
            cuts = ValueCuts(
                recencyDays: try n.decode([Int].self, forKey: .recencyDays),
                frequencyOrders: try n.decode([Int].self, forKey: .frequencyOrders),
                spendBuckets: try n.decode([Int].self, forKey: .spendBuckets), customers: try n.decode(Int.self, forKey: .customers))
        }
        // Null cut points are a plan from a cube without its value_cut rows: readable, but its audience is refused.
        guard cuts.map({ [$0.recencyDays, $0.frequencyOrders, $0.spendBuckets].allSatisfy { $0.count == 4 } }) ?? true else {
            throw DecodingError.dataCorruptedError(
                forKey: .valueCuts, in: c, debugDescription: "value tiers need four cut points for each of recency, frequency and spend")
        }
        self.init(dimension: dimension, valueCuts: cuts)
    }
}
