import ICUKit
import Testing

/// Expected strings were measured from ICU 72.1 (Debian 12's libicu72) on this machine.
@Suite("Numbers, currency and percent through ICU")
struct NumberFormatTests {
    @Test("hi_IN currency skeleton groups lakh/crore natively")
    func hindiCurrency() throws {
        let format = try ICUNumberFormat(locale: "hi_IN", skeleton: "currency/INR")
        #expect(format.specification == "currency/INR")
        #expect(try format.format(decimal: "12345678.5") == "₹1,23,45,678.50")
    }

    @Test(
        "a pattern forces lakh grouping and keeps the locale's digits",
        arguments: [
            ("bn_IN", "₹১,২৩,৪৫,৬৭৮.৫০"),
            ("mr_IN", "₹१,२३,४५,६७८.५०"),
            ("kn_IN", "₹1,23,45,678.50"),
            ("ta_IN@numbers=tamldec", "₹௧,௨௩,௪௫,௬௭௮.௫௦"),
        ])
    func lakhPattern(locale: String, expected: String) throws {
        let format = try ICUNumberFormat(locale: locale, pattern: "¤#,##,##0.00", currency: "INR")
        #expect(try format.format(decimal: "12345678.50") == expected)
    }

    @Test("kn_IN's own CLDR data groups the Western way (why our policy uses a pattern)")
    func westernInKannada() throws {
        #expect(try ICUNumberFormat(locale: "kn_IN", skeleton: "group-auto").format(decimal: "12345678") == "12,345,678")
    }

    @Test("decimals are formatted exactly, with no binary rounding")
    func exactDecimal() throws {
        let format = try ICUNumberFormat(locale: "en_IN", skeleton: ".00")
        #expect(try format.format(decimal: "0.125") == "0.12")  // half-even
        #expect(try format.format(decimal: "9007199254740993.10") == "9,00,71,99,25,47,40,993.10")
    }

    @Test("::percent formats percent points; the skeleton does not scale")
    func percent() throws {
        #expect(try ICUNumberFormat(locale: "en_IN", skeleton: "percent").format(decimal: "12.5") == "12.5%")
        #expect(try ICUNumberFormat(locale: "en_IN", skeleton: "percent scale/100").format(0.2) == "20%")
    }

    @Test("a bad skeleton is a syntax error")
    func badSkeleton() {
        #expect(throws: ICUError.self) { try ICUNumberFormat(locale: "en_IN", skeleton: "currency/") }
    }

    @Test("cached formatters are shared")
    func cache() throws {
        let a = try ICUNumberFormat.cached(locale: "hi_IN", skeleton: "currency/INR")
        let b = try ICUNumberFormat.cached(locale: "hi_IN", skeleton: "currency/INR")
        #expect(a === b)
    }

    @Test("the actual locale reveals a silent fall back to root")
    func actualLocale() throws {
        #expect(try ICUNumberFormat(locale: "ta_IN", pattern: "#,##0").actualLocale == "ta_IN")
        #expect(try ICUNumberFormat(locale: "mni_Mtei_IN", pattern: "#,##0").actualLocale == "root")
    }
}
