import PlannerCore

/// A customer's value tier, from RFM scores computed on the file (``ValueCuts``).
///
/// Each customer gets three scores from 1 to 5, by quintile of all accepted customers of the file:
/// **R** (recency: days from the last order to the as-of day; 5 = most recent; no order date
/// counts as the least recent), **F** (frequency: the `orders` column) and **M** (monetary: the
/// `spend` column). `FM` is the mean of F and M rounded up: `(F + M + 1) / 2`. The first rule that
/// holds names the tier:
///
/// | tier | rule | typical action |
/// |---|---|---|
/// | `champions` | R 4-5 and FM 4-5 | reward, early access |
/// | `loyal` | R 3-5 and FM 3-5 | upsell, loyalty |
/// | `new` | R 4-5 and F 1 | onboarding |
/// | `promising` | R 3-5 (the other recent customers) | nurture, cross-sell |
/// | `at_risk` | R 1-2 and FM 3-5 | personalised win-back |
/// | `lapsed` | R 1-2 and FM 1-2 | cheap reactivation or suppress |
///
/// The grid follows the common R × FM naming (research/plans.md §3), collapsed to six groups so
/// that each is large enough to plan for in a state.
public enum ValueTier: String, Sendable, CaseIterable {
    /// Recent, frequent, high-spending customers.
    case champions
    /// Recent enough customers of good value.
    case loyal
    /// Recent customers with the fewest orders.
    case new
    /// Other recent customers of lower value.
    case promising
    /// Valuable customers who have not ordered lately.
    case atRisk = "at_risk"
    /// Low-value customers who have not ordered lately.
    case lapsed

    /// The tier of RFM scores (each 1-5), by the rules above.
    public static func of(r: Int, f: Int, m: Int) -> ValueTier {
        let fm = (f + m + 1) / 2
        if r >= 4 && fm >= 4 { return .champions }
        if r >= 3 && fm >= 3 { return .loyal }
        if r >= 4 && f == 1 { return .new }
        if r >= 3 { return .promising }
        return fm >= 3 ? .atRisk : .lapsed
    }

    /// Tier indices by `(r - 1) * 25 + (f - 1) * 5 + (m - 1)`: the reader's per-row lookup.
    static let table: [UInt8] = (0..<125).map { i in
        UInt8(allCases.firstIndex(of: of(r: i / 25 + 1, f: i / 5 % 5 + 1, m: i % 5 + 1))!)
    }
}

/// The quintile cut points of recency, frequency and spend of one customer file: what the RFM
/// scores of ``ValueTier`` are computed with.
///
/// Quantiles come from a streaming first pass over the file that counts customers per histogram
/// bucket, so memory does not grow with the file: recency in whole days (exact; 4,096 days or
/// more, and no order date, share the last bucket), orders as integers (exact up to 1,023; more
/// share the last bucket) and spend in log-linear buckets 1/128 wide (below ₹1.28 exact to the
/// paisa; a bucket's upper edge is under 0.8 % above its lower edge). The cut point `c[k]` (k = 1-4)
/// is the smallest bucket holding at least `ceil(k·n/5)` customers at or below it (nearest rank);
/// a customer in bucket `b` scores `1 + #{k : b > c[k]}` (recency: `5 − #{k : b > c[k]}`). Ties
/// are never split: customers in the same bucket get the same score, so a quintile holds more or
/// fewer than 20 % when many customers share a value (often for orders), and the same file always
/// gives the same scores whatever the worker count.
public struct ValueCuts: Sendable, Equatable {
    /// The upper recency bucket of scores 5, 4, 3, 2 (days since the last order; 4096 = "4,096 days
    /// or more, or never").
    public let recencyDays: [Int]
    /// The upper order count of scores 1, 2, 3, 4 (1024 = "1,024 or more").
    public let frequencyOrders: [Int]
    /// The spend bucket indices of scores 1, 2, 3, 4 (see ``ValueCuts/spendBucket(minor:)``).
    public let spendBuckets: [Int]
    /// Customers the cut points were computed on.
    public let customers: Int

    /// Cut points given directly: four upper buckets per measure.
    public init(recencyDays: [Int], frequencyOrders: [Int], spendBuckets: [Int], customers: Int) {
        self.recencyDays = recencyDays
        self.frequencyOrders = frequencyOrders
        self.spendBuckets = spendBuckets
        self.customers = customers
    }

    /// The spend each M score stays below: a customer spending less than `spendLimits[k]`
    /// scores at most `k + 1` (the floor of the bucket after the cut bucket).
    public var spendLimits: [Money] { spendBuckets.map { Money(minor: Self.bucketFloor($0 + 1)) } }

    /// The keys of the cut points in a cube (``SegmentSQL``): `recency_days_1`...`spend_buckets_4`.
    public static let cubeKeys = ["recency_days", "frequency_orders", "spend_buckets"].flatMap { name in (1...4).map { "\(name)_\($0)" } }

    static let recencyBuckets = 4097, frequencyBuckets = 1025, spendBucketCount = 128 * 58

    /// The recency bucket of an order `age` days back (`Int.max`: none).
    @inline(__always)
    static func recencyBucket(age: Int) -> Int { age < 0 ? 0 : (age >= 4096 ? 4096 : age) }

    /// The frequency bucket of an order count.
    @inline(__always)
    static func frequencyBucket(orders: Int64) -> Int { orders <= 0 ? 0 : (orders >= 1024 ? 1024 : Int(orders)) }

    /// The log-linear bucket of a spend in minor units: exact below 128; above, the top eight
    /// bits of the value and its bit length (buckets under 0.8 % wide). Negative spend counts as 0.
    @inline(__always)
    public static func spendBucket(minor: Int64) -> Int {
        if minor < 128 { return minor <= 0 ? 0 : Int(minor) }
        let shift = (63 - minor.leadingZeroBitCount) - 7
        return 128 * (shift + 1) + Int(minor >> Int64(shift)) - 128
    }

    /// The smallest spend in minor units in a bucket.
    static func bucketFloor(_ bucket: Int) -> Int64 {
        if bucket < 128 { return Int64(bucket) }
        let shift = bucket / 128 - 1
        return Int64(128 + bucket % 128) << Int64(shift)
    }

    /// Cut points from histogram counts (nearest rank, as above).
    static func from(recency: [Int64], frequency: [Int64], spend: [Int64]) -> ValueCuts {
        let n = recency.reduce(0, +)
        func cuts(_ counts: [Int64]) -> [Int] {
            (1...4).map { k in
                let target = (Int64(k) * n + 4) / 5
                var running: Int64 = 0
                for (bucket, count) in counts.enumerated() {
                    running += count
                    if running >= target && running > 0 { return bucket }
                }
                return counts.count - 1
            }
        }
        return ValueCuts(recencyDays: cuts(recency), frequencyOrders: cuts(frequency), spendBuckets: cuts(spend), customers: Int(n))
    }

    /// The tier index (in ``ValueTier/allCases`` order) of one customer's measures.
    @inline(__always)
    func tierIndex(age: Int, orders: Int64, spend: Int64) -> Int {
        let rb = Self.recencyBucket(age: age), fb = Self.frequencyBucket(orders: orders), mb = Self.spendBucket(minor: spend)
        var r = 5, f = 1, m = 1
        for k in 0..<4 {
            if rb > recencyDays[k] { r -= 1 }
            if fb > frequencyOrders[k] { f += 1 }
            if mb > spendBuckets[k] { m += 1 }
        }
        return Int(ValueTier.table[(r - 1) * 25 + (f - 1) * 5 + (m - 1)])
    }

    /// The scores (1-5) of one customer's measures: days since the last order (`nil`: none),
    /// orders and spend.
    public func scores(daysSinceLastOrder: Int?, orders: Int, spend: Money) -> (r: Int, f: Int, m: Int) {
        let rb = Self.recencyBucket(age: daysSinceLastOrder ?? Int.max)
        let fb = Self.frequencyBucket(orders: Int64(orders)), mb = Self.spendBucket(minor: spend.minor)
        return (
            5 - recencyDays.filter { rb > $0 }.count, 1 + frequencyOrders.filter { fb > $0 }.count,
            1 + spendBuckets.filter { mb > $0 }.count
        )
    }

    /// The rules in words, for reports: the cut points of each score.
    public var summary: String {
        "R by days since the last order ≤ \(recencyDays.map(String.init).joined(separator: "/")) (scores 5 to 2), "
            + "F by orders ≤ \(frequencyOrders.map(String.init).joined(separator: "/")) (scores 1 to 4), "
            + "M by spend below \(spendLimits.map(\.description).joined(separator: "/")) (scores 1 to 4), "
            + "on \(customers) customers"
    }
}
