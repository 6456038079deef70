import Planner
import PlannerCore

/// The measured effect of a campaign on one group of plan lines (one line, a channel, a
/// festival, a segment, or all of them): the customers they messaged against the held-out
/// customers they would have messaged (their ghost sends), never against the whole holdout,
/// which the targeting makes unlike.
public struct GroupLift: Sendable, Equatable {
    /// What the group is (`sms`, `L0007`, `IN-WB/bn`, `overall`).
    public let key: String
    /// Distinct customers messaged by the group's lines.
    public let treatedCustomers: Int
    /// Distinct held-out customers the group's lines would have messaged.
    public let holdoutCustomers: Int
    /// Treated customers who converted (inside the group's window when outcomes are dated).
    public let treatedConverters: Int
    /// Held-out customers who converted.
    public let holdoutConverters: Int
    /// Converters / customers among the treated.
    public let treatedConversionRate: Double
    /// Converters / customers among the held out.
    public let holdoutConversionRate: Double
    /// Treated rate minus holdout rate: the conversions a messaged customer gained (Newcombe interval).
    public let incrementalConversionRate: Estimate
    /// ``incrementalConversionRate`` × treated customers: the conversions the campaign caused.
    public let incrementalConversions: Estimate
    /// Treated revenue per customer minus holdout's, in currency units (Welch interval).
    public let incrementalRevenuePerCustomer: Estimate
    /// ``incrementalRevenuePerCustomer`` × treated customers, in currency units.
    public let incrementalRevenue: Estimate
    /// What the group's sends cost (their `cost` column): the real spend, not the plan's.
    public let spend: Money
    /// (incremental revenue − spend) / spend, at the estimate; `nil` with nothing spent.
    public let incrementalROI: Double?
    /// The plan's forecast for the group's lines, summed (conversions low / base / high).
    public let forecastConversions: Range3
    /// The plan's forecast revenue for the group's lines, in currency units.
    public let forecastRevenue: Range3

    /// No interval could be given: fewer than 30 customers on a side or fewer than 5 conversions.
    public var tooLittleData: Bool { incrementalConversionRate.low == nil }
}

/// One side of a comparison: customers, converters and revenue sums (paise) for the means.
struct GroupSide {
    var customers = 0
    var converters = 0
    var revenue = 0.0
    var revenueSquares = 0.0

    mutating func add(converted: Bool, revenue paise: Int64) {
        customers += 1
        if converted { converters += 1 }
        let major = Double(paise) / 100
        revenue += major
        revenueSquares += major * major
    }
}

extension GroupLift {
    /// The lift of `treated` against `holdout` for a group with `spend` and the plan's forecast.
    init(key: String, treated t: GroupSide, holdout h: GroupSide, spend: Money, forecastConversions: Range3, forecastRevenue: Range3) {
        self.key = key
        treatedCustomers = t.customers
        holdoutCustomers = h.customers
        treatedConverters = t.converters
        holdoutConverters = h.converters
        treatedConversionRate = t.customers > 0 ? Double(t.converters) / Double(t.customers) : 0
        holdoutConversionRate = h.customers > 0 ? Double(h.converters) / Double(h.customers) : 0
        incrementalConversionRate = Interval.differenceOfProportions(t.converters, t.customers, h.converters, h.customers)
        incrementalConversions = incrementalConversionRate.scaled(by: Double(t.customers))
        var perCustomer = Interval.differenceOfMeans(
            sum1: t.revenue, squares1: t.revenueSquares, n1: t.customers, sum2: h.revenue, squares2: h.revenueSquares, n2: h.customers)
        if incrementalConversionRate.low == nil { perCustomer = Estimate(estimate: perCustomer.estimate, low: nil, high: nil) }
        incrementalRevenuePerCustomer = perCustomer
        incrementalRevenue = perCustomer.scaled(by: Double(t.customers))
        self.spend = spend
        incrementalROI = spend.minor > 0 ? (incrementalRevenue.estimate - spend.major) / spend.major : nil
        self.forecastConversions = forecastConversions
        self.forecastRevenue = forecastRevenue
    }
}
