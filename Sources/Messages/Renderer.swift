import ICUKit
import Locales
import PlannerCore

/// One message rendered for one recipient: the text, the language and ICU locale actually used,
/// and what the channel makes of it (SMS encoding and segments, DLT text, WhatsApp payload).
public struct RenderedMessage: Sendable {
    /// The id of the template rendered.
    public let template: String
    /// The language whose text was used (after any fallback).
    public let language: String
    /// The language asked for, when a fallback was taken.
    public let fallbackFrom: String?
    /// Why the fallback was taken.
    public let fallbackReason: String?
    /// The ICU locale the values were formatted with, e.g. `bn_IN@numbers=beng`.
    public let locale: String
    /// The channel the message was rendered for.
    public let channel: Channel
    /// The main text: the SMS, the WhatsApp body, the email body, the push body.
    public let text: String
    /// Every part in order (`subject`, `preheader`, `body`; `title`, `body`; `header`, `body`, ...).
    public let parts: [Part]
    /// Encoding, units and segments, for SMS.
    public let sms: SMSCost?
    /// The DLT registration text (India, SMS), when asked for.
    public let dlt: DLTText?
    /// The WhatsApp template and send payload, when asked for.
    public let whatsapp: WhatsAppTemplate?
    /// Problems that do not stop the send (a value over its `max_length`, a branch no registration fits), in words.
    public let warnings: [String]

    /// One rendered part of a channel's message.
    public struct Part: Hashable, Sendable {
        /// The part's name within the channel (`subject`, `body`, `button1`).
        public let name: String
        /// The part's rendered text, after formatting and bidi wrapping.
        public let text: String
    }

    /// The SMS price: segments × price per segment (nil for other channels).
    public func cost(pricePerSegment: Double) -> Double? { sms?.cost(pricePerSegment: pricePerSegment) }
}

/// What to compute besides the text.
public struct RenderOptions: Sendable {
    /// Build the DLT registration text and the WhatsApp template (two more ICU formats).
    public var registrations: Bool
    /// Wrap values and start RTL messages as ``Bidi`` describes.
    public var bidi: Bool

    /// Options with registrations and bidi wrapping on unless turned off.
    public init(registrations: Bool = true, bidi: Bool = true) {
        self.registrations = registrations
        self.bidi = bidi
    }
}

extension TemplateCatalog {
    /// Renders `templateID` for one recipient in `language` (or its fallback) on `channel`.
    ///
    /// `values` are written as users write them: `Asha`, `20` (percent points), `149900.50`
    /// (money, in the argument's currency), `2026-11-08` (date), `2026-11-08T21:00` (datetime, in the
    /// argument's time zone), an enum value. Terms come from the template for the language used
    /// unless given. Every argument the used messages need must be given; an undeclared one is an
    /// error (misspelt).
    public func render(
        templateID: String, language: String, channel: Channel, values: [String: String], country: String = "IN",
        options: RenderOptions = RenderOptions()
    ) throws(MessageError) -> RenderedMessage {
        let template = try requireTemplate(id: templateID)
        guard let wanted = locales.language(named: language) else { throw .file(locales.unknownLanguage(language)) }
        guard let country = locales.country(code: country) else { throw .unknownCountry(country) }
        let availability = resolve(template, language: wanted, channel: channel)
        guard let used = availability.language, let usedLanguage = locales.language(code: used) else {
            if case .unavailable(let reason) = availability {
                throw .unavailable(template: template.id, language: wanted.code, channel: channel, reason: reason)
            }
            throw .unavailable(template: template.id, language: wanted.code, channel: channel, reason: "no text")
        }
        for name in values.keys.sorted() where template.argument(name) == nil {
            throw .unknownArgument(template: template.id, argument: name, declared: template.arguments.map(\.name))
        }
        let policy = locales.numberPolicy(for: usedLanguage, in: country)
        let zone = template.arguments.first { $0.type == .date || $0.type == .datetime }?.timeZone ?? country.timeZone
        let rtl = options.bidi && usedLanguage.direction == .rtl
        // SMS in a language written in GSM-7: characters ICU or our policy insert that force UCS-2
        // (₹, NBSP, U+202F before am/pm, curly quotes) are written as their GSM-7 alternative
        // (`Rs.`, a space, straight quotes), so an English SMS keeps 160 characters per segment.
        let gsmSMS = channel == .sms && usedLanguage.smsEncoding == SMSEncoding.gsm7.rawValue
        let fields = template.fields(of: channel).filter { $0.messages[used] != nil }
        var compiledFields: [(MessageField, ICUMessageFormat)] = []
        for field in fields {
            compiledFields.append((field, try compile(template, field: field, language: used, locale: policy.formattingLocale, zone: zone)))
        }
        let uses = compiledFields.flatMap { $0.1.arguments }
        var prepared: [String: MessageValue] = [:]
        var plainValues: [String: String] = [:]
        var warnings: [String] = []
        for name in Set(uses.map(\.name)).sorted() {
            guard let spec = template.argument(name) else {
                throw .unknownArgument(template: template.id, argument: name, declared: template.arguments.map(\.name))
            }
            let raw: String
            if let given = values[name] {
                raw = given
            } else if spec.type == .term, let term = template.terms[name]?[used] {
                raw = term
            } else {
                throw .missingArgument(template: template.id, language: used, argument: name)
            }
            var value = try prepare(template, spec, raw, uses: uses.filter { $0.name == name }, policy: policy, zone: spec.timeZone ?? zone)
            // ₹ alone would turn a GSM-7 SMS into UCS-2 (70 instead of 160 per segment): in the SMS of
            // languages written in GSM-7 we write the GSM-safe alternative (`Rs.`), as Indian banks do.
            if channel == .sms, usedLanguage.smsEncoding == SMSEncoding.gsm7.rawValue, spec.type == .money, case .string(let money) = value
            {
                value = .string(GSM7.replacingNonGSM(money))
            }
            prepared[name] = rtl ? isolated(value, spec: spec) : value
            plainValues[name] = raw
            if spec.type == .string || spec.type == .url, let maxLength = spec.maxLength, raw.count > maxLength {
                warnings.append("value of '\(name)' has \(raw.count) characters, more than its max_length \(maxLength)")
            }
        }
        // A URL button's trailing parameter is an argument too, though no message text uses it.
        if channel == .whatsapp {
            for argument in (template.whatsapp?.buttons ?? []).compactMap(\.argument) where plainValues[argument] == nil {
                guard let value = values[argument] else {
                    throw .missingArgument(template: template.id, language: used, argument: argument)
                }
                plainValues[argument] = value
            }
        }
        var parts: [RenderedMessage.Part] = []
        for (field, message) in compiledFields {
            let subset = prepared.filter { key, _ in message.arguments.contains { $0.name == key } }
            var text: String
            do {
                text = try message.format(subset)
            } catch {
                throw .format(template: template.id, language: used, field: field.name, error: error)
            }
            if rtl { text = Bidi.startRightToLeft(text) }
            if gsmSMS { text = GSM7.replacingNonGSM(text) }
            parts.append(RenderedMessage.Part(name: field.part, text: text))
        }
        let main = parts.first { ["text", "body"].contains($0.name) }?.text ?? parts.first?.text ?? ""
        var sms: SMSCost?
        var dlt: DLTText?
        var whatsapp: WhatsAppTemplate?
        if channel == .sms {
            do {
                sms = try SMSCost(text: main)
            } catch {
                throw .format(template: template.id, language: used, field: "sms.text", error: error)
            }
        }
        if options.registrations, channel == .sms || channel == .whatsapp {
            let recipients = template.arguments.filter { $0.binding == .recipient && prepared[$0.name] != nil }
            var sentinels: [Unicode.Scalar: ArgumentSpec] = [:]
            var skeletonValues = prepared
            for (i, spec) in recipients.enumerated() {
                let sentinel = Unicode.Scalar(UInt32(0xE000 + i))!
                sentinels[sentinel] = spec
                skeletonValues[spec.name] = rtl ? .string(Bidi.isolate(String(sentinel))) : .string(String(sentinel))
            }
            let registrable = recipients.allSatisfy { spec in uses.filter { $0.name == spec.name }.allSatisfy { $0.kind == .none } }
            if !registrable {
                warnings.append("a recipient argument decides a plural or select branch: no single DLT/WhatsApp registration fits")
            } else {
                var skeletons: [(MessageField, String)] = []
                for (field, message) in compiledFields {
                    let subset = skeletonValues.filter { key, _ in message.arguments.contains { $0.name == key } }
                    guard var text = try? message.format(subset) else { continue }
                    if rtl { text = Bidi.startRightToLeft(text) }
                    if gsmSMS { text = GSM7.replacingNonGSM(text) }
                    skeletons.append((field, text))
                }
                if channel == .sms, country.code == "IN", let skeleton = skeletons.first?.1 {
                    var maxLengths: [String: Int] = [:]
                    for spec in recipients { maxLengths[spec.name] = spec.maxLength ?? DLTText.maxValueLength }
                    dlt = DLTText(
                        skeleton: skeleton, sentinels: sentinels, maxLengths: maxLengths, brand: template.brand,
                        templateID: template.sms?.dlt?.templates[used])
                }
                if channel == .whatsapp, let settings = template.whatsapp, let code = usedLanguage.whatsapp {
                    let parts = skeletons.map { field, text in
                        WhatsAppTemplate.Part(
                            component: field.part.hasPrefix("button") ? "BUTTON" : field.part.uppercased(), skeleton: text)
                    }
                    whatsapp = WhatsAppTemplate(
                        settings: settings, languageCode: code, parts: parts, sentinels: sentinels, values: plainValues)
                }
            }
        }
        if let dlt {
            // The values of this send, against the registration's variable rules.
            for variable in dlt.variables {
                guard let value = plainValues[variable.argument] else { continue }
                if value.count > DLTText.maxValueLength {
                    warnings.append(
                        "DLT: the value of {\(variable.argument)} has \(value.count) characters: DLT allows \(DLTText.maxValueLength)")
                }
                if variable.tag == .numeric, !value.utf8.allSatisfy({ (48...57).contains($0) }) {
                    warnings.append("DLT: {\(variable.argument)} is {#numeric#} but its value \"\(value)\" is not ASCII digits only")
                }
            }
        }
        if let dlt { warnings += dlt.errors.map { "DLT: \($0)" } + dlt.warnings.map { "DLT: \($0)" } }
        if let whatsapp { warnings += whatsapp.errors.map { "WhatsApp: \($0)" } + whatsapp.warnings.map { "WhatsApp: \($0)" } }
        if let sms, sms.packingDisagrees {
            warnings.append(
                "segment counts differ: \(sms.codeUnitSegments) packing code units, \(sms.graphemeSegments) packing whole characters; billed as \(sms.segments)"
            )
        }
        if let sms, sms.encoding == .ucs2, sms.nonGSMScalars.allSatisfy({ GSM7.alternative(Unicode.Scalar($0)!) != nil }) {
            let swaps = sms.nonGSM.map { "\($0.character) (\($0.codePoints)) → '\($0.alternative!)'" }.joined(separator: ", ")
            warnings.append("UCS-2 only because of \(swaps): replace to send as GSM-7")
        }
        if case .fallback(_, _, let reason) = availability { warnings.insert("fallback to \(used): \(reason)", at: 0) }
        if let status = template.languages.first(where: { $0.code == used })?.status, status == .draft {
            warnings.append("the \(used) translation is a machine draft: have it reviewed before sending")
        }
        var fallbackReason: String?
        if case .fallback(_, _, let reason) = availability { fallbackReason = reason }
        return RenderedMessage(
            template: template.id, language: used, fallbackFrom: used == wanted.code ? nil : wanted.code, fallbackReason: fallbackReason,
            locale: policy.formattingLocale, channel: channel, text: main, parts: parts, sms: sms, dlt: dlt, whatsapp: whatsapp,
            warnings: warnings)
    }

    func compile(_ template: Template, field: MessageField, language: String, locale: String, zone: String) throws(MessageError)
        -> ICUMessageFormat
    {
        guard let source = field.messages[language] else {
            throw .unavailable(template: template.id, language: language, channel: field.channel, reason: "no \(field.name) text")
        }
        do {
            return try compiled.message("\(template.id)\u{0}\(field.name)\u{0}\(language)\u{0}\(locale)\u{0}\(zone)") {
                () throws(ICUError) in
                try ICUMessageFormat(source.pattern, locale: locale, timeZone: zone)
            }
        } catch {
            throw .format(template: template.id, language: language, field: source.field, error: error)
        }
    }

    private func isolated(_ value: MessageValue, spec: ArgumentSpec) -> MessageValue {
        guard case .string(let text) = value else { return value }
        if spec.binding == .recipient && (spec.type == .string || spec.type == .url || spec.type == .money) {
            return .string(Bidi.isolate(text))
        }
        return Bidi.isLeftToRight(text) ? .string(Bidi.isolate(text)) : value
    }

    /// Parses a value as its argument's type and formats money and plain numbers by our policy.
    func prepare(
        _ template: Template, _ spec: ArgumentSpec, _ raw: String, uses: [MessageArgument], policy: NumberPolicy, zone: String
    ) throws(MessageError) -> MessageValue {
        func invalid(_ expected: String) -> MessageError {
            .invalidValue(template: template.id, argument: spec.name, value: raw, expected: expected)
        }
        func checkRange(_ text: String) throws(MessageError) {
            guard let number = Double(text) else { throw invalid("a number") }
            if let min = spec.min, number < min { throw invalid("at least \(DecimalFormat.plain(min))") }
            if let max = spec.max, number > max { throw invalid("at most \(DecimalFormat.plain(max))") }
        }
        switch spec.type {
        case .string, .url, .term:
            return .string(raw)
        case .enum:
            guard spec.values.contains(raw) else { throw invalid("one of \(spec.values.joined(separator: ", "))") }
            return .string(raw)
        case .number:
            guard DecimalFormat.isDecimal(raw) else { throw invalid("a decimal number such as 12 or 149.50") }
            try checkRange(raw)
            if uses.allSatisfy({ $0.kind == .none }) {
                do { return .string(try policy.number(raw)) } catch { throw invalid("a number ICU can format") }
            }
            return .decimal(raw)
        case .percent:
            guard DecimalFormat.isDecimal(raw) else { throw invalid("percent points such as 20") }
            try checkRange(raw)
            return .decimal(raw)
        case .money:
            guard DecimalFormat.isDecimal(raw) else { throw invalid("an amount such as 149900 or 149.50") }
            try checkRange(raw)
            let whole = DecimalFormat.isWhole(raw)
            do {
                return .string(try policy.money(raw, currency: spec.currency ?? "INR", fractionDigits: whole ? 0 : 2))
            } catch {
                throw invalid("an amount ICU can format")
            }
        case .date:
            guard let day = CivilDate(iso: raw) else { throw invalid("a date such as 2026-11-08") }
            do { return .date(epochMilliseconds: try epochMilliseconds(of: day, hour: 12, timeZone: zone)) } catch {
                throw invalid("a date in \(zone)")
            }
        case .datetime:
            let pieces = raw.split(separator: "T")
            let clock = pieces.count == 2 ? pieces[1].split(separator: ":").compactMap { Int($0) } : []
            guard pieces.count == 2, let day = CivilDate(iso: pieces[0]), clock.count == 2, (0..<24).contains(clock[0]),
                (0..<60).contains(clock[1])
            else { throw invalid("a local date and time such as 2026-11-08T21:00") }
            do {
                return .date(epochMilliseconds: try epochMilliseconds(of: day, hour: clock[0], minute: clock[1], timeZone: zone))
            } catch {
                throw invalid("a date and time in \(zone)")
            }
        }
    }
}

/// Plain decimal text: checks and formatting without Foundation's locale.
enum DecimalFormat {
    /// `12`, `-3`, `149.50`: ASCII digits with an optional sign and fraction.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        if bytes.first == 45 { bytes.removeFirst() }
        let parts = bytes.split(separator: 46, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (48...57).contains($0) } }) else {
            return false
        }
        return true
    }

    /// Whether the fraction, if any, is all zeros.
    static func isWhole(_ text: String) -> Bool {
        guard let dot = text.firstIndex(of: ".") else { return true }
        return text[text.index(after: dot)...].allSatisfy { $0 == "0" }
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
