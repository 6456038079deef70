import PlannerCore
import PlannerIO

/// Everything in `locales/`: languages and the countries loaded so far, checked on load, with
/// lookups that accept what users write in CRM exports (`Orissa`, `TN`, `Tamil`, `தமிழ்`).
///
/// ```swift
/// let catalog = try LocaleCatalog(directory: "locales", countries: ["IN"])
/// catalog.region(matching: "Tamilnadu", in: "IN")?.code  // "IN-TN"
/// ```
public struct LocaleCatalog: Sendable {
    /// The `locales/` folder read, as given.
    public let directory: String
    /// Every language of `languages.yaml`, in file order, codes unique.
    public let languages: [Language]
    /// The sources `languages.yaml` cites.
    public let sources: [Source]
    /// The countries loaded, by ISO 3166-1 code; only those asked for.
    public let countries: [String: Country]
    private let languageIndex: [String: Int]
    private let languageNames: [String: String]
    private let regionNames: [String: [String: String]]

    /// Loads `languages.yaml` and `<CC>.yaml` for each country code, checking references, share
    /// sums and uniqueness; a problem is a ``Diagnostic`` naming file, line and field.
    public init(directory: String, countries codes: [String]) throws(Diagnostic) {
        let languagePath = "\(directory)/languages.yaml"
        let languageDocument = try DataDocument<LanguageFile>(path: languagePath, strict: true)
        let languages = languageDocument.value.languages
        var index: [String: Int] = [:]
        var names: [String: String] = [:]
        for (i, language) in languages.enumerated() {
            guard index.updateValue(i, forKey: language.code) == nil else {
                throw languageDocument.diagnostic(
                    at: ["languages", DataKey(intValue: i), "code"],
                    message: "language '\(language.code)' is defined twice")
            }
            for name in [language.code, language.name, language.nativeName, language.icuLocale] + language.names {
                names[Self.normalised(name), default: language.code] = names[Self.normalised(name)] ?? language.code
            }
        }
        let sourceIDs = Set(languageDocument.value.sources.map(\.id))
        for (i, language) in languages.enumerated() {
            for (j, code) in language.fallback.enumerated() where index[code] == nil {
                throw languageDocument.diagnostic(
                    at: ["languages", DataKey(intValue: i), "fallback", DataKey(intValue: j)],
                    message: "fallback language '\(code)' is not defined in this file")
            }
            for (j, id) in language.sources.enumerated() where !sourceIDs.contains(id) {
                throw languageDocument.diagnostic(
                    at: ["languages", DataKey(intValue: i), "sources", DataKey(intValue: j)],
                    message: "source '\(id)' is not defined under 'sources'")
            }
        }
        var countries: [String: Country] = [:]
        var regionNames: [String: [String: String]] = [:]
        for code in codes {
            let path = "\(directory)/\(code).yaml"
            let document = try DataDocument<Country>(path: path, strict: true)
            try Self.check(document, languages: index)
            countries[code] = document.value
            var lookup: [String: String] = [:]
            for region in document.value.regions {
                let bare = region.code.split(separator: "-").last.map(String.init) ?? region.code
                for name in [region.code, bare, region.name, region.nativeName] + region.aliases {
                    lookup[Self.normalised(name)] = lookup[Self.normalised(name)] ?? region.code
                }
            }
            regionNames[code] = lookup
        }
        self.directory = directory
        self.languages = languages
        self.sources = languageDocument.value.sources
        self.countries = countries
        self.languageIndex = index
        self.languageNames = names
        self.regionNames = regionNames
    }

    private static func check(_ document: DataDocument<Country>, languages: [String: Int]) throws(Diagnostic) {
        let country = document.value
        let sourceIDs = Set(country.sources.map(\.id))
        let zones = Set(country.zones.map(\.code))
        var codes = Set<String>()
        for (i, region) in country.regions.enumerated() {
            let at: [DataKey] = ["regions", DataKey(intValue: i)]
            guard codes.insert(region.code).inserted else {
                throw document.diagnostic(at: at + ["code"], message: "region '\(region.code)' is defined twice")
            }
            guard region.code.hasPrefix("\(country.code)-") else {
                throw document.diagnostic(
                    at: at + ["code"], message: "region code '\(region.code)' is not an ISO 3166-2 code of \(country.code)")
            }
            guard zones.contains(region.zone) else {
                throw document.diagnostic(at: at + ["zone"], message: "zone '\(region.zone)' is not defined under 'zones'")
            }
            guard region.population > 0 else {
                throw document.diagnostic(at: at + ["population"], message: "population must be positive")
            }
            for code in region.languages.keys.sorted() where code != "other" && languages[code] == nil {
                throw document.diagnostic(
                    at: at + ["languages", DataKey(stringValue: code)],
                    message: "language '\(code)' is not defined in languages.yaml")
            }
            if let negative = region.languages.first(where: { $0.value < 0 || $0.value > 1 }) {
                throw document.diagnostic(
                    at: at + ["languages", DataKey(stringValue: negative.key)],
                    message: "share \(negative.value) is not between 0 and 1")
            }
            let sum = region.languages.values.reduce(0, +)
            guard abs(sum - 1) <= 0.0005 else {
                throw document.diagnostic(
                    at: at + ["languages"], message: "language shares of \(region.code) sum to \(sum), not 1",
                    hint: "list the remainder as 'other'")
            }
            for (j, id) in region.sources.enumerated() where !sourceIDs.contains(id) {
                throw document.diagnostic(
                    at: at + ["sources", DataKey(intValue: j)], message: "source '\(id)' is not defined under 'sources'")
            }
        }
    }

    /// Loads `languages.yaml` and every country file in `directory`.
    public init(allCountriesIn directory: String) throws(Diagnostic) {
        try self.init(directory: directory, countries: Self.countryCodes(in: directory))
    }

    /// The country files present in a `locales/` folder: every `XX.yaml` beside `languages.yaml`.
    public static func countryCodes(in directory: String) throws(Diagnostic) -> [String] {
        try DirectoryListing.files(in: directory).compactMap { name in
            let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : ""
            return stem.count == 2 && stem.uppercased() == stem ? stem : nil
        }.sorted()
    }

    /// Lower-case letters and digits only: `Tamil Nadu`, `tamil-nadu` and `TAMILNADU` agree.
    static func normalised(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.lowercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil || $0.properties.generalCategory == .nonspacingMark
                        || $0.properties.generalCategory == .spacingMark
                }))
    }

    /// The language with this exact code.
    public func language(code: String) -> Language? { languageIndex[code].map { languages[$0] } }

    /// The language a user's text names: a code, an English or native name, an ISO 639-2/3 code.
    public func language(matching text: String) -> Language? {
        languageNames[Self.normalised(text)].flatMap(language(code:))
    }

    /// The language a user's text names, the one lookup every command, reader and template uses:
    /// a code (`mni-Mtei`), an English or native name (`Tamil`, `தமிழ்`), an ISO 639-2/3 code, or a
    /// tagged spelling by its base language (`ta-IN`, `bn_BD`).
    public func language(named text: String) -> Language? {
        if let found = language(code: text) ?? language(matching: text) { return found }
        guard let cut = text.firstIndex(where: { $0 == "-" || $0 == "_" }) else { return nil }
        return language(matching: String(text[..<cut]))
    }

    /// ``language(named:)``, or a request error for the option `option` that suggests the nearest
    /// code and lists the known ones.
    public func requireLanguage(_ text: String, option: String = "language") throws(Diagnostic) -> Language {
        guard let found = language(named: text) else { throw unknownLanguage(text, option: option) }
        return found
    }

    /// The error for a language that no code or name matches.
    public func unknownLanguage(_ text: String, option: String = "language") -> Diagnostic {
        let codes = languages.map(\.code)
        return Diagnostic(
            .badRequest, field: OptionText.mention(option),
            message: "unknown language '\(text)'\(Suggestion.phrase(for: text, among: codes))",
            hint: "known languages: \(codes.joined(separator: ", "))")
    }

    /// The country with this code, if loaded.
    public func country(code: String) -> Country? { countries[code] }

    /// The region a user's text names, in a country: current or old code, name, native name, alias.
    public func region(matching text: String, in country: String) -> Region? {
        guard let code = regionNames[country]?[Self.normalised(text)] else { return nil }
        return countries[country]?.region(code: code)
    }

    /// Every spelling ``language(matching:)`` knows, normalised (``normalisedSpelling(_:)``), with
    /// its language code, sorted by spelling: what a SQL query matches a language column against.
    public var languageSpellings: [(spelling: String, code: String)] {
        languageNames.map { ($0.key, $0.value) }.sorted { $0.spelling.utf8.lexicographicallyPrecedes($1.spelling.utf8) }
    }

    /// Every spelling ``region(matching:in:)`` knows in `country`, normalised, with its region
    /// code, sorted by spelling (empty for a country not loaded).
    public func regionSpellings(in country: String) -> [(spelling: String, code: String)] {
        (regionNames[country] ?? [:]).map { ($0.key, $0.value) }.sorted { $0.spelling.utf8.lexicographicallyPrecedes($1.spelling.utf8) }
    }

    /// A spelling as the lookups compare it: lower-cased, letters, digits and combining marks only.
    public static func normalisedSpelling(_ text: String) -> String { normalised(text) }

    /// The ICU locale to format `language` with in `country` (the country's override, if any).
    public func icuLocale(for language: Language, in country: Country?) -> String {
        country?.icuLocales[language.code] ?? language.icuLocale
    }
}
