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
    public func localName(_ occurrence: FestivalOccurrence) -> String {
        for code in preferredLanguages {
            if let name = occurrence.localNames[code] { return name }
        }
        if preferredLanguages.isEmpty {
            for code in occurrence.languages where code != "en" {
                if let name = occurrence.localNames[code] { return name }
            }
        }
        return occurrence.name
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
