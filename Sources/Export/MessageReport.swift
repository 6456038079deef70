import Locales
import Messages
import PlannerCore

/// A rendered message as `render` shows it: the text (or its parts), the language it is in and
/// why, the SMS encoding, segments and cost, non-GSM characters, the DLT text, the WhatsApp
/// template payload and the warnings; as lines for people or as JSON.
public struct MessageReport: Sendable {
    /// The message.
    public let message: RenderedMessage
    /// The SMS price per segment to cost it at; `nil` shows no cost.
    public let price: Double?

    /// The report of `message`, costed at `price` per SMS segment.
    public init(message: RenderedMessage, price: Double?) {
        self.message = message
        self.price = price
    }

    /// The report as lines for a terminal.
    public var text: String {
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

    /// The report as JSON: template, language, locale, fallback_from, channel, text, parts,
    /// encoding, units, segments, non_gsm, cost, dlt_text, whatsapp, warnings.
    public var json: JSONValue {
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
