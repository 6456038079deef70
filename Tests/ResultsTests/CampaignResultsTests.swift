import Foundation
import PlanTestSupport
import Planner
import PlannerCore
import Results
import Testing

/// The hand-made campaign of ``CampaignFixture``, its results worked out by hand.
@Suite("Results against the holdout: a campaign worked out by hand")
struct CampaignResultsTests {
    @Test("per line and channel: customers, lift with Newcombe's and Welch's intervals, spend and ROI; a small line has no interval")
    func handWorked() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try CampaignResults.measure(
            .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
        let sms = try #require(results.byLine.first)
        #expect(sms.key == "L0001" && sms.treatedCustomers == 100 && sms.holdoutCustomers == 100)
        #expect(sms.treatedConverters == 40 && sms.holdoutConverters == 20)
        // 0.4 − 0.2, Newcombe [0.073119, 0.318505] (IntervalTests).
        #expect(abs(sms.incrementalConversionRate.estimate - 0.2) < 1e-12)
        #expect(abs(sms.incrementalConversionRate.low! - 0.073119) < 1e-5 && abs(sms.incrementalConversionRate.high! - 0.318505) < 1e-5)
        #expect(abs(sms.incrementalConversions.estimate - 20) < 1e-9)
        // Revenue per customer 200 − 100; variances (40·500² − 100·200²)/99 and (20·500² − 100·100²)/99,
        // se √(606.0606 + 404.0404) = 31.78209: 100 ± 62.2917.
        #expect(abs(sms.incrementalRevenuePerCustomer.estimate - 100) < 1e-9)
        #expect(
            abs(sms.incrementalRevenuePerCustomer.low! - 37.7083) < 1e-3 && abs(sms.incrementalRevenuePerCustomer.high! - 162.2917) < 1e-3)
        #expect(sms.spend == Money(minor: 1_200))
        #expect(abs(sms.incrementalROI! - (10_000 - 12) / 12) < 1e-9)
        #expect(sms.forecastConversions.base == 15)
        // L0002: 10 against 10 is too little for an interval; the estimate 0.2 − 0.1 is still given.
        let email = results.byLine[1]
        #expect(email.tooLittleData && abs(email.incrementalConversionRate.estimate - 0.1) < 1e-12)
        #expect(email.incrementalConversionRate.high == nil)
        #expect(results.byChannel.map(\.key) == ["sms", "email"])
        // Overall: 42 of 110 messaged against 21 of 110 who would have been (X1 has no ghost send).
        #expect(results.overall.treatedCustomers == 110 && results.overall.holdoutCustomers == 110)
        #expect(abs(results.overall.incrementalConversionRate.estimate - 21.0 / 110) < 1e-12)
        #expect(results.input.rowsRead == 69 && results.input.accepted == 64)
        #expect(
            results.input.rejected == [
                "unknown_customer": 1, "duplicate": 1, "negative_revenue": 1, "bad_converted": 1, "empty_customer_id": 1,
            ])
        let rejects = try String(contentsOfFile: "\(folder)/outcomes.rejects.csv", encoding: .utf8)
        #expect(
            rejects == """
                line,reason,raw
                66,unknown_customer,"NOPE,1,10"
                67,duplicate,"T1,1,500"
                68,negative_revenue,"T41,1,-5"
                69,bad_converted,"T42,maybe,1"
                70,empty_customer_id,",1,1"

                """)
        // Calibration (conversion rate 1: the plan names none): SMS learns its measured lift and interval; its
        // one segment has no others to be compared with (τ² = 0) and takes the channel's rate; email has too
        // little data and is left to the brief.
        #expect(results.calibration.channels.keys.sorted() == ["sms"])
        #expect(results.calibration.channels["sms"] == Brief.Rates(low: 0.073119, base: 0.2, high: 0.318505))
        #expect(results.calibration.segments == ["IN-WB/bn": ["sms": 0.2]])
        let json = results.canonicalJSON
        #expect(
            json.contains(
                #""incremental_conversion_rate": {"# + "\n" + #"        "estimate": 0.200000,"# + "\n" + #"        "low": 0.073119,"#))
        #expect(json.contains(#""low": 0.073119,"#) && json.contains(#""channel": "sms","#))
    }

    @Test("dated outcomes count for a line only inside its flight plus the attribution days; outside the campaign they are rejected")
    func dated() throws {
        // Flights run 2026-11-01 to 11-08, so L0001 counts 11-01 to 11-15; the campaign (period to
        // 2026-11-15) accepts outcomes to 11-22.
        let text =
            "customer_id,date,revenue\nT1,2026-11-03,500\nT2,2026-10-15,500\nT3,2026-12-31,500\nT1,2026-11-03,500\nH1,2026-11-20,500\n"
        let folder = try CampaignFixture.write(outcomes: text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try CampaignResults.measure(
            .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
        #expect(results.input.dated)
        #expect(results.input.rejected == ["outside_campaign": 1, "duplicate": 1])
        let sms = results.byLine[0]
        // T1 counts (revenue alone marks a conversion); T2's is before the flight, H1's after its window.
        #expect(sms.treatedConverters == 1 && sms.holdoutConverters == 0)
    }

    @Test("spend sums costs below a paisa exactly (10 pushes at ₹0.0050 cost ₹0.05, not ₹0.10)")
    func subPaisaCosts() throws {
        let folder = try CampaignFixture.write(outcomes: "customer_id,converted\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var sends = "line,customer_id,cost\n"
        for i in 1...10 { sends += "L0002,E\(i),0.0050\n" }
        try sends.write(toFile: "\(folder)/audience/sends.csv", atomically: true, encoding: .utf8)
        try "customer_id,segment,line\n".write(toFile: "\(folder)/audience/holdout.csv", atomically: true, encoding: .utf8)
        let results = try CampaignResults.measure(
            .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
        #expect(results.byLine[1].spend == Money(minor: 5))
        #expect(results.overall.spend == Money(minor: 5))
    }

    @Test("results.json reads back to the same results (write, read, write is byte-identical)")
    func roundTrip() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try CampaignResults.measure(
            .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
        let text = results.canonicalJSON
        try text.write(toFile: "\(folder)/results.json", atomically: true, encoding: .utf8)
        let again = try CampaignResults.load("\(folder)/results.json")
        #expect(again.canonicalJSON == text)
        #expect(again.byLine[0].incrementalConversionRate.low == 0.073119 && again.lines["L0001"]?.channel == "sms")
        try "{\"name\": \"x\"}".write(toFile: "\(folder)/bad.json", atomically: true, encoding: .utf8)
        let error = try #require(throws: Diagnostic.self) { try CampaignResults.load("\(folder)/bad.json") }
        #expect(error.field == "by_line" && error.message == "not a results file: missing")
    }

    @Test("audience files that cannot be measured are errors naming the file, line and field")
    func badAudience() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let holdout = "\(folder)/audience/holdout.csv"
        try "customer_id,segment,line\nT1,IN-WB/bn,L0001\n".write(toFile: holdout, atomically: true, encoding: .utf8)
        let both = try #require(throws: Diagnostic.self) {
            try CampaignResults.measure(
                .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
        }
        #expect(both.path == holdout && both.line == 2 && both.field == "customer_id")
        #expect(both.message == "a held-out customer is also in sends.csv for line L0001: the holdout is no control group")
        try "customer_id,segment,line\nH1,IN-WB/bn,L0099\n".write(toFile: holdout, atomically: true, encoding: .utf8)
        let unknown = try #require(throws: Diagnostic.self) {
            try CampaignResults.measure(
                .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
        }
        #expect(unknown.line == 2 && unknown.field == "line" && unknown.message == "line 'L0099' is not in the plan")
    }
}
