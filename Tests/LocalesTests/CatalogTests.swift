import ICUKit
import Locales
import PlannerCore
import PlannerIO
import Testing

/// The real `locales/` data, loaded and checked as the tool loads it.
enum Data {
    static let root = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/").prepending("/"))
    static let catalog: LocaleCatalog = {
        do { return try LocaleCatalog(directory: "\(root)/locales", countries: ["IN", "MY"]) } catch {
            fatalError("locales/ does not load: \(error)")
        }
    }()
}

extension String {
    fileprivate func prepending(_ prefix: String) -> String { prefix + self }
}

@Suite("locales/ data")
struct CatalogTests {
    let catalog = Data.catalog

    @Test("India: 36 states and union territories with current ISO codes, in six zones")
    func india() throws {
        let india = try #require(catalog.country(code: "IN"))
        #expect(india.regions.count == 36)
        for code in ["IN-CG", "IN-OD", "IN-TS", "IN-UK", "IN-DH", "IN-LA", "IN-JK", "IN-DL"] {
            #expect(india.region(code: code) != nil, "missing \(code)")
        }
        #expect(Set(india.regions.map(\.zone)).count == 6)
        let total = india.regions.map(\.population).reduce(0, +)
        #expect(abs(total - 1_210_854_977) < 1_210_855)  // Census 2011, within 0.1 %
    }

    @Test(
        "old codes and spellings resolve to current codes",
        arguments: [
            ("Orissa", "IN-OD"), ("OR", "IN-OD"), ("IN-OR", "IN-OD"), ("CT", "IN-CG"), ("TG", "IN-TS"), ("UT", "IN-UK"),
            ("DN", "IN-DH"), ("DD", "IN-DH"), ("Tamilnadu", "IN-TN"), ("tamil nadu", "IN-TN"), ("TN", "IN-TN"), ("IN-TN", "IN-TN"),
            ("West Bengal", "IN-WB"), ("Pondicherry", "IN-PY"),
        ])
    func regionAliases(text: String, code: String) {
        #expect(catalog.region(matching: text, in: "IN")?.code == code)
    }

    @Test(
        "top languages by Census 2011",
        arguments: [
            ("IN-TN", "ta"), ("IN-WB", "bn"), ("IN-KA", "kn"), ("IN-KL", "ml"), ("IN-MH", "mr"), ("IN-GJ", "gu"),
            ("IN-OD", "or"), ("IN-PB", "pa"), ("IN-AS", "as"), ("IN-UP", "hi"), ("IN-AP", "te"), ("IN-TS", "te"),
        ])
    func topLanguage(region: String, language: String) {
        #expect(catalog.country(code: "IN")?.region(code: region)?.topLanguage == language)
    }

    @Test("languages: the 22 scheduled ones and English, with Indian ICU locales")
    func languages() throws {
        let scheduled = catalog.languages.filter { $0.scheduled && !$0.code.contains("-") }
        #expect(scheduled.count == 22)
        #expect(catalog.language(code: "bn")?.icuLocale == "bn_IN")
        #expect(catalog.language(code: "ur")?.icuLocale == "ur_IN")
        #expect(catalog.language(code: "mai")?.fallback.first == "hi")
        #expect(catalog.language(code: "kok")?.fallback.first == "mr")
        #expect(catalog.language(code: "en") != nil)
    }

    @Test(
        "names users write resolve to language codes",
        arguments: [
            ("ta", "ta"), ("Tamil", "ta"), ("தமிழ்", "ta"), ("tam", "ta"), ("Bengali", "bn"), ("Bangla", "bn"), ("हिन्दी", "hi"),
            ("Oriya", "or"),
        ])
    func languageNames(text: String, code: String) {
        #expect(catalog.language(matching: text)?.code == code)
    }

    @Test("every language's ICU locale has real ICU data, except the documented gaps")
    func icuData() {
        let gaps: Set<String> = ["mni-Mtei", "sat-Deva"]
        for language in catalog.languages {
            let hasData = ICULocale.hasData(language.icuLocale)
            #expect(hasData != gaps.contains(language.code), "\(language.code): ICU data for \(language.icuLocale): \(hasData)")
            if !hasData { #expect(language.icuGap != nil, "\(language.code) falls back to root; icu_gap must say so") }
        }
        #expect(!ICULocale.hasData("mni_Mtei_IN"))
        #expect(!ICULocale.hasData("sat_Deva_IN"))
    }

    @Test("plural facts agree with the running ICU")
    func plurals() throws {
        for language in catalog.languages where ICULocale.hasData(language.icuLocale) {
            let categories = try ICUPluralRules(locale: language.icuLocale).categories
            // Languages without CLDR rules get root's single "other"; some with rules have only "other" too (ms, zh).
            if !language.cldrPlurals { #expect(categories == ["other"], "\(language.code): \(categories)") }
            if categories != ["other"] { #expect(language.cldrPlurals, "\(language.code): \(categories)") }
        }
    }

    @Test("a malformed shares block names file, line and field")
    func badShares() throws {
        let yaml = """
            code: XX
            name: Test
            currency: INR
            time_zone: Asia/Kolkata
            default_language: en
            sources: [{id: s, title: t}]
            zones: [{code: z, name: Z}]
            regions:
              - code: XX-A
                name: A
                native_name: A
                type: state
                zone: z
                capital: {name: A, latitude: 1, longitude: 2}
                time_zone: Asia/Kolkata
                population: 10
                languages: {ta: 0.5, other: 0.2}
                sources: [s]
            """
        let document = try DataDocument<Country>(yaml: yaml, path: "XX.yaml")
        let diagnostic = document.diagnostic(at: ["regions", 0, "languages"], message: "m")
        #expect(diagnostic.line == 17)
        #expect(diagnostic.field == "regions[0].languages")
    }
}
