import Comparison
import Export
import Foundation
import PlanTestSupport
import Planner
import PlannerCore
import Testing

/// Two small plans written out by hand, and their comparison worked out by hand below: every
/// delta, share, ROI, driver and bridge step is checked against those figures.
///
/// Base (budget ₹500.00): IN-WB/bn durga_puja sms ₹100.00 (2 conversions, ₹300 revenue),
/// IN-DL/hi diwali email ₹50.25 (1, ₹80), IN-DL/bn durga_puja whatsapp ₹40.00 (0.5, ₹60):
/// allocated ₹190.25, unspent ₹309.75.
/// Other (budget ₹600.00): IN-WB/bn sms ₹120.50 (2.2, ₹330), IN-DL/bn whatsapp ₹40.00 (same),
/// IN-KA/kn diwali push ₹25.00 (0.25, ₹30), a new segment; IN-DL/hi left the plan:
/// allocated ₹185.50, unspent ₹414.50.
@Suite("Comparing two hand-made plans: deltas, shares, drivers and the bridge worked out by hand")
struct HandComputedComparisonTests {
    static let base = plan(
        name: "base", budget: 500,
        segments: ["IN-WB/bn", "IN-DL/hi", "IN-DL/bn"],
        lines: [
            PlanDocumentFixture.Line(
                segment: "IN-DL/bn", festival: "durga_puja", channel: "whatsapp", budget: 40, conversions: 0.5, revenue: 60, marginal: 1.2),
            PlanDocumentFixture.Line(
                segment: "IN-DL/hi", festival: "diwali", channel: "email", budget: 50.25, conversions: 1, revenue: 80, marginal: 1.1),
            PlanDocumentFixture.Line(
                segment: "IN-WB/bn", festival: "durga_puja", channel: "sms", budget: 100, conversions: 2, revenue: 300, marginal: 1.5),
        ])
    static let other = plan(
        name: "other", budget: 600,
        segments: ["IN-WB/bn", "IN-DL/bn", "IN-KA/kn"],
        lines: [
            PlanDocumentFixture.Line(
                segment: "IN-DL/bn", festival: "durga_puja", channel: "whatsapp", budget: 40, conversions: 0.5, revenue: 60, marginal: 1.2),
            PlanDocumentFixture.Line(
                segment: "IN-KA/kn", festival: "diwali", channel: "push", budget: 25, conversions: 0.25, revenue: 30, marginal: 1.05),
            PlanDocumentFixture.Line(
                segment: "IN-WB/bn", festival: "durga_puja", channel: "sms", budget: 120.50, conversions: 2.2, revenue: 330, marginal: 1.4),
        ])

    @Test("by region: budgets, deltas, delta shares, conversions and ROI per region, as CSV")
    func byRegion() throws {
        let comparison = PlanComparison([Self.base, Self.other], by: .region)
        let csv = TableCSV.render(ComparisonTable(comparison).table)
        // IN-DL: 50.25 + 40 = 90.25 → 40.00, delta −50.25, share −50.25 / 90.25 = −0.556787;
        //   ROI (80 + 60 − 90.25) / 90.25 = 0.551247 → (60 − 40) / 40 = 0.5.
        // IN-KA: new, 25.00, no share (base 0); ROI (30 − 25) / 25 = 0.2.
        // IN-WB: 100 → 120.50, +20.50, share 0.205; ROI 2 → (330 − 120.5) / 120.5 = 1.738589.
        #expect(
            csv == """
                region,base_budget,other_budget,delta,delta_pct,base_conversions,other_conversions,base_roi,other_roi
                IN-DL,90.25,40.00,-50.25,-0.556787,1.5000,0.5000,0.551247,0.500000
                IN-KA,0.00,25.00,25.00,,0.0000,0.2500,,0.200000
                IN-WB,100.00,120.50,20.50,0.205000,2.0000,2.2000,2.000000,1.738589

                """)
        #expect(comparison.totals.budget(0) == Money(minor: 19_025))
        #expect(comparison.totals.budget(1) == Money(minor: 18_550))
        #expect(comparison.totals.delta(1) == Money(minor: -475))
        #expect(comparison.rows.map { $0.status(1) } == [.changed, .added, .changed])
        // The best marginal return of IN-DL's lines: 1.2 (whatsapp) in both plans.
        #expect(comparison.rows[0].figures.map { $0?.marginalReturn } == [1.2, 1.2])
    }

    @Test("the review: lines added and removed, each change's driver and reason, and a bridge that sums to the budget change")
    func review() throws {
        let review = PlanComparison([Self.base, Self.other], by: .line).reviews[0]
        #expect(review.assumptions == [AssumptionChange(key: "budget", base: "500.00", other: "600.00")])
        #expect(review.added == ["IN-KA/kn diwali push"])
        #expect(review.removed == ["IN-DL/hi diwali email"])
        #expect(
            review.lines.map { "\($0.key) | \($0.status) | \($0.base) → \($0.other) | \($0.driver): \($0.reason)" } == [
                "IN-DL/hi diwali email | removed | 50.25 → 0.00 | segment: segment IN-DL/hi left the plan",
                "IN-KA/kn diwali push | added | 0.00 → 25.00 | segment: segment IN-KA/kn is new",
                "IN-WB/bn durga_puja sms | changed | 100.00 → 120.50 | budget: budget 500.00 → 600.00",
                "(unspent) | changed | 309.75 → 414.50 | budget: budget 500.00 → 600.00",
            ])
        // Segments: −50.25 + 25.00 = −25.25; budget: +20.50 + (414.50 − 309.75 = 104.75) = +125.25;
        // 500.00 − 25.25 + 125.25 = 600.00.
        #expect(review.bridge.start == Money(minor: 50_000) && review.bridge.end == Money(minor: 60_000))
        #expect(
            review.bridge.steps.map { "\($0.driver) \($0.amount) (\($0.lines) lines): \($0.detail)" } == [
                "segment -25.25 (2 lines): segment IN-DL/hi left the plan; segment IN-KA/kn is new",
                "budget 125.25 (2 lines): budget 500.00 → 600.00",
            ])
    }

    /// A hand-made plan document read back as `compare` reads it.
    static func plan(name: String, budget: Double, segments: [String], lines: [PlanDocumentFixture.Line]) -> PlanFile {
        try! PlanFile.parse(
            PlanDocumentFixture.json(name: name, budget: budget, segments: segments, lines: lines), path: "\(name)/plan.json")
    }
}
