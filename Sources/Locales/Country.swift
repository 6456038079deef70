/// A country: its regions and zones, currency, time zone and formatting locales.
public struct Country: Codable, Hashable, Sendable {
    /// ISO 3166-1 alpha-2 code (`IN`), also the file name of `locales/<code>.yaml`.
    public let code: String
    /// The country's English name (`India`).
    public let name: String
    /// The country's name in its main script (`भारत`), if the file gives one.
    public let nativeName: String?
    /// ISO 4217 code.
    public let currency: String
    /// The country's Olson time zone (`Asia/Kolkata`), used where no region's zone applies (a country-wide segment).
    public let timeZone: String
    /// The language code used when nothing better is known (`en` for India).
    public let defaultLanguage: String
    /// Digit grouping for every language here, overriding the language's own (Tamil groups lakh in
    /// India, thousands in Malaysia).
    public let grouping: Language.Grouping?
    /// Formatting locales that override a language's default here (`ta` → `ta_MY` in Malaysia).
    public let icuLocales: [String: String]
    /// The source (an id in `sources`) of every region's language shares.
    public let languagesSource: String?
    /// Every source the country's facts cite, by id, in file order.
    public let sources: [Source]
    /// The zones regions roll up into, in file order.
    public let zones: [Zone]
    /// The first-level subdivisions (states, union territories), in file order.
    public let regions: [Region]

    enum CodingKeys: String, CodingKey {
        case code, name, currency, sources, zones, regions, grouping
        case nativeName = "native_name", timeZone = "time_zone", defaultLanguage = "default_language"
        case icuLocales = "icu_locales", languagesSource = "languages_source"
    }

    /// Decodes a country file; throws when `languages_source` is not one of its `sources`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        nativeName = try c.decodeIfPresent(String.self, forKey: .nativeName)
        currency = try c.decode(String.self, forKey: .currency)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        defaultLanguage = try c.decode(String.self, forKey: .defaultLanguage)
        grouping = try c.decodeIfPresent(Language.Grouping.self, forKey: .grouping)
        icuLocales = try c.decodeIfPresent([String: String].self, forKey: .icuLocales) ?? [:]
        languagesSource = try c.decodeIfPresent(String.self, forKey: .languagesSource)
        sources = try c.decode([Source].self, forKey: .sources)
        if let id = languagesSource, !sources.contains(where: { $0.id == id }) {
            throw DecodingError.dataCorruptedError(
                forKey: .languagesSource, in: c, debugDescription: "'\(id)' is not a source id under 'sources'")
        }
        zones = try c.decode([Zone].self, forKey: .zones)
        regions = try c.decode([Region].self, forKey: .regions)
    }

    /// The region with this current code.
    public func region(code: String) -> Region? { regions.first { $0.code == code } }

    /// The zone with this code.
    public func zone(code: String) -> Zone? { zones.first { $0.code == code } }
}

/// The languages file: every language we can address, with the sources its facts cite.
public struct LanguageFile: Codable, Sendable {
    /// Every source the languages' facts cite, by id.
    public let sources: [Source]
    /// Every language we can address, in file order.
    public let languages: [Language]
}
