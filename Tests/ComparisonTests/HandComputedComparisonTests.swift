import Comparison
import Export
import Foundation
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
    struct LineSpec {
        let segment: String, festival: String, channel: String
        let budget: Double, conversions: Double, revenue: Double, marginal: Double
    }

    static let base = plan(
        name: "base", budget: 500,
        segments: ["IN-WB/bn", "IN-DL/hi", "IN-DL/bn"],
        lines: [
            LineSpec(
                segment: "IN-DL/bn", festival: "durga_puja", channel: "whatsapp", budget: 40, conversions: 0.5, revenue: 60, marginal: 1.2),
            LineSpec(segment: "IN-DL/hi", festival: "diwali", channel: "email", budget: 50.25, conversions: 1, revenue: 80, marginal: 1.1),
            LineSpec(segment: "IN-WB/bn", festival: "durga_puja", channel: "sms", budget: 100, conversions: 2, revenue: 300, marginal: 1.5),
        ])
    static let other = plan(
        name: "other", budget: 600,
        segments: ["IN-WB/bn", "IN-DL/bn", "IN-KA/kn"],
        lines: [
            LineSpec(
                segment: "IN-DL/bn", festival: "durga_puja", channel: "whatsapp", budget: 40, conversions: 0.5, revenue: 60, marginal: 1.2),
            LineSpec(segment: "IN-KA/kn", festival: "diwali", channel: "push", budget: 25, conversions: 0.25, revenue: 30, marginal: 1.05),
            LineSpec(
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

    /// A plan document with the given segments (100 customers each) and lines, read through
    /// ``PlanFile/parse(_:path:base:)`` as `compare` reads it.
    static func plan(name: String, budget: Double, segments: [String], lines: [LineSpec]) -> PlanFile {
        let allocated = lines.map { Money(major: $0.budget) }.reduce(Money.zero, +)
        let range = { (x: Double) in ["low": x, "base": x, "high": x] }
        let document: [String: Any] = [
            "schema_version": 1, "name": name, "campaign_id": "hand-made", "country": "IN", "currency": "INR",
            "period": ["start": "2026-10-01", "end": "2026-11-15"], "as_of": "2026-10-01", "budget": budget,
            "assumptions": [["key": "budget", "value": Money(major: budget).description, "source": "brief"]],
            "input": [
                "file": "customers.csv", "size": 0, "sha256": "", "columns": [String: String](), "date_format": NSNull(), "rows_read": 300,
                "accepted": 300, "rejects": [String: Int](),
            ],
            "warnings": [String](),
            "segments": segments.map { id in
                [
                    "id": id, "region": String(id.prefix { $0 != "/" }), "region_name": id, "language": String(id.split(separator: "/")[1]),
                    "customers": 100, "reachable": ["email": 50, "push": 20, "sms": 80, "whatsapp": 70], "spend": 10_000,
                    "orders": 300, "active_90d": 40, "imputed_language": 0, "status": "kept", "festivals": ["diwali", "durga_puja"],
                ] as [String: Any]
            },
            "excluded": [Any](),
            "lines": lines.enumerated().map { i, l in
                [
                    "id": "L000\(i + 1)", "segment": l.segment, "region": String(l.segment.prefix { $0 != "/" }),
                    "language": String(l.segment.split(separator: "/")[1]), "festival": l.festival, "festival_name": l.festival,
                    "festival_date": "2026-11-08", "channel": l.channel, "template": "festive-offer",
                    "flight": [
                        "start": "2026-11-01", "end": "2026-11-08", "send_days": 8, "send_from": "09:00", "send_until": "21:00",
                        "time_zone": "Asia/Kolkata",
                    ],
                    "budget": l.budget, "cost_per_message": 0.12, "status": "interior", "audience": 100, "reachable": 80, "holdout": 4,
                    "messages": Int(l.budget / 0.12), "reached": 50.0, "responses": range(l.conversions),
                    "conversions": range(l.conversions),
                    "revenue": range(l.revenue), "roi": (l.revenue - l.budget) / l.budget, "cost_per_conversion": l.budget / l.conversions,
                    "marginal_return": l.marginal,
                ] as [String: Any]
            },
            "messages": [Any](),
            "certificate": [
                "method": "wholeMessageRounding", "objective": 0, "dual_bound": 0, "gap": 0, "relative_gap": 0, "max_violation": 0,
                "lambda": 1, "binding": [String](),
            ],
            "totals": [
                "budget": budget, "allocated": allocated.major, "unspent": (Money(major: budget) - allocated).major,
                "unspent_reasons": [String](), "messages": 0, "conversions": range(0), "revenue": range(0), "roi": NSNull(),
            ],
        ]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return try! PlanFile.parse(Array(data), path: "\(name)/plan.json")
    }
}
