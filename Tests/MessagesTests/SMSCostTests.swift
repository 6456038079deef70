import Messages
import Testing

/// Segment sizes: 3GPP TS 23.038 / 23.040 (140 octets per PDU: 160 septets or 70 UCS-2 units
/// single; 153 / 67 per part with the 6-octet concatenation header). Expected counts are computed
/// by hand from those sizes.
@Suite("SMS encoding, units and segments")
struct SMSCostTests {
    static let a = "a", hindiA = "अ"

    @Test(
        "GSM-7 edges: 160/161 and 153n±1",
        arguments: [(160, 1), (161, 2), (305, 2), (306, 2), (307, 3), (458, 3), (459, 3), (460, 4)])
    func gsm(count: Int, segments: Int) throws {
        let sms = try SMSCost(text: String(repeating: Self.a, count: count))
        #expect(sms.encoding == .gsm7)
        #expect(sms.units == count)
        #expect(sms.segments == segments)
    }

    @Test(
        "UCS-2 edges: 70/71 and 67n±1",
        arguments: [(70, 1), (71, 2), (133, 2), (134, 2), (135, 3), (200, 3), (201, 3), (202, 4)])
    func ucs2(count: Int, segments: Int) throws {
        let sms = try SMSCost(text: String(repeating: Self.hindiA, count: count))
        #expect(sms.encoding == .ucs2)
        #expect(sms.units == count)
        #expect(sms.segments == segments)
        #expect(!sms.packingDisagrees)
    }

    @Test("extension characters take two septets: 80 € fit one segment, 81 do not")
    func extensionCharacters() throws {
        #expect(try SMSCost(text: String(repeating: "€", count: 80)).units == 160)
        #expect(try SMSCost(text: String(repeating: "€", count: 80)).segments == 1)
        #expect(try SMSCost(text: String(repeating: "€", count: 81)).segments == 2)
        #expect(try SMSCost(text: "[]{}|~^\\").encoding == .gsm7)
        #expect(try SMSCost(text: "[]{}|~^\\").units == 16)
    }

    @Test("an escape pair is never split: 152 + € + 152 septets = 306 needs 3 segments, not 2")
    func escapePair() throws {
        let sms = try SMSCost(text: String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 152))
        #expect(sms.units == 306)
        #expect(sms.segments == 3)
    }

    @Test("an emoji across a segment boundary moves whole: 66 + 😀 + 66 units = 134 needs 3 segments")
    func emoji() throws {
        let text = String(repeating: Self.hindiA, count: 66) + "😀" + String(repeating: Self.hindiA, count: 66)
        let sms = try SMSCost(text: text)
        #expect(sms.encoding == .ucs2)
        #expect(sms.units == 134)
        #expect(sms.segments == 3)
        #expect(try SMSCost(text: "😀").units == 2)
    }

    @Test("Indic conjuncts: 33 × स्ते is 132 units, 2 segments by code units, 3 by whole clusters")
    func conjuncts() throws {
        // ICU here draws स्ते as one grapheme cluster of 4 UTF-16 units (TextAndLocaleTests), so
        // 16 clusters (64 units) fit a 67-unit part: 33 clusters need 3 parts; code units need 2.
        let sms = try SMSCost(text: String(repeating: "स्ते", count: 33))
        #expect(sms.units == 132)
        #expect(sms.codeUnitSegments == 2)
        #expect(sms.graphemeSegments == 3)
        #expect(sms.segments == 3)
        #expect(sms.packingDisagrees)
    }

    @Test("₹ forces UCS-2 and is named with its GSM-7 alternative Rs.")
    func rupee() throws {
        let sms = try SMSCost(text: "Get 20% off above ₹499")
        #expect(sms.encoding == .ucs2)
        #expect(sms.nonGSM.map(\.codePoints) == ["U+20B9"])
        #expect(sms.nonGSM.first?.alternative == "Rs.")
        #expect(try SMSCost(text: GSM7.replacingNonGSM("Get 20% off above ₹499")).encoding == .gsm7)
        #expect(sms.cost(pricePerSegment: 0.25) == 0.25)
    }

    @Test("the GSM-7 alphabet: 127 basic characters (and ESC), 10 extension characters")
    func alphabet() {
        let all = (0...0x3000).compactMap(Unicode.Scalar.init).filter { GSM7.septets($0) != nil }
        #expect(all.filter { GSM7.septets($0) == 1 }.count == 127)
        #expect(all.filter { GSM7.septets($0) == 2 }.count == 10)
        #expect(GSM7.septets("ç") == nil)  // only capital Ç is in the table
    }
}
