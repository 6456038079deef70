import ICUKit
import PlannerCore

/// The YAML shape of `calendars/<CC>.yaml`.
struct CalendarFile: Decodable {
    let country: String
    let timezone: String
    let almanac: Almanac
    let sources: [SourceEntry]
    let festivals: [FestivalEntry]
    let overrides: [FestivalOverride]?
    let icu_corrections: [ICUCorrection]?

    struct Almanac: Decodable {
        /// The reference city used when no region is asked for.
        let reference: City
        /// The sidereal zodiac's origin: only `lahiri` (Chitrapaksha, as India's Rashtriya Panchang
        /// and Drik Panchang use it) is implemented, so another value is an error, not ignored.
        let ayanamsha: String?
        /// When the day begins: only `upper_limb_refracted` (the Sun's upper edge on a refracted
        /// horizon, as almanacs print sunrise) is implemented.
        let sunrise: String?

        enum CodingKeys: String, CodingKey { case reference, ayanamsha, sunrise }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            reference = try c.decode(City.self, forKey: .reference)
            ayanamsha = try c.decodeIfPresent(String.self, forKey: .ayanamsha)
            sunrise = try c.decodeIfPresent(String.self, forKey: .sunrise)
            if let ayanamsha, ayanamsha != "lahiri" {
                throw DecodingError.dataCorruptedError(
                    forKey: .ayanamsha, in: c, debugDescription: "ayanamsha '\(ayanamsha)' is not implemented: use lahiri")
            }
            if let sunrise, sunrise != "upper_limb_refracted" {
                throw DecodingError.dataCorruptedError(
                    forKey: .sunrise, in: c, debugDescription: "sunrise '\(sunrise)' is not implemented: use upper_limb_refracted")
            }
        }
    }

    struct City: Decodable {
        let name: String
        let latitude: Double
        let longitude: Double
    }

    struct SourceEntry: Decodable {
        let id: String
        let title: String
        let url: String?
    }

    struct FestivalEntry: Decodable {
        let id: String
        let names: [String: String]
        let regions: [FestivalRegion]
        let languages: [String]?
        let rule: DecodedRule
        let span: Span?
        let uncertainty: Uncertainty?
        let sources: [String]
        let conventions: [ConventionEntry]?
    }

    struct ConventionEntry: Decodable {
        let id: String
        let note: String
        let rule: DecodedRule
        let regions: [String]?
        let years: YearRange?
        let source: String
    }

    struct YearRange: Decodable {
        let from: Int
        let to: Int
    }

    struct Span: Decodable {
        let from: Int?
        let to: Int?
        let duration_days: Int?
    }
}

/// A documented correction of ICU's output: where ICU gives `icu` for the first day of a
/// calendar month, the official day is `official`; every day of that month moves with it.
public struct ICUCorrection: Sendable, Hashable, Decodable {
    /// The ICU calendar id the correction is for (`islamic-umalqura`).
    public let calendar: String
    /// The calendar year as ICU's extended year (a single running number).
    public let extended_year: Int
    /// The month whose first day is corrected, 1-based as in ``ICURule``.
    public let month: Int
    /// Whether the month is a leap month; absent means false.
    public let leap: Bool?
    /// The civil day ICU gives for the month's first day.
    public let icu: CivilDate
    /// The civil day the month officially began on.
    public let official: CivilDate
    /// Where the official day is documented.
    public let source: String
}

/// A source a festival names.
public struct FestivalSource: Sendable, Hashable {
    /// The source's id, as festivals' `sources` refer to it.
    public let id: String
    /// The source's title as cited to users (a book, almanac or gazette).
    public let title: String
    /// A link to the source, if it is online.
    public let url: String?
}
