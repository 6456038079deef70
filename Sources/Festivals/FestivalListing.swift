import Locales
import PlannerCore

/// Festival occurrences as a table, with each festival's name in the reader's language: what
/// `festivals` prints and writes. One row per occurrence, in the order given (by date, then id).
public struct FestivalListing: Sendable {
    /// The occurrences listed.
    public let occurrences: [FestivalOccurrence]
    /// Language codes to take the local name from, in order of preference (the asked locale and
    /// its fallbacks, or the region's main language); empty means "the festival's own first language".
    public let preferredLanguages: [String]

    /// The listing of `occurrences`, local names taken from `preferredLanguages`.
    public init(occurrences: [FestivalOccurrence], preferredLanguages: [String]) {
        self.occurrences = occurrences
        self.preferredLanguages = preferredLanguages
    }

    /// The column names, as CSV and JSON write them.
    public static let header = [
        "id", "name", "local_name", "date", "start", "end", "uncertainty_days", "regions", "languages", "rule", "source",
    ]

    /// The narrower set a terminal shows.
    public static let terminalColumns = ["id", "local_name", "date", "start", "end", "uncertainty_days"]

    /// The name in the first preferred language that has one; with no preference, the first
    /// non-English language's name; else the English name.
    public func localName(_ occurrence: FestivalOccurrence) -> String { localNameEntry(occurrence).name }

    /// The language code of ``localName(_:)`` (`en` when it is the English name), so a page can
    /// mark the name with its `lang` and each script gets its font.
    public func localNameLanguage(_ occurrence: FestivalOccurrence) -> String { localNameEntry(occurrence).language }

    func localNameEntry(_ occurrence: FestivalOccurrence) -> (language: String, name: String) {
        for code in preferredLanguages {
            if let name = occurrence.localNames[code] { return (code, name) }
        }
        if preferredLanguages.isEmpty {
            for code in occurrence.languages where code != "en" {
                if let name = occurrence.localNames[code] { return (code, name) }
            }
        }
        return ("en", occurrence.name)
    }

    /// The occurrences as a table: the principal day, the span, its uncertainty in days, where
    /// and by whom it is observed, and the rule and source it was dated by.
    public var table: Table {
        let kinds: [String: Table.Kind] = [
            "date": .date, "start": .date, "end": .date, "uncertainty_days": .count, "regions": .list, "languages": .list,
        ]
        return Table(
            title: "Festivals", columns: Self.header.map { Table.Column($0, kinds[$0] ?? .text) },
            rows: occurrences.map { o in
                [
                    .text(o.festivalID), .text(o.name), .text(localName(o)), .date(o.date), .date(o.start), .date(o.end),
                    .count(o.uncertaintyDays), .list(o.regions), .list(o.languages), .text(o.rule), .text(o.source),
                ]
            })
    }
}

extension FestivalListing {
    /// What a festival listing asks for: the days, and whose festivals in which language.
    public struct Request: Sendable {
        /// First and last day (inclusive, by principal day).
        public var from: CivilDate
        /// The last day listed.
        public var to: CivilDate
        /// A region as a user writes it (`WB`, `IN-WB`, `West Bengal`): its festivals, with its rulings.
        public var region: String?
        /// A language as a user writes it (`bn`, `Bengali`): that community's festivals.
        public var language: String?
        /// The language local names are shown in (with its fallbacks); default: the asked
        /// language, else the region's main language.
        public var locale: String?
        /// Festival ids to list; empty: every festival (a festival named here that cannot be dated
        /// is an error).
        public var ids: [String]

        /// A request for every festival from `from` to `to`.
        public init(
            from: CivilDate, to: CivilDate, region: String? = nil, language: String? = nil, locale: String? = nil, ids: [String] = []
        ) {
            self.from = from
            self.to = to
            self.region = region
            self.language = language
            self.locale = locale
            self.ids = ids
        }
    }

    /// The listing `request` asks for, and the festivals left out of some years (to tell the user).
    /// - Throws: a ``Diagnostic`` for an unknown region, language, locale or festival id, or a
    ///   festival named in `ids` that cannot be dated.
    public static func make(
        _ request: Request, catalog: FestivalCatalog, locales: LocaleCatalog
    ) throws -> (listing: FestivalListing, skipped: [SkippedFestival]) {
        let languageCode = try request.language.map { text throws(Diagnostic) in try locales.requireLanguage(text).code }
        let regionCode = try request.region.map { try catalog.regionCode($0) }
        let localeCode = try request.locale.map { text throws(Diagnostic) in try locales.requireLanguage(text, option: "locale").code }
        let days = try catalog.days(
            from: request.from, to: request.to, region: regionCode, language: languageCode,
            ids: request.ids.isEmpty ? nil : Set(request.ids))
        let preferred =
            localeCode ?? languageCode ?? regionCode.flatMap { locales.country(code: catalog.country)?.region(code: $0)?.topLanguage }
        let fallback = localeCode.flatMap { locales.language(code: $0)?.fallback } ?? []
        return (FestivalListing(occurrences: days.occurrences, preferredLanguages: preferred.map { [$0] + fallback } ?? []), days.skipped)
    }
}
