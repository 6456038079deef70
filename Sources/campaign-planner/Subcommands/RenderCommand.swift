import ArgumentParser
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
        do {
            if examples {
                let template = try catalog.requireTemplate(id: template)
                for argument in template.arguments where given[argument.name] == nil && argument.type != .term {
                    if let example = argument.example { given[argument.name] = example }
                }
            }
            let message = try catalog.render(
                templateID: template, language: language, channel: channel, values: given, country: country.uppercased())
            let price = price ?? catalog.template(id: template)?.sms?.pricePerSegment
            print(RenderReport(message: message, price: price).render(format), terminator: "")
        } catch {
            throw error.diagnostic
        }
    }
}

extension Channel: ExpressibleByArgument {}

/// A rendered message as text or JSON.
struct RenderReport {
    let message: RenderedMessage
    let price: Double?

    func render(_ format: RenderCommand.OutputFormat) -> String {
        switch format {
        case .json: return json.render() + "\n"
        case .text:
            var lines: [String] = []
            for part in message.parts where message.parts.count > 1 { lines.append("\(part.name): \(part.text)") }
            if message.parts.count <= 1 { lines.append(message.text) }
            lines.append("")
            var facts = "language \(message.language) (\(message.locale))"
            if let from = message.fallbackFrom { facts += ", fallback from \(from)" }
            lines.append(facts)
            if let sms = message.sms {
                var line = "\(sms.encoding.rawValue), \(sms.units) units, \(sms.segments) segment\(sms.segments == 1 ? "" : "s")"
                if let price { line += ", cost \(DecimalText.fixed(sms.cost(pricePerSegment: price), places: 4))" }
                lines.append(line)
                for character in sms.nonGSM where character.alternative != nil {
                    lines.append("  non-GSM \(character.codePoints) ×\(character.count) → '\(character.alternative!)'")
                }
                let scriptCharacters = sms.nonGSM.filter { $0.alternative == nil }
                if !scriptCharacters.isEmpty {
                    let sample = scriptCharacters.prefix(5).map(\.character).joined(separator: " ")
                    lines.append("  non-GSM: \(scriptCharacters.count) characters without a GSM-7 alternative (\(sample) ...)")
                }
            }
            if let dlt = message.dlt { lines.append("DLT: \(dlt.text)") }
            if let whatsapp = message.whatsapp { lines.append("WhatsApp template:\n" + whatsapp.registration.render()) }
            for warning in message.warnings { lines.append("warning: \(warning)") }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    var json: JSONValue {
        let sms = message.sms
        var members: [(String, JSONValue)] = []
        members.append(("template", .string(message.template)))
        members.append(("language", .string(message.language)))
        members.append(("locale", .string(message.locale)))
        members.append(("fallback_from", message.fallbackFrom.map(JSONValue.string) ?? .null))
        members.append(("channel", .string(message.channel.rawValue)))
        members.append(("text", .string(message.text)))
        members.append(("parts", .object(message.parts.map { ($0.name, JSONValue.string($0.text)) })))
        members.append(("encoding", sms.map { JSONValue.string($0.encoding.rawValue) } ?? .null))
        members.append(("units", sms.map { JSONValue.number(String($0.units)) } ?? .null))
        members.append(("segments", sms.map { JSONValue.number(String($0.segments)) } ?? .null))
        var nonGSM: JSONValue = .null
        if let sms {
            var items: [JSONValue] = []
            for character in sms.nonGSM {
                let alternative: JSONValue = character.alternative.map(JSONValue.string) ?? .null
                items.append(
                    .object([
                        ("character", .string(character.character)), ("code_points", .string(character.codePoints)),
                        ("count", .number(String(character.count))), ("alternative", alternative),
                    ]))
            }
            nonGSM = .array(items)
        }
        members.append(("non_gsm", nonGSM))
        var cost: JSONValue = .null
        if let sms, let price { cost = .number(DecimalText.fixed(sms.cost(pricePerSegment: price), places: 4)) }
        members.append(("cost", cost))
        members.append(("dlt_text", message.dlt.map { JSONValue.string($0.text) } ?? .null))
        var whatsapp: JSONValue = .null
        if let payload = message.whatsapp { whatsapp = .object([("template", payload.registration), ("send", payload.send)]) }
        members.append(("whatsapp", whatsapp))
        members.append(("warnings", .array(message.warnings.map(JSONValue.string))))
        return .object(members)
    }
}
