import ICUKit
import Locales
import PlannerCore
import PlannerIO
import Synchronization

/// Every template in `templates/`, loaded and checked for structure and ICU syntax, with the
/// `locales/` catalog they format against. Renders messages and answers whether a template can be
/// sent in a language on a channel.
///
/// ```swift
/// let locales = try LocaleCatalog(directory: "locales", countries: ["IN"])
/// let catalog = try TemplateCatalog(directory: "templates", locales: locales)
/// let message = try catalog.render(templateID: "festive-offer", language: "ta", channel: .sms,
///                                  values: ["name": "Asha", ...])
/// message.sms?.segments  // 2
/// ```
public struct TemplateCatalog: Sendable {
    /// The `templates/` folder read, as given.
    public let directory: String
    /// The locale catalog messages format against (languages, fallbacks, number policy).
    public let locales: LocaleCatalog
    /// Templates sorted by id.
    public let templates: [Template]
    let compiled: MessageCache
    /// ICU locales with data of their own (not root), checked once.
    let localesWithData: Set<String>

    /// Loads every `*.yaml` in `directory`. The first problem (YAML, structure, an ICU syntax
    /// error) is thrown as a ``Diagnostic`` with the file, line and field; `templates check` lists
    /// all of them instead.
    public init(directory: String, locales: LocaleCatalog) throws(Diagnostic) {
        var templates: [Template] = []
        for name in try DirectoryListing.files(in: directory).sorted() where name.hasSuffix(".yaml") {
            let template = try Template.load(path: "\(directory)/\(name)", locales: locales)
            if let problem = TemplateChecker.syntaxProblems(in: template).first { throw problem.diagnostic }
            templates.append(template)
        }
        try self.init(directory: directory, locales: locales, templates: templates)
    }

    /// A catalog of templates already loaded (tests, tools).
    public init(directory: String, locales: LocaleCatalog, templates: [Template]) throws(Diagnostic) {
        var seen = Set<String>()
        for template in templates where !seen.insert(template.id).inserted {
            throw Diagnostic(path: template.path, field: "id", message: "template id '\(template.id)' is used twice")
        }
        self.directory = directory
        self.locales = locales
        self.templates = templates.sorted { $0.id < $1.id }
        self.compiled = MessageCache()
        self.localesWithData = Set(locales.languages.map(\.icuLocale).filter(ICULocale.hasData))
    }

    /// The template with this id.
    public func template(id: String) -> Template? { templates.first { $0.id == id } }

    /// The template with this id, or an error listing the known ones.
    public func requireTemplate(id: String) throws(MessageError) -> Template {
        guard let template = template(id: id) else { throw .unknownTemplate(id: id, known: templates.map(\.id)) }
        return template
    }

    /// Can `templateID` be sent to readers of `language` on `channel`, directly or through a
    /// fallback? The answer says which language's text is used and why.
    public func availability(templateID: String, language: String, channel: Channel) throws(MessageError) -> Availability {
        let template = try requireTemplate(id: templateID)
        guard let wanted = locales.language(named: language) else { throw .file(locales.unknownLanguage(language)) }
        return resolve(template, language: wanted, channel: channel)
    }

    /// The fallback chain for `language` in `template`: exactly the template's own chain if it
    /// declares one for the language (`ta: []` means "no fallback": a Tamil reader is never sent
    /// another language's text); else the language's chain from `locales/`, the template's
    /// `default` chain, then the template's source language.
    public func fallbackChain(_ template: Template, language: String) -> [String] {
        var chain: [String]
        if let explicit = template.fallback[language] {
            chain = explicit
        } else {
            chain = locales.language(code: language)?.fallback ?? []
            if let defaults = template.fallback["default"] { chain += defaults }
            chain.append(template.source)
        }
        var seen: Set<String> = [language]
        return chain.filter { seen.insert($0).inserted }
    }

    func resolve(_ template: Template, language: Language, channel: Channel) -> Availability {
        guard !template.fields(of: channel).isEmpty else {
            return .unavailable(reason: "the template has no \(channel.rawValue) message")
        }
        var skipped: [String] = []
        for code in [language.code] + fallbackChain(template, language: language.code) {
            guard let candidate = locales.language(code: code) else { continue }
            guard template.hasText(language: code, channel: channel) else {
                skipped.append("no \(channel.rawValue) text in \(code)")
                continue
            }
            guard localesWithData.contains(candidate.icuLocale) else {
                skipped.append("ICU has no data for \(candidate.icuLocale) (it would fall back to root)")
                continue
            }
            if channel == .whatsapp, candidate.whatsapp == nil {
                skipped.append("WhatsApp does not support \(code) templates")
                continue
            }
            if code == language.code { return .direct(language: code) }
            return .fallback(from: language.code, to: code, reason: skipped.joined(separator: "; "))
        }
        return .unavailable(reason: skipped.joined(separator: "; "))
    }
}

/// Whether a template can reach readers of a language on a channel.
public enum Availability: Hashable, Sendable {
    /// The language's own text.
    case direct(language: String)
    /// Another language's text, with why the wanted one was skipped.
    case fallback(from: String, to: String, reason: String)
    /// Not at all, with why.
    case unavailable(reason: String)

    /// The language whose text is sent, if any.
    public var language: String? {
        switch self {
        case .direct(let code): code
        case .fallback(_, let code, _): code
        case .unavailable: nil
        }
    }
}

/// Compiled ICU messages by (template, field, language, locale, zone): a process-wide cache.
final class MessageCache: Sendable {
    private let cache = Mutex<[String: ICUMessageFormat]>([:])

    func message(_ key: String, make: () throws(ICUError) -> ICUMessageFormat) throws(ICUError) -> ICUMessageFormat {
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let made = try make()
        return cache.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = made
            return made
        }
    }
}
