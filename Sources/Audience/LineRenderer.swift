import Festivals
import Locales
import Messages
import Planner
import PlannerCore
import Segments

/// Prepares each line's message once (on the caller's thread): the language its template speaks
/// to the segment in, the line's campaign values (as the plan rendered its sample message: the
/// brief's arguments, the festival's name in the language, the festival's day as the offer's
/// deadline, the template's example for other recipient values) and the ICU render with
/// placeholder names. The ``LineMessage`` it gives renders sends on any thread.
struct LineRenderer {
    let plan: Plan
    let rules: AudienceRules
    let templates: TemplateCatalog
    let festivals: FestivalCatalog
    /// Per line id: its prepared message.
    private var messages: [String: LineMessage] = [:]
    private(set) var warnings: Set<String> = []

    init(plan: Plan, rules: AudienceRules, templates: TemplateCatalog, festivals: FestivalCatalog) {
        self.plan = plan
        self.rules = rules
        self.templates = templates
        self.festivals = festivals
    }

    /// The message of `line`, prepared the first time it is asked for.
    mutating func message(for line: PlanLine) throws(Diagnostic) -> LineMessage {
        if let known = messages[line.id] { return known }
        guard let channel = Channel(rawValue: line.channel), let spec = templates.template(id: line.template) else {
            throw Diagnostic(.badInput, message: "line \(line.id): unknown channel or template")
        }
        let used: String
        do {
            guard let language = try templates.availability(templateID: line.template, language: line.language, channel: channel).language
            else { throw Diagnostic(.badInput, message: "line \(line.id): no \(line.channel) message in \(line.language)") }
            used = language
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic(.badInput, message: "line \(line.id): \(error)")
        }
        let values = values(for: line, used: used, spec: spec)
        let message = LineMessage(
            line: line, channel: channel, spec: spec, values: values,
            prepared: Self.prepare(line, channel: channel, spec: spec, values: values, templates: templates, country: plan.country),
            templates: templates, country: plan.country, smsPricePerSegment: rules.smsPricePerSegment)
        if channel == .sms && spec.sms?.dlt == nil {
            warnings.insert("template \(spec.id) registers no DLT entity, header or content template ids: sms.csv leaves them empty")
        } else if channel == .sms, case let language = message.prepared?.message.language ?? used,
            spec.sms?.dlt?.templates[language] == nil
        {
            warnings.insert(
                "template \(spec.id) registers no DLT content template id for \(language): its rows in sms.csv leave "
                    + "template_id empty, and operators refuse them until the template is registered")
        }
        messages[line.id] = message
        return message
    }

    /// The templates (by id) that address the customer by name: a `name` or `first_name` recipient argument.
    static func addressingByName(_ templates: TemplateCatalog) -> Set<String> {
        Set(
            templates.templates.filter { template in
                template.arguments.contains { ($0.name == "name" || $0.name == "first_name") && $0.binding == .recipient }
            }.map(\.id))
    }

    /// The customer's name as the argument `spec` takes it: the first name for `first_name`, or
    /// when the full name is longer than the argument's `max_length`; cut to that length at most.
    static func name(_ cleaned: String, for spec: ArgumentSpec) -> String {
        name(cleaned, first: firstName(cleaned), for: spec)
    }

    /// The first word of a cleaned name (the whole name when it has one word): ``SafeText/firstWord(_:)``.
    static func firstName(_ cleaned: String) -> String { SafeText.firstWord(cleaned) }

    /// ``name(_:for:)`` with the first name already known.
    static func name(_ cleaned: String, first: String, for spec: ArgumentSpec) -> String {
        var value = cleaned
        if spec.name == "first_name" { value = first }
        if let limit = spec.maxLength, value.count > limit { value = first.count <= limit ? first : String(first.prefix(limit)) }
        return value
    }

    func values(for line: PlanLine, used: String, spec: Template) -> [String: String] {
        var values: [String: String] = [:]
        let festival = festivals.festivals.first { $0.id == line.festival }
        for argument in spec.arguments {
            if argument.name == "name" || argument.name == "first_name" { continue }
            if let given = rules.arguments[argument.name] {
                values[argument.name] = given
            } else if argument.name == "festival_name" {
                values[argument.name] = festival?.names[used] ?? festival?.names["en"] ?? line.festivalName
            } else if argument.type == .term {
                continue
            } else if argument.binding == .campaign, argument.type == .date {
                values[argument.name] = line.festivalDate.description
            } else if let example = argument.example {
                values[argument.name] = example
            }
        }
        return values
    }

    /// A line's message rendered through ICU with a placeholder for each name argument. A name is
    /// a plain `{name}` (the template check refuses recipient values in select or plural branches),
    /// so putting the customer's name where the placeholder is gives the text ICU gives for that
    /// name: the same bidi isolates around it, and in a GSM-7 SMS the same per-character spelling.
    /// Each line's shortcut is checked against full renders of two names (one with characters
    /// outside GSM-7) before it is used; a line that fails the check is rendered in full per send.
    struct Prepared: Sendable {
        let message: RenderedMessage
        let gsm: Bool
        let names: [ArgumentSpec]
        /// The message's text and parts cut at the placeholders, for filling in without a search.
        let text: Pattern
        let parts: [(name: String, pattern: Pattern)]

        init(message: RenderedMessage, gsm: Bool, names: [ArgumentSpec]) {
            self.message = message
            self.gsm = gsm
            self.names = names
            let placeholders = names.map(LineRenderer.placeholder)
            text = Pattern(message.text, placeholders: placeholders)
            parts = message.parts.map { ($0.name, Pattern($0.text, placeholders: placeholders)) }
        }
    }

    /// UTF-8 text cut at ASCII placeholders: literal pieces and, between them, which value goes there.
    struct Pattern: Sendable {
        var pieces: [[UInt8]] = [[]]
        var slots: [Int] = []

        init(_ text: String, placeholders: [String]) {
            let bytes = Array(text.utf8)
            let keys = placeholders.map { Array($0.utf8) }
            var i = 0
            scan: while i < bytes.count {
                for (k, key) in keys.enumerated() where i + key.count <= bytes.count && bytes[i..<(i + key.count)].elementsEqual(key) {
                    slots.append(k)
                    pieces.append([])
                    i += key.count
                    continue scan
                }
                pieces[pieces.count - 1].append(bytes[i])
                i += 1
            }
        }

        func fill(_ values: [[UInt8]]) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + 64)
            out += pieces[0]
            for (n, slot) in slots.enumerated() {
                out += values[slot]
                out += pieces[n + 1]
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func placeholder(_ spec: ArgumentSpec) -> String { spec.name == "first_name" ? "QZXFIRSTQZX" : "QZXNAMEQZX" }

    static func substitute(_ prepared: Prepared, name cleaned: String, first: String? = nil) -> (
        text: String, parts: [(name: String, text: String)], whatsapp: JSONValue?
    ) {
        var values: [[UInt8]] = []
        var raw: [(String, String)] = []
        for spec in prepared.names {
            let value = Self.name(cleaned, first: first ?? Self.firstName(cleaned), for: spec)
            values.append(Array((prepared.gsm ? GSM7.replacingNonGSM(value) : value).utf8))
            raw.append((Self.placeholder(spec), value))
        }
        func fill(_ text: String, _ pairs: [(String, String)]) -> String { Self.fill(text, pairs) }
        func fillJSON(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let s): return .string(fill(s, raw))
            case .array(let items): return .array(items.map(fillJSON))
            case .object(let members): return .object(members.map { ($0.0, fillJSON($0.1)) })
            default: return value
            }
        }
        return (
            prepared.text.fill(values), prepared.parts.map { ($0.name, $0.pattern.fill(values)) },
            prepared.message.whatsapp.map { fillJSON($0.send) }
        )
    }

    /// `text` with each ASCII placeholder replaced by its value, in one pass over the UTF-8 bytes
    /// (an ASCII byte never occurs inside a multi-byte character, so no character can be split).
    static func fill(_ text: String, _ pairs: [(String, String)]) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(0x51) else { return String(decoding: bytes, as: UTF8.self) }  // "Q"
            let keys = pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
            let first = keys.first?.0.count ?? 0
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var i = 0
            scan: while i < bytes.count {
                if bytes[i] == 0x51, i + first <= bytes.count || keys.count > 1 {
                    for (key, value) in keys where i + key.count <= bytes.count {
                        var match = true
                        for j in 0..<key.count where bytes[i + j] != key[j] {
                            match = false
                            break
                        }
                        if match {
                            out += value
                            i += key.count
                            continue scan
                        }
                    }
                }
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func fullRender(
        _ line: PlanLine, channel: Channel, values: [String: String], templates: TemplateCatalog, country: String
    ) throws(MessageError) -> RenderedMessage {
        try templates.render(
            templateID: line.template, language: line.language, channel: channel, values: values, country: country,
            options: RenderOptions(registrations: channel == .whatsapp))
    }

    static func prepare(
        _ line: PlanLine, channel: Channel, spec: Template, values: [String: String], templates: TemplateCatalog, country: String
    ) -> Prepared? {
        func fullRender(_ line: PlanLine, channel: Channel, values: [String: String]) throws(MessageError) -> RenderedMessage {
            try Self.fullRender(line, channel: channel, values: values, templates: templates, country: country)
        }
        var result: Prepared?
        let names = spec.arguments.filter { $0.name == "name" || $0.name == "first_name" }
        var withPlaceholders = values
        for name in names { withPlaceholders[name.name] = Self.placeholder(name) }
        if !names.isEmpty, let message = try? fullRender(line, channel: channel, values: withPlaceholders) {
            let gsm = channel == .sms && templates.locales.language(code: message.language)?.smsEncoding == SMSEncoding.gsm7.rawValue
            let candidate = Prepared(message: message, gsm: gsm, names: names)
            var agrees = true
            for test in ["Ravi Kumar", "Łukasz Øre अनीता"] {
                var full = values
                for name in names { full[name.name] = Self.name(test, for: name) }
                guard let expected = try? fullRender(line, channel: channel, values: full) else {
                    agrees = false
                    break
                }
                let fast = substitute(candidate, name: test)
                agrees =
                    agrees && fast.text == expected.text && fast.parts.map(\.text) == expected.parts.map(\.text)
                    && fast.whatsapp?.compact == expected.whatsapp?.send.compact
            }
            if agrees { result = candidate }
        }
        return result
    }
}
