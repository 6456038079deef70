import Planner
import PlannerCore

/// A small hand-made plan: two segments (Bengali in West Bengal, Tamil in Tamil Nadu), three
/// lines, an exclusion, messages in Bengali, Tamil and English, and text that looks like a formula.
enum PlanFixture {
    static func day(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: 2026, month: m, day: d)! }

    static func line(
        _ id: String, segment: String, region: String, language: String, festival: String, name: String, date: CivilDate, channel: String,
        budget: Double, costPerMessage: Double, reachable: Int
    ) -> PlanLine {
        let flight = Flight.make(
            festival: festival, principal: date, uncertaintyDays: 0, channel: channel, leadDays: 5, followUpDays: 0,
            sendWindow: .init(start: "09:00", end: "21:00"), timeZone: "Asia/Kolkata", country: "IN",
            period: .init(start: day(10, 1), end: day(11, 30)))!
        let forecast = LineForecast.make(
            audience: reachable + 100, reachable: reachable, holdoutShare: 0.05, cost: Money(major: budget), costPerMessage: costPerMessage,
            responseRate: Range3(low: 0.01, base: 0.02, high: 0.03), conversionRate: 0.5, valuePerConversion: 800)
        return PlanLine(
            id: id, segment: segment, region: region, language: language, festival: festival, festivalName: name, festivalDate: date,
            channel: channel, template: "festive-offer", flight: flight, costPerMessage: costPerMessage, status: "interior",
            forecast: forecast)
    }

    static let plan: Plan = {
        let lines = [
            line(
                "L001", segment: "IN-WB/bn", region: "IN-WB", language: "bn", festival: "durga_puja", name: "Durga Puja",
                date: day(10, 18), channel: "sms", budget: 123_456.78, costPerMessage: 0.4, reachable: 400_000),
            line(
                "L002", segment: "IN-WB/bn", region: "IN-WB", language: "bn", festival: "durga_puja", name: "Durga Puja",
                date: day(10, 18), channel: "whatsapp", budget: 2_50_000.05, costPerMessage: 0.8, reachable: 300_000),
            line(
                "L003", segment: "IN-TN/ta", region: "IN-TN", language: "ta", festival: "diwali", name: "Deepavali", date: day(11, 8),
                channel: "sms", budget: 12_34_567.17, costPerMessage: 0.6, reachable: 2_000_000),
        ]
        let allocated = lines.map(\.budget).reduce(Money.zero, +)
        let budget = Money(major: 20_00_000)
        let sum = { (f: (LineForecast) -> Double) in lines.map { f($0.forecast) }.reduce(0, +) }
        return Plan(
            name: "Festive 2026 — East & South", campaignID: "festive-2026-east-south", country: "IN", currency: "INR",
            period: .init(start: day(10, 1), end: day(11, 30)),
            asOf: day(9, 15), budget: budget,
            assumptions: [
                Assumption(key: "sms.cost_per_message", value: "0.20", source: "brief"),
                Assumption(key: "holdout", value: "0.05", source: "default"),
            ],
            segments: [
                PlanSegment(
                    id: "IN-WB/bn", region: "IN-WB", regionName: "West Bengal", language: "bn", customers: 500_000,
                    reachable: ["sms": 400_000, "whatsapp": 300_000], spend: Money(major: 9_87_65_432.10), orders: 812_345,
                    active90d: 210_000, imputedLanguage: 1_234, status: "kept", festivals: ["durga_puja"]),
                PlanSegment(
                    id: "IN-TN/ta", region: "IN-TN", regionName: "தமிழ்நாடு", language: "ta", customers: 2_500_000,
                    reachable: ["sms": 2_000_000], spend: Money(major: 45_00_00_000), orders: 3_000_000, active90d: 900_000,
                    imputedLanguage: 0, status: "kept", festivals: ["diwali"]),
            ],
            excluded: [
                Exclusion(
                    segment: "IN-TN/ta", festival: "diwali", channel: "whatsapp",
                    reason: "=no WhatsApp template in ta and no fallback")
            ],
            lines: lines,
            messages: [
                PlanMessage(
                    segment: "IN-WB/bn", festival: "durga_puja", channel: "sms", template: "festive-offer", language: "bn",
                    fallbackFrom: nil, text: "শুভ দুর্গাপূজা! ২০% ছাড়", encoding: "UCS-2", smsSegments: 1, costPerMessage: 0.4),
                PlanMessage(
                    segment: "IN-TN/ta", festival: "diwali", channel: "sms", template: "festive-offer", language: "ta",
                    fallbackFrom: nil, text: "தீபாவளி வாழ்த்துகள்! +20% off", encoding: "UCS-2", smsSegments: 2, costPerMessage: 0.6),
            ],
            certificate: PlanCertificate(
                method: "exactBudget", objective: 12345.67, dualBound: 12345.67, gap: 0, relativeGap: 1.5e-13,
                maxViolation: 0, lambda: 3.25, binding: []),
            totals: PlanTotals(
                budget: budget, allocated: allocated, unspent: budget - allocated, unspentReasons: ["every cell is at its frequency cap"],
                messages: lines.map(\.forecast.messages).reduce(0, +),
                conversions: Range3(low: sum { $0.conversions.low }, base: sum { $0.conversions.base }, high: sum { $0.conversions.high }),
                revenue: Range3(low: sum { $0.revenue.low }, base: sum { $0.revenue.base }, high: sum { $0.revenue.high }),
                roi: (sum { $0.revenue.base } - allocated.major) / allocated.major),
            input: InputSummary(file: "customers.csv", rowsRead: 3_000_100, accepted: 3_000_000, rejects: ["unknown region": 100]))
    }()
}
