import Locales
import Messages
import PlannerCore
import Testing

/// ₹12345678.50 and 2026-11-08 through the whole pipeline (template → our number policy → ICU) in
/// English and the 22 scheduled languages. Values measured with ICU 72.1 here (the research notes'
/// table, section 3, gives the digits and grouping each language needs); lakh grouping everywhere,
/// each language's digits, RTL messages start with RLM (U+200F).
@Suite("Money and dates in 23 languages under our policy")
struct PolicyGoldenTests {
    static let golden = """
        id: golden
        festival: none
        brand: BRAND
        source: en
        languages: {\(codes.map { "\($0): {status: draft}" }.joined(separator: ", "))}
        arguments:
          amount: {type: money, currency: INR, bind: campaign}
          day: {type: date, bind: campaign}
        channels:
          push:
            title: {\(codes.map { "\($0): \"{amount}\"" }.joined(separator: ", "))}
            body: {\(codes.map { "\($0): \"{day, date, ::yMMMMd}\"" }.joined(separator: ", "))}

        """
    static let codes = "en as bn brx doi gu hi kn ks kok mai ml mni mr ne or pa sa sat sd ta te ur".split(separator: " ").map(String.init)

    static let catalog: TemplateCatalog = {
        let folder = try! Shipped.folder(["golden.yaml": golden])
        return try! TemplateCatalog(directory: folder, locales: Shipped.locales)
    }()

    @Test(
        "₹12345678.50 and 8 November 2026",
        arguments: [
            ("en", "₹1,23,45,678.50", "8 November 2026"),
            ("as", "₹১,২৩,৪৫,৬৭৮.৫০", "৮ নৱেম্বৰ, ২০২৬"),
            ("bn", "₹১,২৩,৪৫,৬৭৮.৫০", "৮ নভেম্বর, ২০২৬"),
            ("brx", "₹1,23,45,678.50", "8 नवेम्बर, 2026"),
            ("doi", "₹1,23,45,678.50", "8, नवंबर 2026"),
            ("gu", "₹1,23,45,678.50", "8 નવેમ્બર, 2026"),
            ("hi", "₹1,23,45,678.50", "8 नवंबर 2026"),
            ("kn", "₹1,23,45,678.50", "ನವೆಂಬರ್ 8, 2026"),
            ("ks", "\u{200F}₹۱٬۲۳٬۴۵٬۶۷۸٫۵۰", "\u{200F}نومبر ۸, ۲۰۲۶"),
            ("kok", "₹1,23,45,678.50", "8 नोव्हेंबर 2026"),
            ("mai", "₹1,23,45,678.50", "8 नवंबर 2026"),
            ("ml", "₹1,23,45,678.50", "2026, നവംബർ 8"),
            ("mni", "₹১,২৩,৪৫,৬৭৮.৫০", "নভেম্বর ৮, ২০২৬"),
            ("mr", "₹१,२३,४५,६७८.५०", "८ नोव्हेंबर, २०२६"),
            ("ne", "₹१,२३,४५,६७८.५०", "२०२६ नोभेम्बर ८"),
            ("or", "₹1,23,45,678.50", "ନଭେମ୍ବର 8, 2026"),
            ("pa", "₹1,23,45,678.50", "8 ਨਵੰਬਰ 2026"),
            ("sa", "₹१,२३,४५,६७८.५०", "८ नवंबरमासः २०२६"),
            ("sat", "₹᱑,᱒᱓,᱔᱕,᱖᱗᱘.᱕᱐", "᱘ ᱱᱟᱣᱟᱢᱵᱟᱨ ᱒᱐᱒᱖"),
            ("sd", "₹1,23,45,678.50", "नवंबर 8, 2026"),
            ("ta", "₹1,23,45,678.50", "8 நவம்பர், 2026"),
            ("te", "₹1,23,45,678.50", "8 నవంబర్, 2026"),
            ("ur", "\u{200F}₹۱٬۲۳٬۴۵٬۶۷۸٫۵۰", "\u{200F}۸ نومبر، ۲۰۲۶"),
        ])
    func golden(language: String, money: String, date: String) throws {
        let message = try Self.catalog.render(
            templateID: "golden", language: language, channel: .push, values: ["amount": "12345678.50", "day": "2026-11-08"])
        #expect(message.language == language)
        #expect(message.parts.map(\.text) == [money, date])
    }

    @Test("whole amounts print whole rupees; Western-grouped CLDR locales still get lakh grouping")
    func wholeRupees() throws {
        for (language, expected) in [("hi", "₹1,49,900"), ("kn", "₹1,49,900"), ("ml", "₹1,49,900"), ("bn", "₹১,৪৯,৯০০")] {
            let message = try Self.catalog.render(
                templateID: "golden", language: language, channel: .push, values: ["amount": "149900", "day": "2026-11-08"])
            #expect(message.parts.first?.text == expected)
        }
    }
}
