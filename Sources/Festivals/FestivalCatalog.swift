import ICUKit
import Locales
import PlannerCore
import PlannerIO

/// A country's festivals, loaded from `calendars/<CC>.yaml` and checked against `locales/`,
/// with their days computed for any year.
///
/// ```swift
/// let locales = try LocaleCatalog(directory: "locales", countries: ["IN"])
/// let catalog = try FestivalCatalog(directory: "calendars", country: "IN", locales: locales)
/// let days = try catalog.occurrences(from: CivilDate(iso: "2026-01-01")!, to: CivilDate(iso: "2026-12-31")!,
///                                    region: "IN-WB")   // Durga Puja, Kali Puja, Pohela Boishakh, ...
/// ```
///
/// A region's days are computed at its reference city (`Region.capital`, in its time zone) with
/// its rulings (`overrides:`) and Islamic day shift; without a region, at the country's almanac
/// reference city with national rulings only.
public struct FestivalCatalog: Sendable {
    /// The ISO 3166-1 code of the country (`IN`) whose calendar this is.
    public let country: String
    /// The calendar file loaded, `<directory>/<country>.yaml`.
    public let path: String
    /// Every festival of the file, in file order, after the checks against `locales/`.
    public let festivals: [Festival]
    /// The sources the file cites, which festivals name by id.
    public let sources: [FestivalSource]
    /// Dated rulings (holiday lists) that replace computed days, checked to name a known region and year.
    public let overrides: [FestivalOverride]
    /// Documented corrections of ICU's first day of a calendar month; empty when the file has none.
    public let corrections: [ICUCorrection]
    /// The reference city used when no region is asked for.
    public let referenceCity: String
    private let evaluator: Evaluator
    private let observers: [String: Observer]
    private let national: Observer
    private let locales: LocaleCatalog

    /// Loads and checks `directory/<country>.yaml`; a mistake is a ``Diagnostic`` naming the file,
    /// line, festival and field.
    public init(directory: String, country: String, locales: LocaleCatalog) throws(Diagnostic) {
        let path = "\(directory)/\(country).yaml"
        let text = try FileBytes.readText(path)
        let document: DataDocument<CalendarFile>
        do {
            document = try DataDocument<CalendarFile>(yaml: text, path: path, strict: true)
        } catch {
            throw Self.namingFestival(error, yaml: text, path: path)
        }
        let file = document.value
        guard file.country == country else {
            throw document.diagnostic(at: ["country"], message: "the file is for '\(file.country)', not '\(country)'")
        }
        guard let localeCountry = locales.country(code: country) else {
            throw Diagnostic(.badRequest, path: path, message: "country '\(country)' is not loaded in locales/")
        }
        let regionCodes = Set(localeCountry.regions.map(\.code))
        let sourceIDs = Set(file.sources.map(\.id))
        var festivals: [Festival] = []
        var byID: [String: Festival] = [:]
        var tableLocations: [String: Diagnostic] = [:]
        for (i, entry) in file.festivals.enumerated() {
            let at: [DataKey] = ["festivals", DataKey(intValue: i)]
            func fail(_ keys: [DataKey], _ message: String, hint: String? = nil) -> Diagnostic {
                document.diagnostic(at: at + keys, message: "festival '\(entry.id)': \(message)", hint: hint)
            }
            guard byID[entry.id] == nil else { throw fail(["id"], "defined twice") }
            guard entry.names["en"] != nil else { throw fail(["names"], "needs an English name (en)") }
            for code in entry.names.keys.sorted() where code != "en" && locales.language(code: code) == nil {
                throw fail(["names", DataKey(stringValue: code)], "language '\(code)' is not defined in locales/languages.yaml")
            }
            for (j, region) in entry.regions.enumerated() where region.code != country && !regionCodes.contains(region.code) {
                throw fail(["regions", DataKey(intValue: j)], "region '\(region.code)' is not a region of \(country) in locales/")
            }
            for (j, code) in (entry.languages ?? []).enumerated() where locales.language(code: code) == nil {
                throw fail(["languages", DataKey(intValue: j)], "language '\(code)' is not defined in locales/languages.yaml")
            }
            for (j, id) in entry.sources.enumerated() where !sourceIDs.contains(id) {
                throw fail(["sources", DataKey(intValue: j)], "source '\(id)' is not defined under 'sources'")
            }
            let span: ClosedRange<Int>
            if let duration = entry.span?.duration_days {
                guard duration >= 1 else { throw fail(["span", "duration_days"], "duration_days must be at least 1") }
                span = 0...(duration - 1)
            } else {
                let from = entry.span?.from ?? 0, to = entry.span?.to ?? 0
                guard from <= 0, to >= 0 else { throw fail(["span"], "span must run from ≤ 0 to ≥ 0 days around the principal day") }
                span = from...to
            }
            if case .icu(let rule) = entry.rule.rule {
                for code in rule.regionShift.keys.sorted() where !regionCodes.contains(code) {
                    throw fail(["rule", "region_shift", DataKey(stringValue: code)], "region '\(code)' is not a region of \(country)")
                }
            }
            if case .table = entry.rule.rule { tableLocations[entry.id] = fail(["rule"], "") }
            var conventions: [FestivalConvention] = []
            for (j, convention) in (entry.conventions ?? []).enumerated() {
                let at: [DataKey] = ["conventions", DataKey(intValue: j)]
                for (k, code) in (convention.regions ?? []).enumerated() where code != country && !regionCodes.contains(code) {
                    throw fail(at + ["regions", DataKey(intValue: k)], "region '\(code)' is not a region of \(country) in locales/")
                }
                guard !convention.source.isEmpty else { throw fail(at + ["source"], "a convention needs a source") }
                if let years = convention.years, years.from > years.to {
                    throw fail(at + ["years"], "years run from \(years.from) to \(years.to): from must not be after to")
                }
                if case .relative = convention.rule.rule { throw fail(at + ["rule"], "a convention cannot be a relative rule") }
                conventions.append(
                    FestivalConvention(
                        id: convention.id, note: convention.note, rule: convention.rule.rule, regions: convention.regions ?? [],
                        years: convention.years.map { $0.from...$0.to }, source: convention.source))
            }
            var festival = Festival(
                id: entry.id, names: entry.names, regions: entry.regions, languages: entry.languages ?? [], span: span,
                uncertainty: entry.uncertainty ?? .none, rule: entry.rule.rule, sources: entry.sources)
            festival.conventions = conventions
            festivals.append(festival)
            byID[entry.id] = festival
        }
        // Relative rules must name a festival, without cycles.
        for (i, festival) in festivals.enumerated() {
            var seen: Set<String> = [festival.id]
            var current = festival
            while case .relative(let target, _) = current.rule {
                guard let next = byID[target] else {
                    throw document.diagnostic(
                        at: ["festivals", DataKey(intValue: i), "rule", "to"],
                        message: "festival '\(festival.id)': rule.to names '\(target)', which is not a festival in this file")
                }
                guard seen.insert(target).inserted else {
                    throw document.diagnostic(
                        at: ["festivals", DataKey(intValue: i), "rule", "to"],
                        message: "festival '\(festival.id)': relative rules form a cycle through '\(target)'")
                }
                current = next
            }
        }
        let overrides = file.overrides ?? []
        for (i, ruling) in overrides.enumerated() {
            let at: [DataKey] = ["overrides", DataKey(intValue: i)]
            guard byID[ruling.festival] != nil else {
                throw document.diagnostic(
                    at: at + ["festival"],
                    message:
                        "override names unknown festival '\(ruling.festival)'\(Suggestion.phrase(for: ruling.festival, among: festivals.map(\.id)))"
                )
            }
            guard ruling.region == country || regionCodes.contains(ruling.region) else {
                throw document.diagnostic(at: at + ["region"], message: "region '\(ruling.region)' is not a region of \(country)")
            }
            guard ruling.date.year == ruling.year else {
                throw document.diagnostic(at: at + ["date"], message: "date \(ruling.date) is not in year \(ruling.year)")
            }
            guard !ruling.source.isEmpty else { throw document.diagnostic(at: at + ["source"], message: "an override needs a source") }
        }
        var observers: [String: Observer] = [:]
        for region in localeCountry.regions {
            observers[region.code] = Observer(
                region: region.code, latitude: region.capital.latitude, longitude: region.capital.longitude, timeZone: region.timeZone)
        }
        self.country = country
        self.path = path
        self.festivals = festivals
        self.sources = file.sources.map { FestivalSource(id: $0.id, title: $0.title, url: $0.url) }
        self.overrides = overrides
        self.corrections = file.icu_corrections ?? []
        self.referenceCity = file.almanac.reference.name
        self.observers = observers
        self.national = Observer(
            region: nil, latitude: file.almanac.reference.latitude, longitude: file.almanac.reference.longitude, timeZone: file.timezone)
        self.locales = locales
        self.evaluator = Evaluator(
            country: country, timeZone: file.timezone, festivals: byID, corrections: file.icu_corrections ?? [],
            tableLocations: tableLocations, overrides: overrides)
    }

    /// Adds the festival's id to a decoding diagnostic under `festivals[i]`.
    private static func namingFestival(_ diagnostic: Diagnostic, yaml: String, path: String) -> Diagnostic {
        guard let field = diagnostic.field, field.hasPrefix("festivals["),
            let close = field.firstIndex(of: "]"), let index = Int(field[field.index(field.startIndex, offsetBy: 10)..<close])
        else { return diagnostic }
        struct IDs: Decodable {
            struct Entry: Decodable { let id: String? }
            let festivals: [Entry]?
        }
        guard let ids = try? DataFile.decode(IDs.self, yaml: yaml, path: path), let festivals = ids.festivals, index < festivals.count,
            let id = festivals[index].id
        else { return diagnostic }
        var named = diagnostic
        named.message = "festival '\(id)': \(diagnostic.message)"
        return named
    }

    /// The festival with this id.
    public func festival(id: String) -> Festival? { festivals.first { $0.id == id } }

    /// The region code a user's text names (`WB`, `IN-WB`, `West Bengal`), or a usage error.
    public func regionCode(_ text: String) throws(Diagnostic) -> String {
        if observers[text] != nil { return text }
        guard let region = locales.region(matching: text, in: country) else {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("region"),
                message: "unknown region '\(text)' in \(country)\(Suggestion.phrase(for: text, among: observers.keys.sorted()))",
                hint: "use an ISO 3166-2 code such as \(observers.keys.sorted().first ?? "\(country)-XX")")
        }
        return region.code
    }

    /// The festivals kept in a region or by a language community (either, when both are given).
    public func festivals(region: String? = nil, language: String? = nil) -> [Festival] {
        festivals.filter { festival in
            switch (region, language) {
            case (nil, nil): true
            case (let r?, nil): festival.isObserved(in: r, country: country)
            case (nil, let l?): festival.languages.contains(l)
            case (let r?, let l?): festival.isObserved(in: r, country: country) || festival.languages.contains(l)
            }
        }
    }

    /// Every festival day from `from` to `to` (inclusive, by principal day), sorted by date then
    /// id. With `region`, days are computed for that region (its reference city, Islamic shift and
    /// rulings) and only its festivals are listed; with `language`, that community's festivals;
    /// with both, festivals of the region or of the community.
    ///
    /// Without `ids`, a festival that cannot be dated in some of the years (known only from a
    /// year table, Losar 2010-2035) is left out of those years and named in ``FestivalDays/skipped``.
    /// With `ids`, only those festivals are computed, and one that cannot be dated is an error:
    /// the user asked for it.
    ///
    /// Throws a ``Diagnostic`` for an unknown region, language or festival id, or a festival named
    /// in `ids` that cannot be dated.
    public func days(
        from: CivilDate, to: CivilDate, region: String? = nil, language: String? = nil, ids: Set<String>? = nil
    ) throws -> FestivalDays {
        let code = try region.map { (text: String) throws(Diagnostic) -> String in try regionCode(text) }
        if let language, locales.language(code: language) == nil {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("language"),
                message: "unknown language '\(language)'\(Suggestion.phrase(for: language, among: locales.languages.map(\.code)))")
        }
        if let unknown = ids?.sorted().first(where: { festival(id: $0) == nil }) {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("festival"),
                message: "unknown festival '\(unknown)' in \(country)\(Suggestion.phrase(for: unknown, among: festivals.map(\.id)))",
                hint: "festivals: \(festivals.map(\.id).joined(separator: ", "))")
        }
        let observer = code.flatMap { observers[$0] } ?? national
        var result: [FestivalOccurrence] = []
        var skipped: [SkippedFestival] = []
        guard from <= to else { return FestivalDays(occurrences: [], skipped: []) }
        for festival in festivals(region: code, language: language) where ids?.contains(festival.id) ?? true {
            let source = festival.sources.map { id in sources.first { $0.id == id }?.title ?? id }.joined(separator: "; ")
            var gaps: [OutsideTableYears] = []
            for year in from.year...to.year {
                let convention = code.flatMap { c in festival.conventions.first { $0.regions.contains(c) && $0.applies(in: year) } }
                let ruleText = convention.map { "\($0.rule.text) (\($0.id) convention)" } ?? festival.rule.text
                let ruleSource = convention.map { "\($0.source); \(source)" } ?? source
                let days: [(date: CivilDate, source: String?)]
                do {
                    days = try evaluator.resolved(festival, year: year, observer: observer)
                } catch let gap as OutsideTableYears {
                    if ids != nil { throw gap.diagnostic }
                    gaps.append(gap)
                    continue
                }
                let alternative = try evaluator.alternativeDates(
                    festival, rule: convention?.rule ?? festival.rule, year: year, observer: observer)
                for (date, ruling) in days where date >= from && date <= to {
                    // A day the alternative kala gives next to this one: the day is disputed.
                    let disputed = ruling == nil ? alternative?.dates.first { abs(date.days(to: $0)) == 1 } : nil
                    result.append(
                        FestivalOccurrence(
                            festivalID: festival.id, name: festival.name, localNames: festival.names, date: date,
                            start: date.adding(days: festival.span.lowerBound), end: date.adding(days: festival.span.upperBound),
                            uncertaintyDays: max(festival.uncertainty.days, disputed == nil ? 0 : 1), regions: festival.regions.map(\.code),
                            languages: festival.languages,
                            rule: ruleText + (code == nil ? ", \(referenceCity)" : ", \(code!)")
                                + (ruling == nil ? "" : " (overridden by ruling)")
                                + (disputed.map { "; at \(alternative!.kala.rawValue) \($0)" } ?? ""),
                            source: ruling ?? ruleSource))
                }
            }
            if let first = gaps.first {
                skipped.append(
                    SkippedFestival(
                        festivalID: festival.id, name: festival.name, years: gaps.map(\.year), tableFestivalID: first.festivalID,
                        tableYears: first.years, diagnostic: first.diagnostic))
            }
        }
        return FestivalDays(
            occurrences: result.sorted { $0.date != $1.date ? $0.date < $1.date : $0.festivalID < $1.festivalID },
            skipped: skipped.sorted { $0.festivalID < $1.festivalID })
    }

    /// The festival days of ``days(from:to:region:language:ids:)``, strictly: a festival that cannot
    /// be dated in one of the years is an error even when not asked for by id.
    public func occurrences(
        from: CivilDate, to: CivilDate, region: String? = nil, language: String? = nil, ids: Set<String>? = nil
    ) throws -> [FestivalOccurrence] {
        let days = try days(from: from, to: to, region: region, language: language, ids: ids)
        if let first = days.skipped.first { throw first.diagnostic }
        return days.occurrences
    }

    /// The days a festival's documented conventions give in a year (those in force that year),
    /// computed for a region (or nationally): what a user of another almanac may expect.
    public func conventionDates(of id: String, year: Int, region: String? = nil) throws -> [(
        convention: FestivalConvention, dates: [CivilDate]
    )] {
        guard let festival = festival(id: id) else {
            throw Diagnostic(.badRequest, message: "unknown festival '\(id)'\(Suggestion.phrase(for: id, among: festivals.map(\.id)))")
        }
        let observer = try region.map { (text: String) throws(Diagnostic) -> Observer in observers[try regionCode(text)]! } ?? national
        return try Self.asDiagnostic {
            try festival.conventions.filter { $0.applies(in: year) }.map { convention in
                (convention, try evaluator.dates(festival, rule: convention.rule, year: year, observer: observer))
            }
        }
    }

    /// The principal days of one festival in a year, computed for a region (or nationally).
    public func dates(of id: String, year: Int, region: String? = nil) throws -> [CivilDate] {
        guard let festival = festival(id: id) else {
            throw Diagnostic(.badRequest, message: "unknown festival '\(id)'\(Suggestion.phrase(for: id, among: festivals.map(\.id)))")
        }
        let observer = try region.map { (text: String) throws(Diagnostic) -> Observer in observers[try regionCode(text)]! } ?? national
        return try Self.asDiagnostic { try evaluator.resolved(festival, year: year, observer: observer).map(\.date) }
    }

    /// Runs `body`, reporting a table-only festival's missing year as its ``Diagnostic``.
    private static func asDiagnostic<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let gap as OutsideTableYears {
            throw gap.diagnostic
        }
    }
}
