import Foundation
import Planner
import PlannerCore
import Testing

@Suite("Forecasts and money")
struct ForecastTests {
    @Test("a line's forecast, computed by hand")
    func forecast() {
        // 1,000 reachable, 10 % held out → 900 treated. ₹90 at ₹0.10 = 900 messages, one per treated
        // customer on average: reached = 900 · (1 − e^−1) = 568.909. Base rate 2 % → 11.378 responses;
        // half convert → 5.689 conversions at ₹400 = ₹2,275.64. ROI = (2275.64 − 90) / 90 = 24.285.
        let f = LineForecast.make(
            audience: 1200, reachable: 1000, holdoutShare: 0.1, cost: Money(major: 90), costPerMessage: 0.10,
            responseRate: Range3(low: 0.01, base: 0.02, high: 0.03), conversionRate: 0.5, valuePerConversion: 400)
        #expect(f.holdout == 100)
        #expect(f.messages == 900)
        #expect(abs(f.reached - 568.909) < 0.001)
        #expect(abs(f.conversions.base - 5.689) < 0.001)
        #expect(abs(f.revenue.base - 2275.64) < 0.01)
        #expect(abs(f.revenue.low - 1137.82) < 0.01)
        #expect(abs(f.roi! - 24.285) < 0.001)
        // Marginal return at 900 messages: p·c·v / cost · e^−1 = 0.02 · 0.5 · 400 / 0.10 · 0.3679 = 14.715.
        #expect(abs(f.marginalReturn - 14.715) < 0.001)
    }

    @Test("nothing spent: no messages, no ROI")
    func zero() {
        let f = LineForecast.make(
            audience: 10, reachable: 10, holdoutShare: 0, cost: .zero, costPerMessage: 0.2,
            responseRate: Range3(low: 0, base: 0.1, high: 0.2), conversionRate: 1, valuePerConversion: 100)
        #expect(f.messages == 0 && f.roi == nil && f.costPerConversion == nil)
    }

    @Test(
        "apportioning keeps the total to the paisa",
        arguments: [[0.333, 0.333, 0.334], [10.005, 20.005, 0.0], [1 / 3, 1 / 3, 1 / 3]] as [[Double]])
    func apportion(amounts: [Double]) {
        let parts = Money.apportion(amounts)
        #expect(parts.reduce(Money.zero, +) == Money(major: amounts.reduce(0, +)))
        for (part, amount) in zip(parts, amounts) { #expect(abs(part.major - amount) < 0.01 + 1e-9) }
    }

    @Test("money prints two decimals", arguments: [(12345.6, "12345.60"), (-0.05, "-0.05"), (0.0, "0.00")] as [(Double, String)])
    func printing(value: Double, text: String) { #expect(Money(major: value).description == text) }
}
