import ArgumentParser
import ICUKit
import Locales
import PlannerCore
import PlannerIO

/// `campaign-planner locales`: the regions of a country with their languages, or one language's
/// facts with a sample rendered through ICU under our number policy.
struct LocalesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locales",
        abstract: "List a country's regions and languages, or show one language's facts.",
        discussion: """
            CSV columns: code,name,native_name,zone,population,top_language,languages
            where languages lists code:share pairs (Census shares as decimals, largest first) joined by ';'.
            """
    )

    @Option(help: "Country code: IN or MY.")
    var country = "IN"

    @Option(help: "Show one language's facts (a BCP 47 code such as ta, bn, mni-Mtei).")
    var language: String?

    @Option(help: "Output format: table, csv or json.")
    var format: ListFormat = .table

    @OptionGroup var data: DataOptions

    func run() throws {
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        guard let country = catalog.country(code: country.uppercased()) else {
            throw Diagnostic(
                .badRequest, field: "--country", message: "unknown country '\(self.country)'",
                hint: "known countries: \(catalog.countries.keys.sorted().joined(separator: ", "))")
        }
        if let code = language {
            let language = try catalog.requireLanguage(code)
            print(try LanguageReport(language: language, country: country, catalog: catalog).render(format), terminator: "")
        } else {
            print(RegionListing(country: country).render(format), terminator: "")
        }
    }
}

/// The regions of a country as a table, CSV or JSON.
struct RegionListing {
    let country: Country

    static let header = ["code", "name", "native_name", "zone", "population", "top_language", "languages"]

    var rows: [[String]] {
        country.regions.sorted { $0.code < $1.code }.map { region in
            let shares = region.languageShares.filter { $0.language != "other" }
                .map { "\($0.language):\(DecimalText.fixed($0.share, places: 4))" }.joined(separator: ";")
            return [
                region.code, region.name, region.nativeName, region.zone, String(region.population),
                region.topLanguage ?? "", shares,
            ]
        }
    }

    func render(_ format: ListFormat) -> String {
        switch format {
        case .csv:
            return CSVWriter.render(header: Self.header, rows: rows)
        case .table:
            return TextTable.render(header: Self.header, rows: rows)
        case .json:
            return JSONValue.array(
                rows.map { row in
                    .object(
                        zip(Self.header, row).map { key, value in
                            (key, key == "population" ? .number(value) : .string(value))
                        })
                }
            ).render() + "\n"
        }
    }
}

/// One language's facts and a sample of our formatting policy rendered through ICU.
struct LanguageReport {
    let facts: [(String, String)]

    init(language: Language, country: Country, catalog: LocaleCatalog) throws {
        let locale = catalog.icuLocale(for: language, in: country)
        let policy = catalog.numberPolicy(for: language, in: country)
        let actual = try ICULocale.actualLocale(locale)
        let sampleDate = CivilDate(year: 2026, month: 11, day: 8)!
        var facts: [(String, String)] = [
            ("code", language.code), ("name", language.name), ("native_name", language.nativeName),
            ("icu_locale", locale), ("icu_actual_locale", actual), ("script", language.script),
            ("digits", language.digits), ("native_digits", language.nativeDigits ?? ""),
            ("direction", language.direction.rawValue), ("grouping", policy.grouping.rawValue),
            ("fallback", language.fallback.joined(separator: " > ")),
            ("cldr_plurals", language.cldrPlurals ? "yes" : "no"),
            ("plural_categories", try ICUPluralRules(locale: locale).categories.joined(separator: " ")),
            ("whatsapp", language.whatsapp ?? "not supported"), ("sms_encoding", language.smsEncoding),
            ("scheduled", language.scheduled ? "yes" : "no"),
            ("sample_money", try policy.money("12345678.50", currency: country.currency)),
            ("sample_date", try policy.date(sampleDate)),
        ]
        if let gap = language.icuGap { facts.append(("icu_gap", gap)) }
        if actual == "root" { facts.append(("warning", "ICU has no data for \(locale): samples use root data")) }
        facts.append(("sources", language.sources.joined(separator: ", ")))
        self.facts = facts
    }

    func render(_ format: ListFormat) -> String {
        switch format {
        case .table: return TextTable.render(header: ["field", "value"], rows: facts.map { [$0.0, $0.1] })
        case .csv:
            return CSVWriter.render(header: ["field", "value"], rows: facts.map { [$0.0, $0.1] })
        case .json: return JSONValue.object(facts.map { ($0.0, .string($0.1)) }).render() + "\n"
        }
    }
}
