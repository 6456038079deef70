import Comparison
import Export
import Foundation
import Planner
import PlannerCore
import PlannerIO
import Testing

@Suite("Comparing plans: reconciled deltas, reasons, bridge")
struct ComparisonTests {
    @Test("per-key deltas sum to the difference of totals, to the paisa, for every --by", arguments: ComparisonKey.allCases)
    func reconcile(by: ComparisonKey) throws {
        let plans = [ExamplePlans.base, ExamplePlans.cut, ExamplePlans.cheaperSMS]
        let comparison = PlanComparison(plans, by: by)
        for p in 1..<plans.count {
            let sum = comparison.rows.map { $0.delta(p) }.reduce(Money.zero, +)
            #expect(sum == comparison.totals.delta(p))
            #expect(comparison.totals.delta(p) == plans[p].totals.allocated - plans[0].totals.allocated)
            #expect(comparison.totals.delta(p) != .zero)
            // The CSV's delta column (two plans) sums to the same paise.
            let csv = TableCSV.render(ComparisonTable(PlanComparison([plans[0], plans[p]], by: by)).table)
            let deltas = csv.split(separator: "\n").dropFirst().map {
                Money(major: Double($0.split(separator: ",", omittingEmptySubsequences: false)[3])!)
            }
            #expect(deltas.reduce(Money.zero, +) == comparison.totals.delta(p))
            // The bridge: base budget + every driver's amount = the other budget.
            let bridge = comparison.reviews[p - 1].bridge
            #expect(bridge.steps.map(\.amount).reduce(bridge.start, +) == bridge.end)
            #expect(bridge.end == plans[p].budget)
        }
    }

    @Test("a plan compared with itself shows no change")
    func itself() throws {
        let base = ExamplePlans.base
        for by in ComparisonKey.allCases {
            let comparison = PlanComparison([base, base], by: by)
            #expect(!comparison.hasChanges)
            #expect(comparison.rows.allSatisfy { $0.delta(1) == .zero && $0.status(1) == .same })
            #expect(comparison.reviews[0].bridge.steps.isEmpty)
        }
    }

    @Test("10 % more budget: the whole change is the budget's")
    func moreBudget() throws {
        let base = ExamplePlans.base, more = ExamplePlans.moreBudget
        let review = PlanComparison([base, more], by: .region).reviews[0]
        #expect(review.assumptions == [AssumptionChange(key: "budget", base: "40000.00", other: "44000.00")])
        #expect(review.bridge.start == Money(major: 40_000) && review.bridge.end == Money(major: 44_000))
        #expect(review.bridge.steps.map(\.driver) == [.budget])
        #expect(review.bridge.steps.first?.amount == Money(major: 4_000))
        #expect(review.lines.allSatisfy { $0.driver == .budget })
    }

    @Test("a budget cut below the allocation: every line that lost money lost it to the budget")
    func cut() throws {
        let base = ExamplePlans.base, cut = ExamplePlans.cut
        let review = PlanComparison([base, cut], by: .line).reviews[0]
        #expect(review.lines.count > 10)
        #expect(review.lines.allSatisfy { $0.driver == .budget && $0.reason == "budget 40000.00 → 25000.00" })
        #expect(review.bridge.steps.map(\.amount) == [Money(major: -15_000)])
    }

    @Test("cheaper SMS: SMS lines move because of the SMS price; the rest is the optimiser's")
    func cheaperSMS() throws {
        let base = ExamplePlans.base, sms = ExamplePlans.cheaperSMS
        let review = PlanComparison([base, sms], by: .line).reviews[0]
        #expect(review.assumptions == [AssumptionChange(key: "sms.cost_per_message", base: "0.1200", other: "0.1000")])
        let smsLines = review.lines.filter { $0.key.hasSuffix(" sms") }
        #expect(!smsLines.isEmpty)
        #expect(smsLines.allSatisfy { $0.driver == .assumption && $0.reason == "sms.cost_per_message 0.1200 → 0.1000" })
        #expect(review.lines.filter { !$0.key.hasSuffix(" sms") && $0.key != LineChange.unspent }.allSatisfy { $0.driver == .reallocation })
        // The money the cheaper SMS drew from the unspent budget is the price's too: the budget did not move.
        let unspent = try #require(review.lines.first { $0.key == LineChange.unspent })
        #expect(unspent.driver == .assumption)
        #expect(review.bridge.steps.map(\.amount).reduce(Money.zero, +) == .zero)
    }
}
