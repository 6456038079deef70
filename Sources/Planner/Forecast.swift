import Foundation
import PlannerCore

/// Low, base and high values of one forecast figure.
public struct Range3: Sendable, Equatable, Codable {
    /// The figure at the channel's low response rate.
    public let low: Double
    /// The figure at the base response rate: the one the plan is optimised for.
    public let base: Double
    /// The figure at the high response rate.
    public let high: Double

    /// The three values as given; they are not sorted.
    public init(low: Double, base: Double, high: Double) {
        self.low = low
        self.base = base
        self.high = high
    }
}

/// What one plan line is expected to achieve for its budget.
///
/// Sending `messages` at random to an audience of `A` reachable customers reaches
/// `A · (1 − e^(−messages/A))` distinct people (a Poisson count of messages per person); each
/// reached person responds with the channel's response rate (low / base / high), a response
/// converts with the conversion rate, and a conversion is worth the segment's value. This is the
/// same curve the optimiser maximises (`r(b) = a · (1 − e^(−b/s))` with `a = A·p·v`, `s = A·c`).
public struct LineForecast: Sendable, Equatable {
    /// Customers in the line's segment, reachable or not.
    public let audience: Int
    /// Customers of the segment reachable on the line's channel, holdout included.
    public let reachable: Int
    /// Reachable customers held out as the control group (not messaged), rounded down.
    public let holdout: Int
    /// Messages the line's budget buys: `cost` divided by the cost per message, rounded down.
    public let messages: Int
    /// The line's budget, in the plan's currency.
    public let cost: Money
    /// Expected distinct customers who get at least one message (a fraction, not rounded).
    public let reached: Double
    /// Expected responses (clicks, replies) at the low, base and high rates.
    public let responses: Range3
    /// Expected purchases: responses × the channel's conversion rate.
    public let conversions: Range3
    /// Expected value in currency units (major, e.g. rupees): conversions × value per conversion.
    public let revenue: Range3
    /// (revenue − cost) / cost at the base rates; `nil` when nothing is spent.
    public let roi: Double?
    /// cost / conversions at the base rates; `nil` when there are none.
    public let costPerConversion: Double?
    /// Revenue the next currency unit would bring (the optimiser's marginal return).
    public let marginalReturn: Double

    /// Forecasts a line.
    /// - Parameters:
    ///   - reachable: customers reachable on the channel; `holdoutShare` of them are held out.
    ///   - costPerMessage: what one message costs (an SMS: price per segment × segments).
    public static func make(
        audience: Int, reachable: Int, holdoutShare: Double, cost: Money, costPerMessage: Double, responseRate: Range3,
        conversionRate: Double, valuePerConversion: Double
    ) -> LineForecast {
        let holdout = Int((Double(reachable) * holdoutShare).rounded(.down))
        let treated = Double(reachable - holdout)
        let messages = costPerMessage > 0 ? Int((cost.major / costPerMessage + 1e-9).rounded(.down)) : 0
        let reached = treated > 0 ? treated * -expm1(-Double(messages) / treated) : 0
        func scale(_ f: (Double) -> Double) -> Range3 {
            Range3(low: f(responseRate.low), base: f(responseRate.base), high: f(responseRate.high))
        }
        let responses = scale { reached * $0 }
        let conversions = scale { reached * $0 * conversionRate }
        let revenue = scale { reached * $0 * conversionRate * valuePerConversion }
        let spend = cost.major
        let marginal =
            treated > 0 && costPerMessage > 0
            ? responseRate.base * conversionRate * valuePerConversion / costPerMessage * exp(-Double(messages) / treated) : 0
        return LineForecast(
            audience: audience, reachable: reachable, holdout: holdout, messages: messages, cost: cost, reached: reached,
            responses: responses, conversions: conversions, revenue: revenue,
            roi: spend > 0 ? (revenue.base - spend) / spend : nil,
            costPerConversion: conversions.base > 0 ? spend / conversions.base : nil, marginalReturn: marginal)
    }
}
