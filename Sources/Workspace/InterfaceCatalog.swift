import ICUKit
import Locales
import PlannerCore
import PlannerIO

/// The workspace interface's words in every language it offers, read from `locales/workspace.yaml`:
/// one ICU MessageFormat pattern per message and language, compiled once through the same
/// ``ICUMessageFormat`` the campaign templates use, so plurals and numbers follow each language's
/// CLDR rules (`hi_IN`: "1 पंक्ति", "2 पंक्तियाँ").
///
/// Loading checks the file the way `templates check` checks a template: every message the code
/// asks for has a pattern in every language, no message is unknown, each pattern parses and
/// formats, and each translation takes the same arguments, of the same kinds, as the source
/// language. A bad catalogue stops `serve` at start-up with the file, line and message named.
public struct InterfaceCatalog: Sendable {
    /// One language of the interface.
    public struct Language: Sendable, Equatable {
        /// The language code pages carry in `lang` and the switcher sends (`hi`).
        public let code: String
        /// Its name in itself, as the switcher shows it (`हिन्दी`).
        public let name: String
        /// The ICU locale its patterns are formatted in (`hi_IN`).
        public let locale: String
        /// `reviewed`, or `draft` until a native speaker has read every message.
        public let status: String
    }

    /// The catalogue file, as named in diagnostics.
    public let path: String
    /// The languages offered: the source language first, then the others by code.
    public let languages: [Language]
    /// Where the words came from (the file's `sources:`).
    public let sources: [Source]
    /// The compiled patterns: message key, then language code.
    let messages: [String: [String: ICUMessageFormat]]

    /// The source language: the one the others are translated from, and the default.
    public var source: Language { languages[0] }

    /// Reads and checks the catalogue at `path`; `required` lists every message key the code uses.
    public init(path: String, required: Set<String>) throws(Diagnostic) {
        let text = try FileBytes.readText(path)
        let file = try DataFile.decode(CatalogFile.self, yaml: text, path: path, strict: true)
        func failure(_ key: String, field: String, _ message: String, hint: String) -> Diagnostic {
            Diagnostic(path: path, line: Self.line(of: key, in: text), field: field, message: message, hint: hint)
        }
        guard let sourceEntry = file.languages[file.source] else {
            throw Diagnostic(
                path: path, field: "source", message: "the source language '\(file.source)' is not under languages:",
                hint: "list it under languages: with its locale, name and status")
        }
        let sourceIDs = Set(file.sources.map(\.id))
        for (code, entry) in file.languages {
            guard ["reviewed", "draft"].contains(entry.status) else {
                throw failure(
                    code, field: "languages.\(code).status", "status '\(entry.status)' is neither reviewed nor draft",
                    hint: "write reviewed or draft")
            }
            for id in entry.sources where !sourceIDs.contains(id) {
                throw failure(
                    code, field: "languages.\(code).sources", "the source '\(id)' is not listed under sources:",
                    hint: "add it or fix the id")
            }
        }
        let others = file.languages.keys.filter { $0 != file.source }.sorted()
        languages = ([file.source] + others).map { code in
            let entry = code == file.source ? sourceEntry : file.languages[code]!
            return Language(code: code, name: entry.name, locale: entry.locale, status: entry.status)
        }
        for key in required.sorted() where file.messages[key] == nil {
            throw Diagnostic(
                path: path, field: "messages.\(key)", message: "no text for the message '\(key)'",
                hint: "add it under messages: with a pattern per language")
        }
        var compiled: [String: [String: ICUMessageFormat]] = [:]
        for key in file.messages.keys.sorted() {
            guard required.contains(key) else {
                throw failure(
                    key, field: "messages.\(key)", "the message '\(key)' is not one the workspace shows",
                    hint: "check its spelling or remove it\(Suggestion.phrase(for: key, among: required.sorted()))")
            }
            let patterns = file.messages[key]!
            for code in patterns.keys.sorted() where file.languages[code] == nil {
                throw failure(
                    key, field: "messages.\(key).\(code)", "'\(code)' is not a language of this catalogue", hint: "list it under languages:"
                )
            }
            var formats: [String: ICUMessageFormat] = [:]
            for language in languages {
                guard let pattern = patterns[language.code] else {
                    throw failure(
                        key, field: "messages.\(key)", "no \(language.code) text for '\(key)'",
                        hint: "add \(language.code): with its pattern")
                }
                do throws(ICUError) {
                    formats[language.code] = try ICUMessageFormat(pattern, locale: language.locale, timeZone: "UTC")
                } catch {
                    throw failure(key, field: "messages.\(key).\(language.code)", "\(error)", hint: "fix the ICU MessageFormat pattern")
                }
            }
            let expected = Self.signature(formats[file.source]!)
            for language in languages.dropFirst() {
                let format = formats[language.code]!
                guard Self.signature(format) == expected else {
                    throw failure(
                        key, field: "messages.\(key).\(language.code)",
                        "the \(language.code) text takes {\(Self.describe(Self.signature(format)))}, the \(file.source) text {\(Self.describe(expected))}",
                        hint: "use the same arguments in every language")
                }
                do throws(ICUError) {
                    _ = try format.format(Self.samples(for: format))
                } catch {
                    throw failure(key, field: "messages.\(key).\(language.code)", "\(error)", hint: "fix the ICU MessageFormat pattern")
                }
            }
            compiled[key] = formats
        }
        self.path = path
        self.sources = file.sources
        self.messages = compiled
    }

    /// The language `code` names, if the catalogue has it.
    public func language(_ code: String?) -> Language? {
        languages.first { $0.code == code }
    }

    /// The language for a request: the one chosen before (its cookie), else the first of the
    /// browser's `Accept-Language` the catalogue has (by quality, then order), else the source.
    public func language(chosen: String?, acceptLanguage: String?) -> Language {
        if let chosen = language(chosen) { return chosen }
        var preferences: [(code: String, quality: Double, order: Int)] = []
        for (order, item) in (acceptLanguage ?? "").split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingASCIISpaces() }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            let primary = String(tag.split(separator: "-").first ?? "").lowercased()
            let quality = parts.dropFirst().compactMap { $0.hasPrefix("q=") ? Double($0.dropFirst(2)) : nil }.first ?? 1
            if quality > 0 { preferences.append((primary, quality, order)) }
        }
        preferences.sort { $0.quality != $1.quality ? $0.quality > $1.quality : $0.order < $1.order }
        return preferences.lazy.compactMap { language($0.code) }.first ?? source
    }

    /// The message `key` in `language`, formatted with `values`. Every key and argument was
    /// checked at load, so this fails only for a value of the wrong kind: then the source text,
    /// else the key, rather than a broken page.
    func text(_ key: String, in language: String, _ values: [String: MessageValue] = [:]) -> String {
        guard let formats = messages[key] else { return key }
        if let format = formats[language], let text = try? format.format(values) { return text }
        return (try? formats[source.code]?.format(values)) ?? key
    }

    // MARK: checking

    /// A pattern's arguments and the kind of value each takes, for comparing translations.
    static func signature(_ format: ICUMessageFormat) -> [String: MessageValue.Kind] {
        var kinds: [String: MessageValue.Kind] = [:]
        for argument in format.arguments { kinds[argument.name] = argument.expectedValue }
        return kinds
    }

    static func describe(_ signature: [String: MessageValue.Kind]) -> String {
        signature.keys.sorted().map { "\($0): \(signature[$0]!.rawValue)" }.joined(separator: ", ")
    }

    /// A value of the right kind for every argument, to prove a pattern formats.
    static func samples(for format: ICUMessageFormat) -> [String: MessageValue] {
        signature(format).mapValues { kind in
            switch kind {
            case .string: .string("x")
            case .number: .integer(2)
            case .date: .date(epochMilliseconds: 0)
            }
        }
    }

    /// The 1-based line where `key:` is first written in `text` (for diagnostics), or nil.
    static func line(of key: String, in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingASCIISpaces().hasPrefix(key + ":") {
            return index + 1
        }
        return nil
    }
}

/// `locales/workspace.yaml` as written.
private struct CatalogFile: Decodable {
    struct LanguageEntry: Decodable {
        let locale: String
        let name: String
        let status: String
        let sources: [String]
    }

    let sources: [Source]
    let source: String
    let languages: [String: LanguageEntry]
    let messages: [String: [String: String]]
}
