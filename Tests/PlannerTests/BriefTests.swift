import Foundation
import Planner
import PlannerCore
import PlannerIO
import Testing

@Suite("Campaign briefs")
struct BriefTests {
    static let minimal = """
        name: Festive 2026
        period: {start: 2026-10-01, end: 2026-11-30}
        budget: 500000
        customers: customers.csv
        channels:
          sms: {cost_per_message: 0.2, response_rate: {low: 0.001, base: 0.002, high: 0.004}, value_per_conversion: 300}
        """

    func load(_ yaml: String) throws(Diagnostic) -> Brief {
        try Brief.load(DataDocument<Brief>(yaml: yaml, path: "brief.yaml", strict: true))
    }

    @Test("a minimal brief gets the documented defaults")
    func defaults() throws {
        let brief = try load(Self.minimal)
        #expect(brief.country == "IN")
        #expect(brief.holdout == 0.05)
        #expect(brief.frequencyCap == Brief.FrequencyCap(messages: 3, days: 14))
        #expect(brief.segmentation.minCustomers == 500)
        #expect(brief.templates.template(for: "diwali") == "festive-offer")
        #expect(brief.festivals == nil)
        let sms = try #require(brief.channels["sms"])
        #expect(sms.sendWindow == Brief.SendWindow(start: "09:00", end: "21:00"))
        #expect(sms.leadDays == 7)
        #expect(brief.customers.file == "customers.csv")
    }

    @Test("a misspelt field is an error at its line")
    func unknownField() {
        #expect(
            throws: Diagnostic(
                path: "brief.yaml", line: 5, column: 1, field: "budjet", message: "unknown field 'budjet' (did you mean 'budget'?)",
                hint: "check the spelling; see the documented fields")
        ) {
            try load(Self.minimal.replacingOccurrences(of: "customers: customers.csv", with: "customers: customers.csv\nbudjet: 3"))
        }
        // Misspelt in place of a required field: the typo is named, not the missing field.
        let error = #expect(throws: Diagnostic.self) {
            try load(Self.minimal.replacingOccurrences(of: "budget: 500000", with: "budjet: 500000"))
        }
        #expect(error?.message == "unknown field 'budjet' (did you mean 'budget'?)")
        #expect(error?.line == 3 && error?.field == "budjet")
        // A field far from every known one gets no guess; a missing one with no typo says it is missing.
        let far = #expect(throws: Diagnostic.self) { try load(Self.minimal + "\nzzz: 1") }
        #expect(far?.message == "unknown field 'zzz'")
        let missing = #expect(throws: Diagnostic.self) { try load(Self.minimal.replacingOccurrences(of: "budget: 500000\n", with: "")) }
        #expect(missing?.message == "required field 'budget' is missing")
    }

    @Test(
        "bad values name their field",
        arguments: [
            ("budget: 500000", "budget: 0", "budget"),
            ("end: 2026-11-30", "end: 2026-09-30", "period"),
            ("sms:", "fax:", "channels.fax"),
            ("low: 0.001, base: 0.002", "low: 0.003, base: 0.002", "channels.sms.response_rate"),
        ])
    func badValues(original: String, replacement: String, field: String) {
        do {
            _ = try load(Self.minimal.replacingOccurrences(of: original, with: replacement))
            Issue.record("expected an error for \(field)")
        } catch {
            #expect(error.field == field)
            #expect(error.line != nil)
        }
    }
}

@Suite("Flights and the shared frequency cap")
struct FlightTests {
    let period = try! DataFile.decode(Brief.Period.self, yaml: "{start: 2026-10-01, end: 2026-11-30}", path: "p")

    @Test("a flight opens lead days before the principal day, widened by the uncertainty, clipped to the period")
    func flight() throws {
        let eid = try #require(
            Flight.make(
                festival: "eid", principal: CivilDate(year: 2026, month: 10, day: 20)!, uncertaintyDays: 1, channel: "whatsapp",
                leadDays: 5, followUpDays: 1, sendWindow: .init(start: "08:00", end: "22:00"), timeZone: "Asia/Kolkata", country: "IN",
                period: period))
        #expect(eid.start == CivilDate(year: 2026, month: 10, day: 14))
        #expect(eid.end == CivilDate(year: 2026, month: 10, day: 22))
        #expect(eid.sendDays == 9)
        #expect(eid.sendFrom == "08:00")
        let early = try #require(
            Flight.make(
                festival: "navratri", principal: CivilDate(year: 2026, month: 10, day: 3)!, uncertaintyDays: 0, channel: "sms",
                leadDays: 7, followUpDays: 0, sendWindow: .init(start: "08:00", end: "22:00"), timeZone: "Asia/Kolkata", country: "IN",
                period: period))
        #expect(early.start == CivilDate(year: 2026, month: 10, day: 1))
        // Promotional SMS in India: 09:00-21:00 only.
        #expect(early.sendFrom == "09:00" && early.sendUntil == "21:00")
    }

    @Test("overlapping windows share the cap in proportion to their length; separate ones get their own")
    func shares() {
        let d = { (m: Int, day: Int) in CivilDate(year: 2026, month: m, day: day)! }
        // Two overlapping 10-day windows spanning 15 days and a separate 7-day one; cap 3 per 14 days.
        let windows = [(d(10, 1), d(10, 10)), (d(10, 6), d(10, 15)), (d(11, 20), d(11, 26))]
        let shares = FrequencyBudget.shares(windows: windows.map { (start: $0.0, end: $0.1) }, cap: .init(messages: 3, days: 14))
        // Cluster 1: span 15 days → 3 × ceil(15/14) = 6 messages, split 10:10. Cluster 2: 7 days → 3.
        #expect(shares == [3, 3, 3])
    }
}
