/// A zone: the level between a region and the whole country (India's North, South, ...), used to
/// roll small segments up.
public struct Zone: Codable, Hashable, Sendable {
    /// The zone's code as regions refer to it (`north`, `south`), lower-case.
    public let code: String
    /// The zone's English name (`North`).
    public let name: String
    /// The zone's name in the country's main script (`उत्तर`), if the file gives one.
    public let nativeName: String?
    /// Where the zone's membership comes from (ids in the country's `sources`).
    public let sources: [String]?

    enum CodingKeys: String, CodingKey {
        case code, name, sources
        case nativeName = "native_name"
    }
}

/// A first-level subdivision (a state or union territory), with the people and languages in it.
public struct Region: Codable, Hashable, Sendable {
    /// Current ISO 3166-2 code, e.g. `IN-TN`.
    public let code: String
    /// The region's English name (`Andhra Pradesh`).
    public let name: String
    /// The region's name in its own script (`ఆంధ్ర ప్రదేశ్`).
    public let nativeName: String
    /// `state`, `union_territory`, `federal_territory`.
    public let type: String
    /// The ``Zone/code`` it belongs to.
    public let zone: String
    /// Old codes, bare codes and spellings users write for it (`OR`, `IN-OR`, `Orissa`).
    public let aliases: [String]
    /// The reference city for sunrise and sunset.
    public let capital: City
    /// The Olson time zone of the region (`Asia/Kolkata`), used for send windows and local days.
    public let timeZone: String
    /// Number of people, from the census cited in `sources`; spreads synthetic customers across regions.
    public let population: Int
    /// Share of the population per language code (and `other`), summing to 1.
    public let languages: [String: Double]
    /// Ids in the country's `sources` for the region's facts (population, language shares, codes).
    public let sources: [String]

    /// A city with coordinates in degrees (north and east positive).
    public struct City: Codable, Hashable, Sendable {
        /// The city's English name (`Amaravati`).
        public let name: String
        /// Latitude in decimal degrees, north positive.
        public let latitude: Double
        /// Longitude in decimal degrees, east positive.
        public let longitude: Double
    }

    enum CodingKeys: String, CodingKey {
        case code, name, type, zone, aliases, capital, population, languages, sources
        case nativeName = "native_name", timeZone = "time_zone"
    }

    /// Decodes a region from the country file; `aliases` default to none, every other field is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        nativeName = try c.decode(String.self, forKey: .nativeName)
        type = try c.decode(String.self, forKey: .type)
        zone = try c.decode(String.self, forKey: .zone)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        capital = try c.decode(City.self, forKey: .capital)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        population = try c.decode(Int.self, forKey: .population)
        languages = try c.decode([String: Double].self, forKey: .languages)
        sources = try c.decode([String].self, forKey: .sources)
    }

    /// Language shares largest first (ties by code), `other` last.
    public var languageShares: [(language: String, share: Double)] {
        languages.filter { $0.key != "other" }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ($0.key, $0.value) } + (languages["other"].map { [("other", $0)] } ?? [])
    }

    /// The language most people in the region speak (never `other`).
    public var topLanguage: String? { languageShares.first { $0.language != "other" }?.language }
}
