import Audience
import Foundation
import Locales
import Planner
import PlannerCore
import PlannerIO
import Testing

@Suite("Audiences of hand-made customer files")
struct AudienceBuilderTests {
    @Test("holdout: the 10 of 200 customers with the smallest md5('test-plan:' || id), never messaged, with their ghost lines")
    func holdout() throws {
        let run = try Fixture.run(rows: Fixture.customers(200))
        // The first ten ids by MD5 of "test-plan:<id>", computed with Python's hashlib.
        let expected: Set = ["C115", "C007", "C085", "C078", "C037", "C121", "C123", "C107", "C117", "C144"]
        #expect(Set(run.holdout.map(\.customerID)) == expected)
        #expect(run.result.segments.map(\.heldOut) == [10])
        #expect(Set(run.sends.map(\.customerID)).isDisjoint(with: expected))
        // Ghost sends: each line would have sent round(messages × 10 / 190) of them.
        for outcome in run.result.outcomes {
            let ghosts = run.holdout.filter { $0.line == outcome.line.id }.count
            #expect(ghosts == outcome.heldOut)
            #expect(ghosts == Int((Double(outcome.planned) * 10 / 190).rounded(.toNearestOrAwayFromZero)))
        }
    }

    @Test(
        "adding 20 customers moves the holdout only at the margin: every customer held out before still is, unless a newcomer took its place"
    )
    func holdoutStable() throws {
        let rows = Fixture.customers(200)
        let more = Fixture.customers(220)  // C001-C200 the same rows, C201-C220 new
        let base = try Fixture.run(rows: rows)
        let grown = try Fixture.run(rows: rows, audienceRows: more)
        let before = Set(base.holdout.map(\.customerID)), after = Set(grown.holdout.map(\.customerID))
        #expect(after.count == 11)  // round(0.05 × 220)
        let newcomers = after.filter { AudienceBuilderTests.number($0) > 200 }.count
        // 11 places, the old 10 keep theirs unless newcomers hash lower: one more place, minus newcomers.
        #expect(before.subtracting(after).count == max(0, newcomers - 1))
        #expect(after.subtracting(before).count == 1 + max(0, newcomers - 1))
    }

    @Test("rows per line are the planned messages; the recent half is messaged before the lapsed half; times in the window")
    func linesRankingAndTimes() throws {
        // A cap of one message: the plan buys 95 WhatsApp messages (fewer than the 96 recent customers not held out).
        let run = try Fixture.run(brief: Fixture.brief(budget: "2000", cap: "{messages: 1, days: 14}"), rows: Fixture.customers(200))
        #expect(!run.plan.lines.isEmpty)
        // The budget buys fewer WhatsApp messages than the 100 recent customers: ranking decides.
        #expect(run.result.outcomes.contains { $0.line.channel == "whatsapp" && $0.assigned > 0 && $0.assigned <= 95 })
        for outcome in run.result.outcomes {
            let rows = run.sends.filter { $0.line == outcome.line.id }
            #expect(rows.count == outcome.assigned)
            #expect(outcome.assigned + outcome.skipped.values.reduce(0, +) == outcome.planned)
            // Customers C001-C100 ordered in the last 30 days: while the line sends fewer than 100
            // messages... the first line of the festival takes only them.
            let first = AudienceBuilderTests.number
            if outcome.line.channel == "whatsapp", outcome.assigned <= 95 {
                #expect(rows.allSatisfy { first($0.customerID) <= 100 })
            }
            // SMS goes out 10:00-20:30 (the brief's window), WhatsApp 09:00-21:00 (the default).
            let (from, until) = outcome.line.channel == "sms" ? ("10:00", "20:30") : ("09:00", "21:00")
            #expect(rows.allSatisfy { $0.sendTime >= from && $0.sendTime < until })
            #expect(rows.allSatisfy { $0.sendDate >= outcome.line.flight.start && $0.sendDate <= outcome.line.flight.end })
            // Spread evenly: no day has more than one send above its share.
            let days = outcome.line.flight.sendDays
            for d in 0..<days {
                let n = rows.filter { $0.sendDate == outcome.line.flight.start.adding(days: d) }.count
                #expect(n <= (outcome.assigned + days - 1) / days)
            }
        }
    }

    static func number(_ id: String) -> Int { Int(id.dropFirst())! }

    @Test("a cap of two in 14 days over Navratri and Dussehra (SMS and WhatsApp each): it holds, and the shortfall's reason is the cap")
    func capOfTwo() throws {
        let brief = Fixture.brief(
            budget: "2000", cap: "{messages: 2, days: 14}", festivals: "[navratri, dussehra]",
            smsResponse: "{low: 0.03, base: 0.05, high: 0.07}")
        let run = try Fixture.run(brief: brief, rows: Fixture.customers(200))
        let byCustomer = Dictionary(grouping: run.sends, by: \.customerID)
        for sends in byCustomer.values {
            let days = sends.map(\.sendDate.dayNumber).sorted()
            for (i, day) in days.enumerated() { #expect(days[i...].prefix { $0 < day + 14 }.count <= 2) }
        }
        #expect(run.result.outcomes.contains { $0.skipped[.cap] ?? 0 > 0 })
        for outcome in run.result.outcomes where outcome.assigned < outcome.planned {
            #expect(outcome.skipped.keys.allSatisfy { $0 == .cap || $0 == .tooFewCustomers })
        }
    }

    @Test("contacts: 0-prefixed mobiles normalised, an invalid one rejected with its line, a shared number messaged once")
    func contacts() throws {
        let rows = Fixture.customers(200) { i, fields in
            if i == 3 { fields[9] = "098 1000 0003" }  // the same number as +919810000003, written another way
            if i == 4 { fields[9] = "12345" }  // invalid: rejected, line 5 (the header is line 1)
            if i == 6 { fields[9] = "+919810000005" }  // C006 shares C005's number
        }
        let run = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: rows)
        #expect(run.result.rejects == [ContactReject(line: 5, reason: "invalid_phone", value: "12345")])
        #expect(run.sends.filter { $0.customerID == "C003" }.allSatisfy { $0.contact == "+919810000003" })
        #expect(!run.sends.contains { $0.customerID == "C004" })
        for channel in ["sms", "whatsapp"] {
            let contacts = run.sends.filter { $0.channel.rawValue == channel }.map(\.contact)
            #expect(Set(contacts).count == contacts.count)
        }
        #expect(run.sends.allSatisfy { $0.contact.hasPrefix("+91") && $0.contact.count == 13 })
    }

    @Test(
        "a customer id on two rows: both rows rejected with their lines (duplicate_customer_id), the customer neither messaged nor held out, in any row order"
    )
    func duplicateIDs() throws {
        // 200 customers and a second row for C007 (another number): lines 9 and 202 (the header is line 1).
        var rows = Fixture.customers(200)
        rows.append(Fixture.customers(7) { _, fields in fields[9] = "+919899999999" }[6])
        let run = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: rows)
        #expect(
            run.result.rejects == [
                ContactReject(line: 8, reason: "duplicate_customer_id", value: "C007"),
                ContactReject(line: 202, reason: "duplicate_customer_id", value: "C007"),
            ])
        #expect(run.result.rowsRejected["duplicate_customer_id"] == 2)
        #expect(!run.sends.contains { $0.customerID == "C007" } && !run.holdout.contains { $0.customerID == "C007" })
        // 199 customers left: round(0.05 × 199) = 10 held out.
        #expect(run.result.segments.map(\.customers) == [199])
        #expect(run.result.segments.map(\.heldOut) == [10])
        // The duplicate first: the same sends and holdout.
        let moved = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: [rows[200]] + rows[0..<200])
        #expect(moved.sends.map(\.customerID) == run.sends.map(\.customerID))
        #expect(moved.holdout == run.holdout)
    }

    @Test("the message is rendered with the customer's own name, cleaned of controls and bidi overrides; SMS segments recounted")
    func rendering() throws {
        let rows = Fixture.customers(200) { i, fields in
            fields[1] = i == 1 ? "Ravi\u{202E} \u{7}Kumar" : i == 2 ? "Asha" : "Meera Iyer"
        }
        let run = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: rows)
        let ravi = try #require(run.sends.first { $0.customerID == "C001" })
        #expect(ravi.message.contains("Ravi Kumar"))
        #expect(!ravi.message.unicodeScalars.contains { $0.value == 0x202E || $0.value == 7 })
        #expect(run.sends.filter { $0.customerID > "C002" }.allSatisfy { $0.message.contains("Meera Iyer") })
        // The plan's sample message was rendered for the template's example name, Asha: C002's is the same text.
        for send in run.sends where send.customerID == "C002" {
            let sample = run.plan.messages.first {
                $0.segment == send.segment && $0.festival == send.festival && $0.channel == send.channel.rawValue
            }
            #expect(sample?.text == send.message)
        }
        #expect(run.sends.contains { $0.customerID == "C002" })
        for send in run.sends where send.channel == .sms {
            #expect(send.smsSegments == AudienceBuilderTests.recount(send.message))
            #expect(send.cost == Int64(send.smsSegments) * 1200)  // 0.12 a segment, in ten-thousandths
        }
    }

    @Test("a template that greets by name sends nothing to customers without one; the reason is missing_name")
    func missingName() throws {
        let rows = Fixture.customers(200) { _, fields in fields[1] = " \u{200F} " }  // only a bidi mark and spaces
        let run = try Fixture.run(brief: Fixture.brief(budget: "2000", cap: "{messages: 1, days: 14}"), rows: rows)
        #expect(run.sends.isEmpty)
        for outcome in run.result.outcomes { #expect(outcome.skipped == [.missingName: outcome.planned]) }
    }

    @Test("PersonalisedMessages gives the plan's sample text for the template's example name, and each name's own text")
    func personalised() throws {
        let run = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: Fixture.customers(200))
        let line = try #require(run.plan.lines.first)
        let messages = try PersonalisedMessages(plan: run.plan, line: line, dataRoot: Fixture.root)
        let sample = run.plan.messages.first { $0.segment == line.segment && $0.festival == line.festival && $0.channel == line.channel }
        #expect(try messages.render(name: "Asha").text == sample?.text)
        let ravi = try messages.render(name: "Ravi\u{202E} Kumar")
        #expect(ravi.text.contains("Ravi Kumar") && !ravi.text.contains("\u{202E}"))
        #expect(ravi.smsSegments == (line.channel == "sms" ? AudienceBuilderTests.recount(ravi.text) : 1))
    }

    /// Segments by the GSM 03.38 rule: GSM-7 (160 in one, 153 a part) when every character is in
    /// the basic set (or its extension, 2 septets), else UCS-2 UTF-16 units (70, 67 a part).
    static func recount(_ text: String) -> Int {
        let basic = Set(
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
                .unicodeScalars)
        let extended = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
        if text.unicodeScalars.allSatisfy({ basic.contains($0) || extended.contains($0) }) {
            let septets = text.unicodeScalars.map { extended.contains($0) ? 2 : 1 }.reduce(0, +)
            return septets <= 160 ? 1 : (septets + 152) / 153
        }
        let units = text.utf16.count
        return units <= 70 ? 1 : (units + 66) / 67
    }

    @Test("shuffled rows give the same sends and holdout; a changed file is refused without saying what it holds")
    func shuffledAndChanged() throws {
        let rows = Fixture.customers(200)
        var generator = SplitMix(state: 42)
        let shuffled = rows.shuffled(using: &generator)
        let base = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: rows)
        let other = try Fixture.run(brief: Fixture.brief(budget: "2000"), rows: rows, audienceRows: shuffled)
        func key(_ s: AudienceSend) -> String { "\(s.line) \(s.customerID) \(s.sendDate) \(s.sendTime) \(s.contact) \(s.message)" }
        #expect(base.sends.map(key) == other.sends.map(key))
        #expect(base.holdout == other.holdout)
        #expect(other.result.warnings.first?.contains("the customer file has changed") == true)

        let folder = try Fixture.folder(["brief.yaml": Fixture.brief(), "customers.csv": Fixture.header + rows.joined()])
        let plan = try PlanBuilder.build(
            PlanRequest(briefPath: "\(folder)/brief.yaml", dataRoot: Fixture.root, today: CivilDate(year: 2026, month: 10, day: 1)!))
        try (Fixture.header + rows.dropLast().joined()).write(toFile: "\(folder)/customers.csv", atomically: true, encoding: .utf8)
        do {
            _ = try AudienceBuilder.build(AudienceRequest(plan: plan, planPath: "plan.json", dataRoot: Fixture.root), sink: Collected())
            Issue.record("a changed file was accepted")
        } catch {
            #expect(error.message.contains("the customer file has changed since the plan was made"))
            #expect(error.hint?.contains("allow-changed-customers") == true)
            #expect(!error.message.contains("+91"))
        }
    }
}

/// A seeded generator for the shuffle.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
