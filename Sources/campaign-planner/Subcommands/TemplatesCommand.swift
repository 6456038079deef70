import ArgumentParser
import Export
import Locales
import Messages
import Planner
import PlannerCore
import PlannerIO

/// `campaign-planner templates`: work with message templates.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Check message templates.",
        subcommands: [Check.self]
    )

    /// `campaign-planner templates check [DIR]`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract:
                "Check every template: ICU syntax, the same arguments in every language, plural categories, fallbacks, worst-case lengths.",
            discussion: "Errors and warnings print as path:line:column: severity: field: [language] message. Exit 65 on any error."
        )

        @Argument(help: "Folder of templates (default: templates/ in the data folder).")
        var directory: String?

        @Option(help: "Country code the renders are checked for.")
        var country = "IN"

        @OptionGroup var data: DataOptions

        func run() throws {
            let root = try data.root()
            let locales = try LocaleCatalog(allCountriesIn: "\(root)/locales")
            let report = TemplateChecker.check(directory: directory ?? "\(root)/templates", locales: locales, country: country.uppercased())
            for finding in report.findings { Terminal.printError(finding.description) }
            for line in TemplateCheckSummary.lines(report) { print(line) }
            let unknownFestivals = try TemplateFestivals.unknown(
                in: directory ?? "\(root)/templates", calendars: "\(root)/calendars", country: country.uppercased(), locales: locales)
            for problem in unknownFestivals { Terminal.printError(problem.text(spelling: Flags.spell)) }
            let errors = report.errors.count + unknownFestivals.count
            print("\(report.templates.count) templates, \(errors) errors, \(report.warnings.count) warnings")
            if errors > 0 { throw ExitCode(65) }
        }
    }
}
