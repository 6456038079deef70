import PlannerCore

/// One festival of a country's calendar: who keeps it, where, and how its day is found.
public struct Festival: Sendable, Hashable {
    public let id: String
    /// Names per language code, in native script (`en` always present).
    public let names: [String: String]
    /// ISO 3166-2 codes (or the country code for the whole country) with weights: how big the
    /// festival is there (1 = a main festival of the region).
    public let regions: [FestivalRegion]
    /// Language communities that keep it wherever they live (Durga Puja: `bn`).
    public let languages: [String]
    /// Days from the principal day to the first and last day of the festival (Durga Puja: −1...+2).
    public let span: ClosedRange<Int>
    public let uncertainty: Uncertainty
    public let rule: Rule
    /// Source ids (see ``FestivalCatalog/sources``) or free text.
    public let sources: [String]
    /// Documented regional or sectarian conventions that keep the festival on another day
    /// (Gujarat's Naag Panchami, the Nanakshahi Guru Gobind Singh Jayanti).
    public var conventions: [FestivalConvention] = []

    /// The English name.
    public var name: String { names["en"] ?? id }

    /// A rule description for users.
    public var ruleDescription: String { rule.text }

    /// Whether the festival is observed in a region (listed there, or listed for the whole country).
    public func isObserved(in region: String, country: String) -> Bool {
        regions.contains { $0.code == region || $0.code == country }
    }
}

/// A documented convention that keeps a festival by another rule: in its `regions` it replaces
/// the festival's rule; elsewhere it is an alternative day that almanacs and lists also publish.
public struct FestivalConvention: Sendable, Hashable {
    /// A short id (`gujarati`, `nanakshahi`).
    public let id: String
    /// What the convention is, for users.
    public let note: String
    public let rule: Rule
    /// ISO 3166-2 codes where this convention is the one kept (may be empty: a community's).
    public let regions: [String]
    /// Years in which the convention was in force (`nil`: always).
    public let years: ClosedRange<Int>?
    /// Where the convention is documented.
    public let source: String

    /// Whether the convention applies in a year.
    public func applies(in year: Int) -> Bool { years?.contains(year) ?? true }
}

/// A region where a festival is kept, with its weight.
public struct FestivalRegion: Sendable, Hashable, Decodable {
    public let code: String
    public let weight: Double

    enum CodingKeys: String, CodingKey { case code, weight }

    public init(code: String, weight: Double = 1) {
        self.code = code
        self.weight = weight
    }

    public init(from decoder: any Decoder) throws {
        if let code = try? decoder.singleValueContainer().decode(String.self) {
            self.init(code: code)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decode(String.self, forKey: .code), weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1)
    }
}

/// How sure the date is: the real day may be up to `before` days earlier or `after` later.
public struct Uncertainty: Sendable, Hashable, Decodable {
    public let before: Int
    public let after: Int
    /// Why (`moon_sighting`, `government_declaration`, ...).
    public let reason: String?

    public static let none = Uncertainty(before: 0, after: 0, reason: nil)

    public init(before: Int, after: Int, reason: String?) {
        self.before = before
        self.after = after
        self.reason = reason
    }

    /// The larger of the two sides.
    public var days: Int { max(before, after) }
}

/// A festival on its dates in one year, as the planner and the command line use it.
public struct FestivalOccurrence: Sendable, Hashable {
    public let festivalID: String
    /// The English name.
    public let name: String
    /// Names per language code.
    public let localNames: [String: String]
    /// The principal day.
    public let date: CivilDate
    /// First and last day of the festival (equal to `date` for one-day festivals).
    public let start: CivilDate
    public let end: CivilDate
    public let uncertaintyDays: Int
    public let regions: [String]
    public let languages: [String]
    /// How the date was found.
    public let rule: String
    /// Where the rule or the ruling comes from.
    public let source: String
}

/// A dated ruling (a state government's holiday list) that replaces a computed day.
public struct FestivalOverride: Sendable, Hashable, Decodable {
    public let festival: String
    /// A region code, or the country code for the whole country.
    public let region: String
    public let year: Int
    public let date: CivilDate
    public let source: String
}
