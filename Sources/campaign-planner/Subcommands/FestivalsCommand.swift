import ArgumentParser
import Export
import Festivals
import Locales
import PlannerCore
import PlannerIO

/// `campaign-planner festivals`: a country's festival days for a year or a date range, for a
/// region and/or a language community, as a table, CSV, JSON or iCalendar.
struct FestivalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "festivals",
        abstract: "List festival days computed by rule, per region and language community.",
        discussion: """
            CSV columns: \(FestivalListing.header.joined(separator: ","))
            where date is the principal day, start and end the festival's span, lists are joined by ';',
            one row per occurrence, sorted by date then id. --format ics writes an iCalendar file of
            all-day events. A festival that cannot be dated in some of the years (known only from a year
            table) is left out of them and named on standard error; named with --festival, it is an error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, ics
    }

    @Option(help: "Country code: IN or MY.")
    var country = "IN"

    @Option(help: "Region code (IN-WB, WB or a name): festivals observed there, with its rulings.")
    var region: String?

    @Option(help: "Language code (bn, ta, ...): festivals of that language community.")
    var language: String?

    @Option(
        name: .customLong("festival"),
        help: "Festival ids to list (repeat or separate with commas: diwali,holi); default: every festival.")
    var festivalIDs: [String] = []

    @Option(help: "Gregorian year (default: the current year unless --from/--to are given).")
    var year: Int?

    @Option(help: "First day, YYYY-MM-DD.")
    var from: String?

    @Option(help: "Last day, YYYY-MM-DD.")
    var to: String?

    @Option(help: "Language for local names (a code such as ta or bn).")
    var locale: String?

    @Option(help: "Output format: table, csv, json or ics.")
    var format: Format = .table

    @OptionGroup var data: DataOptions

    func validate() throws {
        if year != nil && (from != nil || to != nil) { throw ValidationError("give either --year or --from/--to, not both") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let year, !(1...9999).contains(year) { throw ValidationError("--year must be a four-digit year") }
        for (name, text) in [("--from", from), ("--to", to)] {
            if let text, CivilDate(iso: text) == nil { throw ValidationError("\(name) '\(text)' is not a date YYYY-MM-DD") }
        }
    }

    func run() throws {
        let root = try data.root()
        let code = country.uppercased()
        let locales = try LocaleCatalog(directory: "\(root)/locales", countries: [code])
        let catalog = try FestivalCatalog(directory: "\(root)/calendars", country: code, locales: locales)
        let year = self.year ?? (from == nil ? Clock.today.year : nil)
        let start = year.map { CivilDate(year: $0, month: 1, day: 1)! } ?? CivilDate(iso: from!)!
        let end = year.map { CivilDate(year: $0, month: 12, day: 31)! } ?? CivilDate(iso: to!)!
        let ids = festivalIDs.flatMap { $0.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) } }.filter { !$0.isEmpty }
        let (listing, skipped) = try FestivalListing.make(
            FestivalListing.Request(from: start, to: end, region: region, language: language, locale: locale, ids: ids),
            catalog: catalog, locales: locales)
        for festival in skipped {
            Terminal.printError("warning: \(festival.message) (name it with --festival to make this an error)")
        }
        switch format {
        case .table: print(TableFormat.terminal.render(listing.table.selecting(FestivalListing.terminalColumns)), terminator: "")
        case .csv: print(TableFormat.csv.render(listing.table), terminator: "")
        case .json: print(TableFormat.json.render(listing.table), terminator: "")
        case .ics: print(ICSWriter.calendar(listing.occurrences, country: code, localName: listing.localName), terminator: "")
        }
    }
}
