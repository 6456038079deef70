import ICUKit
import Locales
import PlannerCore
import PlannerIO

/// One problem `templates check` found: an error fails the check, a warning is listed.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    /// `error` fails `templates check`; `warning` is only listed.
    public enum Severity: String, Sendable { case error, warning }

    /// Whether the finding fails the check or is only listed.
    public let severity: Severity
    /// The template id (file name stem); empty when the templates directory itself could not be read.
    public let template: String
    /// The file the finding is in (`templates/x.yaml`), or the directory when it could not be listed.
    public let path: String
    /// 1-based line in the file, when known.
    public let line: Int?
    /// 1-based column in the file, when known; points into the message for ICU syntax errors.
    public let column: Int?
    /// The language concerned, if one.
    public let language: String?
    /// The YAML field, e.g. `channels.sms.text.hi`.
    public let field: String?
    /// What is wrong, in plain words, usually with the fix.
    public let message: String

    /// `templates/x.yaml:12:7: error: channels.sms.text.hi: [hi] ...`
    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": \(severity.rawValue): "
        if let field { text += "\(field): " }
        if let language { text += "[\(language)] " }
        return text + message
    }

    /// As a ``Diagnostic`` (kind data).
    public var diagnostic: Diagnostic {
        Diagnostic(.badInput, path: path, line: line, column: column, field: field, message: (language.map { "[\($0)] " } ?? "") + message)
    }
}

/// The worst case of one template in one language on one channel.
public struct WorstCase: Hashable, Sendable {
    /// The template id.
    public let template: String
    /// The requested language code, before fallback.
    public let language: String
    /// The channel the worst case was rendered for.
    public let channel: Channel
    /// The language whose text is used (after fallback).
    public let usedLanguage: String
    /// Longest main text in graphemes.
    public let graphemes: Int
    /// Encoding and segment count of the worst-case SMS; nil for other channels.
    public let sms: SMSCost?
}

/// What `templates check` reports: findings in file order, worst cases per language and channel.
public struct CheckReport: Sendable {
    /// Every finding, in the order the files and checks produced them.
    public let findings: [Finding]
    /// One worst case per template, language and channel that loaded and parsed.
    public let worstCases: [WorstCase]
    /// The ids of every `.yaml` file in the directory, sorted, whether or not it loaded.
    public let templates: [String]
    /// The findings that fail the check.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    /// The findings that are only listed.
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }

    /// The number of languages checked for `template`.
    public func languageCount(of template: String) -> Int { Set(worstCases.filter { $0.template == template }.map(\.language)).count }

    /// The template's longest SMS over its languages (most segments; the first language checked
    /// wins a tie), or `nil` when it has no SMS text.
    public func worstSMS(of template: String) -> (language: String, cost: SMSCost)? {
        var worst: (language: String, cost: SMSCost)?
        for item in worstCases where item.template == template && item.channel == .sms {
            guard let sms = item.sms else { continue }
            if let best = worst, best.cost.segments >= sms.segments { continue }
            worst = (item.language, sms)
        }
        return worst
    }
}

/// Channel length limits we enforce on worst-case renders (research notes §6–7).
public enum ChannelLimits {
    /// Email subject: error above 100 graphemes, warning above 60 (desktop clients cut at ~60, phones at ~35-40).
    public static let emailSubject = (warn: 60, max: 100)
    /// Email preheader: warning above 100 graphemes (clients show ~40-100).
    public static let emailPreheader = (warn: 100, max: 150)
    /// Push title: error above 65 graphemes, warning above 40.
    public static let pushTitle = (warn: 40, max: 65)
    /// Push body: error above 240 graphemes, warning above 160 (collapsed notifications show ~100-180).
    public static let pushBody = (warn: 160, max: 240)
    /// APNs and FCM payloads: 4096 bytes; we keep title + body within 3500 UTF-8 bytes for the rest.
    public static let pushBytes = 3500
}

/// `campaign-planner templates check`: every rule of the research notes §9 that can be checked
/// before a campaign runs.
public enum TemplateChecker {
    /// ICU syntax errors and numbered arguments in every message of a template.
    static func syntaxProblems(in template: Template) -> [Finding] {
        var findings: [Finding] = []
        for field in template.fields {
            for (code, source) in field.messages.sorted(by: { $0.key < $1.key }) {
                do {
                    let arguments = try MessageArgument.parse(source.pattern)
                    // MessagePattern accepts any type word and any style; MessageFormat checks them.
                    _ = try ICUMessageFormat(source.pattern, locale: "en_IN", timeZone: "UTC")
                    if let numbered = arguments.first(where: \.isNumbered) {
                        findings.append(
                            finding(
                                .error, template, code, source,
                                "numbered argument {\(numbered.name)}: write named arguments such as {discount}"))
                    }
                } catch {
                    var offset = 0
                    if case .syntax(_, let at, _) = error { offset = at }
                    if case .numberedArgument(let name) = error {
                        findings.append(
                            finding(.error, template, code, source, "numbered argument {\(name)}: write named arguments such as {discount}")
                        )
                        continue
                    }
                    findings.append(
                        finding(
                            .error, template, code, source,
                            "ICU MessageFormat syntax error at offset \(offset) of the message: \(excerpt(source.pattern, at: offset))",
                            offset: offset))
                }
            }
        }
        return findings
    }

    static func excerpt(_ pattern: String, at offset: Int) -> String {
        let units = Array(pattern.utf16)
        let start = max(0, offset - 12), end = min(units.count, offset + 12)
        return "…" + String(decoding: units[start..<end], as: UTF16.self) + "…"
    }

    static func finding(
        _ severity: Finding.Severity, _ template: Template, _ language: String?, _ source: SourceText?, _ message: String,
        offset: Int? = nil
    ) -> Finding {
        var column = source?.column
        if let offset, let c = column { column = c + 1 + offset }  // +1: the opening quote
        return Finding(
            severity: severity, template: template.id, path: template.path, line: source?.line, column: column, language: language,
            field: source?.field, message: message)
    }

    /// Checks every template file in `directory`; a file that does not load is one error finding.
    public static func check(directory: String, locales: LocaleCatalog, country: String = "IN") -> CheckReport {
        var findings: [Finding] = []
        var templates: [Template] = []
        let names: [String]
        do {
            names = try DirectoryListing.files(in: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            return CheckReport(
                findings: [
                    Finding(
                        severity: .error, template: "", path: directory, line: nil, column: nil, language: nil, field: nil,
                        message: error.message)
                ], worstCases: [], templates: [])
        }
        for name in names {
            do {
                let template = try Template.load(path: "\(directory)/\(name)", locales: locales)
                let syntax = syntaxProblems(in: template)
                findings += syntax
                if syntax.isEmpty { templates.append(template) }
            } catch {
                findings.append(
                    Finding(
                        severity: .error, template: String(name.dropLast(5)), path: error.path ?? "\(directory)/\(name)", line: error.line,
                        column: error.column, language: nil, field: error.field, message: error.message))
            }
        }
        var worst: [WorstCase] = []
        if let catalog = try? TemplateCatalog(directory: directory, locales: locales, templates: templates) {
            for template in catalog.templates {
                let (more, cases) = check(template, catalog: catalog, country: country)
                findings += more
                worst += cases
            }
        }
        return CheckReport(findings: findings, worstCases: worst, templates: names.map { String($0.dropLast(5)) })
    }

    /// All checks of one template that loaded and parsed.
    static func check(_ template: Template, catalog: TemplateCatalog, country: String) -> ([Finding], [WorstCase]) {
        var findings: [Finding] = []
        let locales = catalog.locales
        let declared = Set(template.arguments.map(\.name))
        var used = Set<String>()
        // 1. Structure: the same arguments, kinds and select keys in every language as in the source.
        for field in template.fields {
            guard let reference = field.messages[template.source].flatMap({ try? MessageArgument.parse($0.pattern) }) else {
                if !field.messages.isEmpty {
                    findings.append(finding(.error, template, template.source, nil, "\(field.name) has no text in the source language"))
                }
                continue
            }
            let referenceShape = shape(reference)
            for (code, source) in field.messages.sorted(by: { $0.key < $1.key }) {
                guard let arguments = try? MessageArgument.parse(source.pattern) else { continue }
                used.formUnion(arguments.map(\.name))
                let mine = shape(arguments)
                for name in Set(referenceShape.keys).subtracting(mine.keys).sorted() {
                    findings.append(
                        finding(.error, template, code, source, "argument '\(name)' is missing: the \(template.source) text uses {\(name)}")
                    )
                }
                for name in Set(mine.keys).subtracting(referenceShape.keys).sorted() {
                    findings.append(
                        finding(.error, template, code, source, "argument '\(name)' is not in the \(template.source) text (misspelt?)"))
                }
                for name in Set(mine.keys).intersection(referenceShape.keys).sorted() where mine[name] != referenceShape[name] {
                    findings.append(
                        finding(
                            .error, template, code, source,
                            "argument '\(name)' is used as \(mine[name]!) but the \(template.source) text uses it as \(referenceShape[name]!)"
                        ))
                }
                // 2. Declared, and used as its type allows.
                for argument in arguments {
                    guard let spec = template.argument(argument.name) else {
                        findings.append(
                            finding(.error, template, code, source, "argument '\(argument.name)' is not declared under 'arguments'"))
                        continue
                    }
                    if let problem = typeProblem(spec, argument) { findings.append(finding(.error, template, code, source, problem)) }
                    if spec.binding == .recipient, field.channel == .sms || field.channel == .whatsapp, argument.kind != .none {
                        findings.append(
                            finding(
                                .error, template, code, source,
                                "recipient argument '\(argument.name)' decides a branch: DLT and WhatsApp register one text per campaign; bind it to 'campaign' or use it as a plain {\(argument.name)}"
                            ))
                    }
                }
                // 3. Plural categories of the language, per the running ICU.
                if let language = locales.language(code: code) {
                    findings += pluralProblems(template, language: language, source: source, arguments: arguments)
                }
            }
        }
        used.formUnion((template.whatsapp?.buttons ?? []).compactMap(\.argument))
        for name in declared.subtracting(used).sorted() {
            findings.append(finding(.error, template, nil, nil, "argument '\(name)' is declared but no message uses it"))
        }
        // 4. Terms for every language that has text using them.
        for spec in template.arguments where spec.type == .term {
            for field in template.fields {
                for (code, source) in field.messages.sorted(by: { $0.key < $1.key })
                where source.pattern.contains("{\(spec.name)") && template.terms[spec.name]?[code] == nil {
                    findings.append(finding(.error, template, code, source, "term '\(spec.name)' has no value in \(code) under 'terms'"))
                }
            }
        }
        // 5. ICU data for every language with text, and every language reachable.
        for language in template.languages {
            guard let facts = locales.language(code: language.code) else { continue }
            if !ICULocale.hasData(facts.icuLocale) {
                findings.append(
                    finding(
                        .error, template, language.code, nil,
                        "ICU has no data for \(facts.icuLocale) (it falls back to root: dates like '2026 M11 8'); remove the text and let the fallback serve it"
                    ))
            }
        }
        let audience = locales.languages.filter { $0.scheduled || $0.code == "en" }.map(\.code)
        for channel in template.channels {
            for code in Set(audience + template.languages.map(\.code)).sorted() {
                guard let language = locales.language(code: code) else { continue }
                if case .unavailable(let reason) = catalog.resolve(template, language: language, channel: channel) {
                    let optional = channel == .whatsapp || !language.scheduled && code != "en"
                    findings.append(
                        finding(optional ? .warning : .error, template, code, nil, "not sendable on \(channel.rawValue): \(reason)"))
                }
            }
        }
        // 6. Worst-case renders.
        var worst: [WorstCase] = []
        for channel in template.channels {
            for language in template.languages {
                let (more, cases) = worstCase(template, language: language.code, channel: channel, catalog: catalog, country: country)
                findings += more
                worst += cases
            }
        }
        return (findings, worst)
    }

    /// name → how it is used: kind, type and select keys.
    static func shape(_ arguments: [MessageArgument]) -> [String: String] {
        var shape: [String: String] = [:]
        for argument in arguments {
            var description = argument.kind.rawValue
            if argument.kind == .simple { description += " \(argument.type)" }
            if argument.kind == .select { description += " {\(argument.selectors.sorted().joined(separator: " "))}" }
            if let existing = shape[argument.name], existing != description {
                shape[argument.name] = existing + ", " + description
            } else {
                shape[argument.name] = description
            }
        }
        return shape
    }

    static func typeProblem(_ spec: ArgumentSpec, _ use: MessageArgument) -> String? {
        let name = spec.name
        switch spec.type {
        case .string, .url, .term:
            return use.kind == .none ? nil : "'\(name)' is \(spec.type.rawValue): write it as a plain {\(name)}"
        case .money:
            return use.kind == .none
                ? nil : "'\(name)' is money, formatted by our number policy (lakh grouping, whole rupees): write it as a plain {\(name)}"
        case .enum:
            if use.kind == .none { return nil }
            guard use.kind == .select else { return "'\(name)' is an enum: use it in {\(name), select, ...}" }
            let unknown = use.selectors.filter { $0 != "other" && !spec.values.contains($0) }
            if !unknown.isEmpty { return "select on '\(name)' has keys \(unknown.joined(separator: ", ")) that are not among its values" }
            return use.selectors.contains("other") ? nil : "select on '\(name)' needs an 'other' branch"
        case .number:
            switch use.kind {
            case .none, .plural, .selectordinal: return nil
            case .simple where use.type == "number": return nil
            default: return "'\(name)' is a number: use it in plural, selectordinal or {\(name), number}"
            }
        case .percent:
            guard use.kind == .simple, use.type == "number", use.style.contains("::") && use.style.contains("percent") else {
                return "'\(name)' is percent points: write {\(name), number, ::percent} (the 'percent' style multiplies by 100)"
            }
            return nil
        case .date, .datetime:
            return use.kind == .simple && (use.type == "date" || use.type == "time")
                ? nil : "'\(name)' is a \(spec.type.rawValue): write {\(name), date, ::dMMMM} or {\(name), time, ::jmm}"
        }
    }

    static func pluralProblems(_ template: Template, language: Language, source: SourceText, arguments: [MessageArgument]) -> [Finding] {
        var findings: [Finding] = []
        for argument in arguments where argument.kind == .plural || argument.kind == .selectordinal {
            guard let rules = try? ICUPluralRules(locale: language.icuLocale, kind: argument.kind == .plural ? .cardinal : .ordinal),
                let categories = try? rules.categories
            else { continue }
            let explicit = Set(argument.selectors.filter { $0.hasPrefix("=") }.compactMap { Int($0.dropFirst()) })
            let spec = template.argument(argument.name)
            let low = Int(max(0, spec?.min ?? 0)), high = Int(min(1000, max(spec?.min ?? 0, spec?.max ?? 1000)))
            for category in categories where !argument.selectors.contains(category) {
                // Covered when every integer the argument can take (its min...max, within 0...1000)
                // that falls in the category has an explicit =n branch.
                let members = (low...high).filter { (try? rules.select(Double($0))) == category }
                if members.allSatisfy({ explicit.contains($0) }) { continue }
                findings.append(
                    finding(
                        .error, template, language.code, source,
                        "{\(argument.name), \(argument.kind.rawValue)} lacks the '\(category)' branch that \(language.icuLocale) needs (e.g. for \(members.prefix(3).map(String.init).joined(separator: ", ")))"
                    ))
            }
            for keyword in argument.selectors where !keyword.hasPrefix("=") && !categories.contains(keyword) {
                findings.append(
                    finding(
                        .warning, template, language.code, source,
                        "{\(argument.name)}: '\(keyword)' is never chosen in \(language.icuLocale) (its categories: \(categories.joined(separator: " ")))"
                    ))
            }
            if argument.kind == .plural, !language.cldrPlurals, !explicit.contains(1) {
                findings.append(
                    finding(
                        .error, template, language.code, source,
                        "{\(argument.name), plural}: ICU has no plural rules for \(language.code), so 1 would take 'other': add an explicit =1 branch"
                    ))
            }
            if argument.kind == .plural, (spec?.min ?? 0) <= 0, (try? rules.select(0)) == "one", !explicit.contains(0) {
                findings.append(
                    finding(
                        .warning, template, language.code, source,
                        "{\(argument.name), plural}: 0 takes the 'one' branch in \(language.icuLocale); add =0 if the count can be 0"))
            }
        }
        return findings
    }

    /// Candidate values of an argument: the longest first, then every branch.
    static func candidates(_ spec: ArgumentSpec, template: Template, language: String) -> [String] {
        func numbers(_ fallbackMax: Double) -> [String] {
            let low = spec.min ?? 0, high = spec.max ?? fallbackMax
            var list = [high, low] + [0, 1, 2, 3, 4, 5, 6, 11, 21, 100].filter { $0 >= low && $0 <= high }
            list = list.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            return list.map(DecimalFormat.plain)
        }
        switch spec.type {
        case .string:
            let length = spec.maxLength ?? 20
            return [String(repeating: "W", count: length), spec.example ?? "Asha"]
        case .url:
            let example = spec.example ?? "https://example.in/x"
            let length = max(spec.maxLength ?? example.count, example.count)
            return [example + String(repeating: "x", count: length - example.count)]
        case .term:
            return template.terms[spec.name]?[language].map { [$0] } ?? []
        case .enum:
            return spec.values
        case .number: return numbers(999)
        case .percent: return numbers(99)
        case .money:
            let high = spec.max ?? 9_999_999
            return numbers(9_999_999) + (high >= 1 ? [DecimalFormat.plain(high - 1) + ".50"] : [])
        case .date:
            let year = spec.example.flatMap { CivilDate(iso: $0)?.year } ?? 2026
            return (1...12).map { String(CivilDate(year: year, month: $0, day: 28)!.description) }
        case .datetime:
            let year = spec.example.flatMap { CivilDate(iso: $0.prefix(10))?.year } ?? 2026
            return (1...12).map { CivilDate(year: year, month: $0, day: 28)!.description + "T22:30" }
        }
    }

    static func worstCase(_ template: Template, language: String, channel: Channel, catalog: TemplateCatalog, country: String) -> (
        [Finding], [WorstCase]
    ) {
        guard template.hasText(language: language, channel: channel) else { return ([], []) }
        guard let facts = catalog.locales.language(code: language), ICULocale.hasData(facts.icuLocale) else { return ([], []) }
        if channel == .whatsapp, facts.whatsapp == nil { return ([], []) }
        var findings: [Finding] = []
        let source = template.fields(of: channel).first?.messages[language]
        var usedNames = Set(
            template.fields(of: channel).compactMap { $0.messages[language] }.flatMap { (try? MessageArgument.parse($0.pattern)) ?? [] }
                .map(\.name))
        if channel == .whatsapp { usedNames.formUnion((template.whatsapp?.buttons ?? []).compactMap(\.argument)) }
        let specs = template.arguments.filter { usedNames.contains($0.name) }
        let options = candidates
        var values: [String: String] = [:]
        for spec in specs {
            guard let first = options(spec, template, language).first else { continue }
            values[spec.name] = first
        }
        func render(_ values: [String: String], registrations: Bool) -> RenderedMessage? {
            do {
                return try catalog.render(
                    templateID: template.id, language: language, channel: channel, values: values, country: country,
                    options: RenderOptions(registrations: registrations))
            } catch {
                findings.append(finding(.error, template, language, source, "does not render: \(error.diagnostic.message)"))
                return nil
            }
        }
        func size(_ message: RenderedMessage) -> Int { message.sms?.units ?? message.parts.reduce(0) { $0 + $1.text.utf16.count } }
        // Every candidate of every argument renders; keep the one giving the longest message.
        for spec in specs {
            var best: (String, Int)? = nil
            for candidate in options(spec, template, language) {
                var trial = values
                trial[spec.name] = candidate
                guard let message = render(trial, registrations: false) else { return (findings, []) }
                if best == nil || size(message) > best!.1 { best = (candidate, size(message)) }
            }
            if let best { values[spec.name] = best.0 }
        }
        guard let message = render(values, registrations: true) else { return (findings, []) }
        let graphemes = (try? TextMetrics.graphemeCount(message.text)) ?? message.text.count
        func limit(_ part: String, _ bounds: (warn: Int, max: Int), _ what: String) {
            guard let text = message.parts.first(where: { $0.name == part })?.text else { return }
            let count = (try? TextMetrics.graphemeCount(text)) ?? text.count
            let at = template.fields(of: channel).first { $0.part == part }?.messages[language]
            if count > bounds.max {
                findings.append(
                    finding(.error, template, language, at, "\(what) can reach \(count) characters: the limit is \(bounds.max)"))
            } else if count > bounds.warn {
                findings.append(
                    finding(
                        .warning, template, language, at,
                        "\(what) can reach \(count) characters: beyond \(bounds.warn) it is cut on many screens"))
            }
        }
        switch channel {
        case .sms:
            if let sms = message.sms, let max = template.sms?.maxSegments, sms.segments > max {
                findings.append(
                    finding(
                        .error, template, language, source,
                        "worst case is \(sms.segments) segments (\(sms.encoding.rawValue), \(sms.units) units): max_segments is \(max)"))
            }
            if let sms = message.sms, sms.packingDisagrees {
                findings.append(
                    finding(
                        .warning, template, language, source,
                        "segment counts differ: \(sms.codeUnitSegments) packing code units, \(sms.graphemeSegments) packing whole characters"
                    ))
            }
            if let dlt = message.dlt {
                let severity: Finding.Severity = template.sms?.dlt == nil ? .warning : .error
                findings += dlt.errors.map { finding(severity, template, language, source, "DLT: \($0)") }
                findings += dlt.warnings.map { finding(.warning, template, language, source, "DLT: \($0)") }
            }
        case .whatsapp:
            if let whatsapp = message.whatsapp {
                findings += whatsapp.errors.map { finding(.error, template, language, source, "WhatsApp: \($0)") }
                findings += whatsapp.warnings.map { finding(.warning, template, language, source, "WhatsApp: \($0)") }
            }
        case .email:
            limit("subject", ChannelLimits.emailSubject, "the subject")
            limit("preheader", ChannelLimits.emailPreheader, "the preheader")
        case .push:
            limit("title", ChannelLimits.pushTitle, "the title")
            limit("body", ChannelLimits.pushBody, "the body")
            let bytes = message.parts.reduce(0) { $0 + $1.text.utf8.count }
            if bytes > ChannelLimits.pushBytes {
                findings.append(
                    finding(
                        .error, template, language, source,
                        "title and body take \(bytes) UTF-8 bytes: keep within \(ChannelLimits.pushBytes)"))
            }
        }
        return (
            findings,
            [
                WorstCase(
                    template: template.id, language: language, channel: channel, usedLanguage: message.language, graphemes: graphemes,
                    sms: message.sms)
            ]
        )
    }
}
