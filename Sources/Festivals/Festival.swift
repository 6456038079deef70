import PlannerCore

/// One festival of a country's calendar: who keeps it, where, and how its day is found.
public struct Festival: Sendable, Hashable {
    /// The festival's stable id in `calendars/<CC>.yaml` (`diwali`), used by briefs, templates and `relative` rules.
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
    /// How many days the real date may differ from the computed one, and why; `Uncertainty.none` when exact.
    public let uncertainty: Uncertainty
    /// How the principal day is found each year (replaced by a convention in that convention's regions).
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
    /// How the convention finds the principal day instead of the festival's own rule.
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
    /// An ISO 3166-2 code (`IN-WB`), or the country code (`IN`) for the whole country.
    public let code: String
    /// How big the festival is there: 1 for a main festival of the region, less for a smaller one (default 1).
    public let weight: Double

    enum CodingKeys: String, CodingKey { case code, weight }

    /// A region with a weight (default 1: a main festival there).
    public init(code: String, weight: Double = 1) {
        self.code = code
        self.weight = weight
    }

    /// Decodes either a bare code (`IN-WB`, weight 1) or a `{code, weight}` mapping.
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
    /// Days the real principal day may fall before the computed one.
    public let before: Int
    /// Days the real principal day may fall after the computed one.
    public let after: Int
    /// Why (`moon_sighting`, `government_declaration`, ...).
    public let reason: String?

    /// No uncertainty: the computed day is the day.
    public static let none = Uncertainty(before: 0, after: 0, reason: nil)

    /// An uncertainty of `before` and `after` days, with a reason code or nil.
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
    /// The festival's id in the calendar file (`diwali`).
    public let festivalID: String
    /// The English name.
    public let name: String
    /// Names per language code.
    public let localNames: [String: String]
    /// The principal day.
    public let date: CivilDate
    /// First and last day of the festival (equal to `date` for one-day festivals).
    public let start: CivilDate
    /// The last day of the festival (inclusive); equal to `date` for one-day festivals.
    public let end: CivilDate
    /// The larger of the festival's before/after uncertainty, in days (0 when the date is exact).
    public let uncertaintyDays: Int
    /// The festival's region codes (ISO 3166-2, or the country code), in file order.
    public let regions: [String]
    /// Language codes of communities that keep it wherever they live, in file order.
    public let languages: [String]
    /// How the date was found.
    public let rule: String
    /// Where the rule or the ruling comes from.
    public let source: String
}

/// A dated ruling (a state government's holiday list) that replaces a computed day.
public struct FestivalOverride: Sendable, Hashable, Decodable {
    /// The id of the festival whose computed day it replaces.
    public let festival: String
    /// A region code, or the country code for the whole country.
    public let region: String
    /// The Gregorian year the ruling is for.
    public let year: Int
    /// The day the ruling fixes for the festival that year.
    public let date: CivilDate
    /// The ruling's citation (the gazette or holiday list), shown as the occurrence's source.
    public let source: String
}
