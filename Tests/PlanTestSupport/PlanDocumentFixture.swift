import Foundation
import PlannerCore

/// Small plan documents written by hand (as plan.json text), for tests of the readers of plans
/// (`compare`, `results`): every figure is the one given, so expected results can be worked out
/// by hand. Segments have 100 customers each; line ids are `L0001`... in the order given; every
/// flight runs 2026-11-01 to 2026-11-08.
public enum PlanDocumentFixture {
    /// One plan line's figures.
    public struct Line: Sendable {
        /// The segment's id (`IN-WB/bn`).
        public let segment: String
        /// The festival's id.
        public let festival: String
        /// The channel.
        public let channel: String
        /// The line's budget, in rupees.
        public let budget: Double
        /// Forecast conversions (low, base and high alike).
        public let conversions: Double
        /// Forecast revenue, in rupees.
        public let revenue: Double
        /// The line's marginal return.
        public let marginal: Double

        /// A line with these figures.
        public init(
            segment: String, festival: String, channel: String, budget: Double, conversions: Double, revenue: Double, marginal: Double
        ) {
            self.segment = segment
            self.festival = festival
            self.channel = channel
            self.budget = budget
            self.conversions = conversions
            self.revenue = revenue
            self.marginal = marginal
        }
    }

    /// The plan.json bytes of a plan named `name` with this budget, segments and lines.
    public static func json(name: String, budget: Double, segments: [String], lines: [Line]) -> [UInt8] {
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
        return Array(try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }
}
