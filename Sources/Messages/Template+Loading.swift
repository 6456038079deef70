import Locales
import PlannerCore
import PlannerIO

extension Template {
    /// Argument names: valid for ICU and for WhatsApp NAMED parameters (lowercase, ≤ 20).
    static func isValidArgumentName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, (97...122).contains(first), bytes.count <= 20 else { return false }
        return bytes.allSatisfy { (97...122).contains($0) || $0 == 95 || (48...57).contains($0) }
    }

    /// Loads and checks the structure of one template file: fields and types, argument
    /// declarations, language codes known to `locales`. ICU syntax is checked by the catalog and
    /// by ``TemplateChecker``.
    public static func load(path: String, locales: LocaleCatalog) throws(Diagnostic) -> Template {
        let document = try DataDocument<TemplateFile>(path: path, strict: true)
        let file = document.value
        func fail(_ keys: [DataKey], _ message: String, hint: String? = nil) -> Diagnostic {
            document.diagnostic(at: keys, message: message, hint: hint)
        }
        let stem = path.split(separator: "/").last.map { String($0.dropLast(5)) } ?? ""
        guard file.id == stem else {
            throw fail(["id"], "template id '\(file.id)' differs from the file name '\(stem).yaml'", hint: "name the file after the id")
        }
        for code in file.languages.keys.sorted() where locales.language(code: code) == nil {
            throw fail(["languages", DataKey(stringValue: code)], "language '\(code)' is not defined in locales/languages.yaml")
        }
        guard file.languages[file.source] != nil else {
            throw fail(["source"], "source language '\(file.source)' is not listed under 'languages'")
        }
        for (language, chain) in (file.fallback ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (i, code) in chain.enumerated() where locales.language(code: code) == nil {
                throw fail(["fallback", DataKey(stringValue: language), DataKey(intValue: i)], "language '\(code)' is not defined")
            }
        }
        var arguments: [ArgumentSpec] = []
        for (name, entry) in file.arguments.sorted(by: { $0.key < $1.key }) {
            let at: [DataKey] = ["arguments", DataKey(stringValue: name)]
            guard isValidArgumentName(name) else {
                throw fail(at, "argument name '\(name)' must be lowercase letters, digits and '_', starting with a letter, at most 20")
            }
            if entry.type == .money, entry.currency?.utf8.count != 3 {
                throw fail(at + ["currency"], "a money argument needs a three-letter ISO 4217 currency")
            }
            if entry.type == .enum, (entry.values ?? []).isEmpty {
                throw fail(at + ["values"], "an enum argument needs its list of values")
            }
            if entry.type == .term, entry.bind != .campaign {
                throw fail(at + ["bind"], "a term is the same for the whole campaign: bind it to 'campaign'")
            }
            let defaultTag: DLTTag =
                switch entry.type {
                case .url: .url
                case .number: .numeric
                default: .var
                }
            arguments.append(
                ArgumentSpec(
                    name: name, type: entry.type, binding: entry.bind, currency: entry.currency, timeZone: entry.timeZone,
                    values: entry.values ?? [], min: entry.min, max: entry.max, maxLength: entry.maxLength, example: entry.example,
                    dltTag: entry.dltTag ?? defaultTag, description: entry.description))
        }
        for (name, values) in (file.terms ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard file.arguments[name]?.type == .term else {
                throw fail(["terms", DataKey(stringValue: name)], "term '\(name)' is not declared as an argument of type term")
            }
            for code in values.keys.sorted() where file.languages[code] == nil {
                throw fail(
                    ["terms", DataKey(stringValue: name), DataKey(stringValue: code)], "language '\(code)' is not listed under 'languages'")
            }
        }

        var fields: [MessageField] = []
        func field(_ channel: Channel, _ part: String, required: Bool, _ keys: [DataKey], _ messages: [String: String]?) throws(Diagnostic)
        {
            guard let messages else { return }
            var texts: [String: SourceText] = [:]
            for (code, pattern) in messages.sorted(by: { $0.key < $1.key }) {
                let at = keys + [DataKey(stringValue: code)]
                guard file.languages[code] != nil else {
                    throw fail(at, "language '\(code)' is not listed under 'languages'", hint: "add it with its translation status")
                }
                let located = document.diagnostic(at: at, message: "")
                texts[code] = SourceText(pattern: pattern, line: located.line, column: located.column, field: DataFile.keyPath(at))
            }
            fields.append(MessageField(channel: channel, part: part, required: required, messages: texts))
        }
        let channels = file.channels
        var sms: SMSSettings?
        if let entry = channels.sms {
            try field(.sms, "text", required: true, ["channels", "sms", "text"], entry.text)
            sms = SMSSettings(
                category: entry.category, maxSegments: entry.maxSegments, pricePerSegment: entry.pricePerSegment,
                dlt: entry.dlt.map { DLTRegistration(entityID: $0.entityID, header: $0.header, templates: $0.templates ?? [:]) })
        }
        var whatsapp: WhatsAppSettings?
        if let entry = channels.whatsapp {
            let nameBytes = Array(entry.name.utf8)
            guard !nameBytes.isEmpty, nameBytes.count <= 512,
                nameBytes.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 })
            else {
                throw fail(["channels", "whatsapp", "name"], "a WhatsApp template name has only lowercase letters, digits and '_'")
            }
            try field(.whatsapp, "header", required: false, ["channels", "whatsapp", "header"], entry.header)
            try field(.whatsapp, "body", required: true, ["channels", "whatsapp", "body"], entry.body)
            try field(.whatsapp, "footer", required: false, ["channels", "whatsapp", "footer"], entry.footer)
            var buttons: [WhatsAppButton] = []
            for (i, button) in (entry.buttons ?? []).enumerated() {
                let at: [DataKey] = ["channels", "whatsapp", "buttons", DataKey(intValue: i)]
                if button.type == .url, button.url == nil { throw fail(at, "a URL button needs its url") }
                if let argument = button.argument {
                    guard file.arguments[argument] != nil else { throw fail(at + ["argument"], "argument '\(argument)' is not declared") }
                    guard button.url?.hasSuffix("{{\(argument)}}") == true else {
                        throw fail(at + ["url"], "the url must end with {{\(argument)}}: WhatsApp allows one trailing parameter")
                    }
                }
                try field(.whatsapp, "button\(i + 1)", required: true, at + ["text"], button.text)
                buttons.append(WhatsAppButton(type: button.type, url: button.url, argument: button.argument))
            }
            whatsapp = WhatsAppSettings(
                name: entry.name, category: entry.category, parameterFormat: entry.parameterFormat ?? .named, buttons: buttons)
        }
        if let entry = channels.email {
            try field(.email, "subject", required: true, ["channels", "email", "subject"], entry.subject)
            try field(.email, "preheader", required: false, ["channels", "email", "preheader"], entry.preheader)
            try field(.email, "body", required: true, ["channels", "email", "body"], entry.body)
        }
        if let entry = channels.push {
            try field(.push, "title", required: true, ["channels", "push", "title"], entry.title)
            try field(.push, "body", required: true, ["channels", "push", "body"], entry.body)
        }
        let festival = file.festival == "none" ? nil : file.festival
        return Template(
            id: file.id, festival: festival, description: file.description, brand: file.brand, source: file.source,
            languages: file.languages.sorted { $0.key < $1.key }.map {
                TemplateLanguage(code: $0.key, status: $0.value.status, note: $0.value.note)
            },
            fallback: file.fallback ?? [:], arguments: arguments, terms: file.terms ?? [:], fields: fields, sms: sms, whatsapp: whatsapp,
            path: path)
    }
}
