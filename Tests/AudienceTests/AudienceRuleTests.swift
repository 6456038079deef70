import Audience
import Testing

@Suite("Audience rules, one at a time")
struct AudienceRuleTests {
    @Test(
        "Indian mobiles as exports write them become E.164; landlines, short numbers and letters do not",
        arguments: [
            ("+91 98765 43210", "+919876543210"), ("919876543210", "+919876543210"), ("09876543210", "+919876543210"),
            ("98765-43210", "+919876543210"), ("0091 9876543210", "+919876543210"), ("(+91) 6000000001", "+916000000001"),
        ])
    func phones(raw: String, expected: String) {
        #expect(ContactRules.phone(raw) == expected)
    }

    @Test("not mobiles: a Delhi landline (011...), nine digits, a number starting 5, letters, two plus signs")
    func notPhones() {
        for raw in ["01123456789", "987654321", "5876543210", "98765 4321O", "++919876543210", "+1 202 555 0100"] {
            #expect(ContactRules.phone(raw) == nil, "\(raw)")
        }
        // Another country keeps any E.164 number.
        #expect(ContactRules.phone("+60 12-345 6789", country: "MY") == "+60123456789")
    }

    @Test("emails: the domain lower-cased; no @, two @, a dot at an end, a one-label or numeric TLD are refused")
    func emails() {
        #expect(ContactRules.email(" Asha.Rao+fest@Example.CO.IN ") == "Asha.Rao+fest@example.co.in")
        for raw in [
            "asha.example.com", "a@b@example.com", ".asha@example.com", "asha.@example.com", "as..ha@example.com",
            "asha@localhost", "asha@example.123", "asha@-example.com", "ash a@example.com", "आशा@example.com",
        ] {
            #expect(ContactRules.email(raw) == nil, "\(raw)")
        }
        #expect(ContactRules.pushToken("67f723a380ed0841") == "67f723a380ed0841")
        #expect(ContactRules.pushToken("short") == nil)
        #expect(ContactRules.pushToken("has space 123456") == nil)
    }

    @Test("the cap: 3 in 14 days allows a fourth message only 14 days after the first of three")
    func cap() {
        let cap = FrequencyCap(messages: 3, days: 14)
        // Days 0, 5, 10 sent: day 13 would put four in the window 0-13; day 14 is in 1-14 with 5 and 10 only.
        #expect(!cap.allows(13, after: [0, 5, 10]))
        #expect(cap.allows(14, after: [0, 5, 10]))
        // A message before the others counts as much: day -3 puts four in -3...10.
        #expect(!cap.allows(-3, after: [0, 5, 10]))
        #expect(cap.allows(-4, after: [0, 5, 10]))
        #expect(FrequencyCap(messages: 1, days: 7).allows(7, after: [0]))
        #expect(!FrequencyCap(messages: 1, days: 7).allows(6, after: [0]))
    }

    @Test("holdout: round half away from zero of share × customers; the hash is MD5 of campaign_id:customer_id")
    func holdout() {
        #expect(Holdout.count(share: 0.05, customers: 200) == 10)
        #expect(Holdout.count(share: 0.05, customers: 30) == 2)  // 1.5 → 2
        #expect(Holdout.count(share: 0.05, customers: 29) == 1)  // 1.45 → 1
        #expect(Holdout.count(share: 0, customers: 1000) == 0)
        // md5("camp:C1") = ea993b121212d9bb0500bd7ca3a09a79 (Python's hashlib).
        let (high, low) = Holdout.digest(campaignID: "camp", customerID: "C1")
        #expect(high == 0xEA99_3B12_1212_D9BB && low == 0x0500_BD7C_A3A0_9A79)
        #expect(Holdout.key(campaignID: "camp", customerID: "C1") == "camp:C1")
        #expect(Holdout.sql(campaignID: "o'brien", share: 0.05).contains("md5('o''brien' || ':' || customer_id)"))
    }

    @Test("the score ranks recency first, then orders, then spend")
    func score() {
        let recent = ResponseScore(daysSinceLastOrder: 10, orders: 1, spendMinor: 100)
        let loyal = ResponseScore(daysSinceLastOrder: 100, orders: 50, spendMinor: 9_999_999)
        let never = ResponseScore(daysSinceLastOrder: nil, orders: 0, spendMinor: 0)
        #expect(recent > loyal && loyal > never)
        #expect(
            ResponseScore(daysSinceLastOrder: 40, orders: 3, spendMinor: 1)
                > ResponseScore(daysSinceLastOrder: 80, orders: 2, spendMinor: 9))
        #expect(
            ResponseScore(daysSinceLastOrder: 40, orders: 3, spendMinor: 2)
                > ResponseScore(daysSinceLastOrder: 40, orders: 3, spendMinor: 1))
    }
}
