import Planner
import PlannerCore

// results.json: keys in the order written, rates with 6 decimals, conversions 2, revenue per
// customer 4, money 2, ROI 4; an interval's ends are null when there is too little data.

extension CampaignResults: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, currency, attributionDays = "attribution_days", method, input, overall, byChannel = "by_channel"
        case byFestival = "by_festival", bySegment = "by_segment", byLine = "by_line", calibration
    }

    /// How every interval was made, in words a reviewer can check.
    public static let methods: [(String, String)] = [
        (
            "incremental_conversion_rate",
            "treated minus held-out conversion rate; 95 % Newcombe hybrid score interval (Newcombe 1998, method 10)"
        ),
        (
            "incremental_revenue_per_customer",
            "difference of mean revenue per customer; 95 % interval from Welch's standard error and the normal quantile"
        ),
        ("too_little_data", "no interval with fewer than 30 customers on a side or fewer than 5 conversions between them"),
        ("holdout", "held-out customers whose ghost sends (holdout.csv) fall in the group: like with like, never the whole holdout"),
    ]

    /// The canonical JSON text of the results (`results.json`).
    public var canonicalJSON: String {
        // Every figure is finite (rates of counts, sums of money), so encoding cannot fail.
        do { return try CanonicalJSON.text(of: self) } catch { preconditionFailure("results.json: \(error)") }
    }

    /// Writes results.json.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(currency, forKey: .currency)
        try c.encode(attributionDays, forKey: .attributionDays)
        try c.encode(Dictionary(uniqueKeysWithValues: Self.methods), forKey: .method)
        try c.encode(input, forKey: .input)
        try c.encode(Labeled(label: nil, lift: overall), forKey: .overall)
        try c.encode(byChannel.map { Labeled(label: ("channel", $0.key), lift: $0) }, forKey: .byChannel)
        try c.encode(byFestival.map { Labeled(label: ("festival", $0.key), lift: $0) }, forKey: .byFestival)
        try c.encode(bySegment.map { Labeled(label: ("segment", $0.key), lift: $0) }, forKey: .bySegment)
        try c.encode(
            byLine.map { lift in
                let line = lines[lift.key]
                return Labeled(
                    label: ("line", lift.key),
                    extra: [("segment", line?.segment ?? ""), ("festival", line?.festival ?? ""), ("channel", line?.channel ?? "")],
                    lift: lift)
            }, forKey: .byLine)
        try c.encode(calibration, forKey: .calibration)
    }
}

extension CampaignResults.Input: Encodable {
    enum CodingKeys: String, CodingKey {
        case file, rowsRead = "rows_read", accepted, rejected, rejectsFile = "rejects_file", dated
    }

    /// Writes the outcomes file's counts.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(rowsRead, forKey: .rowsRead)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(rejectsPath, forKey: .rejectsFile)
        try c.encode(dated, forKey: .dated)
    }
}

/// A group's lift with its label first (`"channel": "sms"`) and any extra labels.
struct Labeled: Encodable {
    let label: (String, String)?
    var extra: [(String, String)] = []
    let lift: GroupLift

    init(label: (String, String)?, extra: [(String, String)] = [], lift: GroupLift) {
        self.label = label
        self.extra = extra
        self.lift = lift
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (key, value) in (label.map { [$0] } ?? []) + extra { try c.encode(value, forKey: Key(key)) }
        try c.encode(lift.treatedCustomers, forKey: Key("treated_customers"))
        try c.encode(lift.holdoutCustomers, forKey: Key("holdout_customers"))
        try c.encode(lift.treatedConverters, forKey: Key("treated_converters"))
        try c.encode(lift.holdoutConverters, forKey: Key("holdout_converters"))
        try c.encode(FixedDecimal(lift.treatedConversionRate, places: 6), forKey: Key("treated_conversion_rate"))
        try c.encode(FixedDecimal(lift.holdoutConversionRate, places: 6), forKey: Key("holdout_conversion_rate"))
        try c.encode(FixedEstimate(lift.incrementalConversionRate, places: 6), forKey: Key("incremental_conversion_rate"))
        try c.encode(FixedEstimate(lift.incrementalConversions, places: 2), forKey: Key("incremental_conversions"))
        try c.encode(FixedEstimate(lift.incrementalRevenuePerCustomer, places: 4), forKey: Key("incremental_revenue_per_customer"))
        try c.encode(FixedEstimate(lift.incrementalRevenue, places: 2), forKey: Key("incremental_revenue"))
        try c.encode(lift.spend, forKey: Key("spend"))
        try c.encode(lift.incrementalROI.map { FixedDecimal($0, places: 4) }, forKey: Key("incremental_roi"))
        try c.encode(lift.tooLittleData, forKey: Key("too_little_data"))
        var f = c.nestedContainer(keyedBy: Key.self, forKey: Key("forecast"))
        try f.encode(FixedRange(lift.forecastConversions, places: 4), forKey: Key("conversions"))
        try f.encode(FixedRange(lift.forecastRevenue, places: 2), forKey: Key("revenue"))
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// An estimate written `{estimate, low, high}` with fixed decimals, `null` ends without an interval.
struct FixedEstimate: Encodable {
    let value: Estimate
    let places: Int

    init(_ value: Estimate, places: Int) {
        self.value = value
        self.places = places
    }

    enum CodingKeys: String, CodingKey { case estimate, low, high }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(FixedDecimal(value.estimate, places: places), forKey: .estimate)
        try c.encode(value.low.map { FixedDecimal($0, places: places) }, forKey: .low)
        try c.encode(value.high.map { FixedDecimal($0, places: places) }, forKey: .high)
    }
}
