import Locales
import Testing

@Suite("Our number policy for Indian languages")
struct NumberPolicyTests {
    func policy(_ code: String) throws -> NumberPolicy {
        let language = try #require(Data.catalog.language(code: code))
        return NumberPolicy(language: language, icuLocale: language.icuLocale, timeZone: "Asia/Kolkata")
    }

    @Test(
        "₹12345678.50 with lakh grouping and each language's digits",
        arguments: [
            ("en", "₹1,23,45,678.50"), ("hi", "₹1,23,45,678.50"), ("bn", "₹১,২৩,৪৫,৬৭৮.৫০"), ("ta", "₹1,23,45,678.50"),
            ("kn", "₹1,23,45,678.50"), ("mr", "₹१,२३,४५,६७८.५०"),
        ])
    func money(code: String, expected: String) throws {
        #expect(try policy(code).money("12345678.50", currency: "INR") == expected)
    }

    @Test("whole rupees")
    func wholeRupees() throws {
        #expect(try policy("hi").money("149900", currency: "INR", fractionDigits: 0) == "₹1,49,900")
    }
}
