import ArgumentParser
import Export
import Locales
import Messages
import PlannerCore
import PlannerIO

/// `campaign-planner render`: one template rendered for one recipient, with its channel facts.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a message template in a language for a channel, with its SMS cost, DLT text or WhatsApp payload.",
        discussion: """
            JSON fields: template, language, locale, fallback_from, channel, text, parts, encoding, units, segments,
            non_gsm, cost, dlt_text, whatsapp, warnings. encoding is GSM-7 or UCS-2; units count septets or UTF-16 units.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Template id (the file name in templates/ without .yaml).")
    var template: String

    @Option(help: "Language code (en, hi, ta, ur, mni-Mtei, ...) or name.")
    var language: String

    @Option(help: "Channel: sms, whatsapp, email or push.")
    var channel: Channel = .sms

    @Option(name: .customLong("set"), parsing: .singleValue, help: "An argument value, name=value (repeatable).")
    var values: [String] = []

    @Flag(help: "Fill arguments not given with the template's example values.")
    var examples = false

    @Option(help: "Country code (formatting locale, currency, time zone).")
    var country = "IN"

    @Option(help: "SMS price per segment (default: the template's price_per_segment).")
    var price: Double?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var data: DataOptions

    func run() throws {
        let root = try data.root()
        let locales = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        let catalog = try TemplateCatalog(directory: "\(root)/templates", locales: locales)
        var given: [String: String] = [:]
        for pair in values {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw Diagnostic(.badRequest, field: "--set", message: "expected name=value, got \"\(pair)\"")
            }
            given[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        if examples { given = try catalog.fillingExamples(given, templateID: template) }
        let message = try catalog.render(
            templateID: template, language: language, channel: channel, values: given, country: country.uppercased())
        let report = MessageReport(message: message, price: price ?? catalog.template(id: template)?.sms?.pricePerSegment)
        print(format == .json ? report.json.render() + "\n" : report.text, terminator: "")
    }
}

extension Channel: ExpressibleByArgument {}
