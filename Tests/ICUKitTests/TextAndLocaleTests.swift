import ICUKit
import Testing

@Suite("Text metrics and locale facts")
struct TextAndLocaleTests {
    @Test("graphemes, UTF-16 units and boundaries")
    func graphemes() throws {
        #expect(try TextMetrics.graphemeCount("नमस्ते") == 3)  // न, म, स्ते
        #expect(TextMetrics.utf16Length("नमस्ते") == 6)
        #expect(try TextMetrics.graphemeBoundaries("a👍🏽b") == [0, 1, 5, 6])
        #expect(try TextMetrics.graphemeCount("") == 0)
    }

    @Test("paragraph direction by the first strong character")
    func direction() {
        #expect(TextMetrics.direction("سلام abc") == .rightToLeft)
        #expect(TextMetrics.direction("abc سلام") == .leftToRight)
        #expect(TextMetrics.direction("123 !") == .neutral)
    }

    @Test("bidi paragraph level honours isolates and marks; the base direction does not")
    func paragraph() throws {
        // research notes §7: "Asha، عید مبارک!" lays out left to right on phones.
        #expect(try TextMetrics.paragraphDirection("Asha، عید مبارک!") == .leftToRight)
        // The Latin name inside FSI ... PDI is skipped: the first strong character outside is Arabic.
        #expect(try TextMetrics.paragraphDirection("\u{2068}Asha\u{2069}، عید مبارک!") == .rightToLeft)
        #expect(TextMetrics.direction("\u{2068}Asha\u{2069}، عید مبارک!") == .leftToRight)
        #expect(try TextMetrics.paragraphDirection("\u{200F}Asha، عید مبارک!") == .rightToLeft)
        #expect(try TextMetrics.paragraphDirection("123") == .leftToRight)
    }

    @Test("display names, default digits and ICU's silent fall back to root")
    func locales() throws {
        #expect(try ICULocale.displayName("ta_IN", in: "en") == "Tamil (India)")
        #expect(try ICULocale.defaultNumberingSystem("bn_IN") == "beng")
        #expect(try ICULocale.defaultNumberingSystem("hi_IN") == "latn")
        #expect(try ICULocale.actualLocale("mni_Beng_IN") == "mni_Beng_IN")
        #expect(try ICULocale.actualLocale("mni_Mtei_IN") == "root")
        #expect(try ICULocale.actualLocale("sat_Deva_IN") == "root")
        #expect(ICULocale.hasData("ta_IN"))
        #expect(!ICULocale.hasData("sat_Deva_IN"))
    }

    @Test("the ICU version is reported")
    func version() { #expect(icuVersion.split(separator: ".").count >= 2) }
}
