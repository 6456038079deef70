/// How likely a customer is to respond, for choosing who gets a line's messages when it sends
/// fewer than its segment's reachable customers: recency first, then frequency, then spend (an
/// RFM order). Higher is better; ties are broken by the holdout hash (see ``Holdout``).
public struct ResponseScore: Comparable, Sendable, Hashable {
    /// 3 when the last order is within 30 days of the plan's day, 2 within 90, 1 within 365, 0
    /// older or never.
    public let recency: Int
    /// Lifetime orders.
    public let orders: Int
    /// Lifetime spend in minor units.
    public let spendMinor: Int64

    /// The rule in words, for the report.
    public static let description =
        "recency band (last order within 30, 90 or 365 days of the plan's day, or earlier), then orders, then spend; ties by the holdout hash"

    /// A score from the customer's days since the last order (`nil`: never), orders and spend.
    public init(daysSinceLastOrder: Int?, orders: Int, spendMinor: Int64) {
        switch daysSinceLastOrder {
        case .some(let days) where days < 30: recency = 3
        case .some(let days) where days < 90: recency = 2
        case .some(let days) where days < 365: recency = 1
        default: recency = 0
        }
        self.orders = orders
        self.spendMinor = spendMinor
    }

    /// Lower scores first (sort descending to rank).
    public static func < (a: ResponseScore, b: ResponseScore) -> Bool {
        (a.recency, a.orders, a.spendMinor) < (b.recency, b.orders, b.spendMinor)
    }
}
