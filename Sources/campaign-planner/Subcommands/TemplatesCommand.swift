import ArgumentParser
import Festivals
import Locales
import Messages
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
            var worst: [String: (language: String, segments: Int, units: Int, encoding: String)] = [:]
            for item in report.worstCases where item.channel == .sms {
                guard let sms = item.sms else { continue }
                if let best = worst[item.template], best.segments >= sms.segments { continue }
                worst[item.template] = (item.language, sms.segments, sms.units, sms.encoding.rawValue)
            }
            for id in report.templates.sorted() {
                let languages = Set(report.worstCases.filter { $0.template == id }.map(\.language)).count
                var line = "\(id): \(languages) languages checked"
                if let sms = worst[id] {
                    line += "; worst SMS \(sms.segments) segments (\(sms.language), \(sms.encoding), \(sms.units) units)"
                }
                print(line)
            }
            let unknownFestivals = try Self.unknownFestivals(
                in: directory ?? "\(root)/templates", root: root, country: country.uppercased(), locales: locales)
            for problem in unknownFestivals { Terminal.printError(problem.description) }
            let errors = report.errors.count + unknownFestivals.count
            print("\(report.templates.count) templates, \(errors) errors, \(report.warnings.count) warnings")
            if errors > 0 { throw ExitCode(65) }
        }

        /// A template's `festival` must be a festival id of the country's calendar (or `none`).
        static func unknownFestivals(in directory: String, root: String, country: String, locales: LocaleCatalog) throws -> [Diagnostic] {
            struct Header: Decodable { let festival: String? }
            let calendar = try FestivalCatalog(directory: "\(root)/calendars", country: country, locales: locales)
            var problems: [Diagnostic] = []
            for name in try DirectoryListing.files(in: directory) where name.hasSuffix(".yaml") {
                let path = "\(directory)/\(name)"
                guard let document = try? DataDocument<Header>(path: path), let festival = document.value.festival, festival != "none",
                    calendar.festival(id: festival) == nil
                else { continue }
                problems.append(
                    document.diagnostic(
                        at: ["festival"], message: "unknown festival '\(festival)' (not in calendars/\(country).yaml)",
                        hint: "use a festival id from `campaign-planner festivals --format csv`, or none"))
            }
            return problems
        }
    }
}
