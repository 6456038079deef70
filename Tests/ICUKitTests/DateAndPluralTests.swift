import ICUKit
import PlannerCore
import Testing

@Suite("Dates by skeleton, plural rules")
struct DateAndPluralTests {
    let day = CivilDate(year: 2026, month: 11, day: 8)!

    @Test(
        "a skeleton resolves to the locale's best pattern",
        arguments: [
            ("ta_IN", "d MMMM, y", "8 நவம்பர், 2026"),
            ("hi_IN", "d MMMM y", "8 नवंबर 2026"),
            ("bn_IN@numbers=beng", "d MMMM, y", "৮ নভেম্বর, ২০২৬"),
        ])
    func longDate(locale: String, pattern: String, expected: String) throws {
        let format = try ICUDateFormat(locale: locale, skeleton: "yMMMMd", timeZone: "Asia/Kolkata")
        #expect(try format.pattern == pattern)
        #expect(try format.format(day) == expected)
    }

    @Test("the time zone decides the day of a moment")
    func timeZone() throws {
        let midnightIST = try epochMilliseconds(of: day, timeZone: "Asia/Kolkata")
        #expect(
            try ICUDateFormat(locale: "en_IN", pattern: "yyyy-MM-dd", timeZone: "Asia/Kolkata").format(epochMilliseconds: midnightIST)
                == "2026-11-08")
        #expect(
            try ICUDateFormat(locale: "en_IN", pattern: "yyyy-MM-dd", timeZone: "UTC").format(epochMilliseconds: midnightIST)
                == "2026-11-07")
    }

    @Test("Hindi-type rules make 0 'one'; English ordinals have four categories")
    func plural() throws {
        let hindi = try ICUPluralRules(locale: "hi_IN")
        #expect(try hindi.select(0) == "one")
        #expect(try hindi.select(2) == "other")
        #expect(try hindi.categories == ["one", "other"])
        let ordinal = try ICUPluralRules(locale: "en_IN", kind: .ordinal)
        #expect(try ordinal.categories == ["one", "two", "few", "other"])
        #expect(try ordinal.select(23) == "few")
        #expect(try ordinal.select(11) == "other")
    }

    @Test(
        "ICU 72 has no plural rules for Konkani, Maithili, Manipuri, Sanskrit; Santali has 'two'",
        arguments: [
            ("kok_IN", ["other"]), ("mai_IN", ["other"]), ("mni_Beng_IN", ["other"]), ("sa_IN", ["other"]),
            ("sat_Olck_IN", ["one", "two", "other"]),
        ])
    func missingRules(locale: String, categories: [String]) throws {
        #expect(try ICUPluralRules(locale: locale).categories == categories)
    }
}
