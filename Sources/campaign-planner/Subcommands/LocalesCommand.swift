import ArgumentParser
import Export
import ICUKit
import Locales
import PlannerCore
import PlannerIO

/// `campaign-planner locales`: the regions of a country with their languages, or one language's
/// facts with a sample rendered through ICU under our number policy.
struct LocalesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locales",
        abstract: "List a country's regions and languages, or show one language's facts.",
        discussion: """
            CSV columns: code,name,native_name,zone,population,top_language,languages
            where languages lists code:share pairs (Census shares as decimals, largest first) joined by ';'.
            """
    )

    @Option(help: "Country code: IN or MY.")
    var country = "IN"

    @Option(help: "Show one language's facts (a BCP 47 code such as ta, bn, mni-Mtei).")
    var language: String?

    @Option(help: "Output format: table, csv or json.")
    var format: ListFormat = .table

    @OptionGroup var data: DataOptions

    func run() throws {
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        guard let country = catalog.country(code: country.uppercased()) else {
            throw Diagnostic(
                .badRequest, field: "--country", message: "unknown country '\(self.country)'",
                hint: "known countries: \(catalog.countries.keys.sorted().joined(separator: ", "))")
        }
        if let code = language {
            let language = try catalog.requireLanguage(code)
            print(
                format.tableFormat.render(try LanguageFacts(language: language, country: country, catalog: catalog).table), terminator: "")
        } else {
            print(format.tableFormat.render(RegionListing(country: country).table), terminator: "")
        }
    }
}
