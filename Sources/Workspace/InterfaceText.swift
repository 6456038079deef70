import Hummingbird
import ICUKit

/// The interface's words for one request: the catalogue in the language the visitor chose (the
/// `cp_lang` cookie the language switch sets) or their browser prefers, and where they are, so the
/// switch can bring them back to the same page.
struct InterfaceText: Sendable {
    /// The cookie that remembers the chosen language.
    static let cookie = "cp_lang"

    let catalog: InterfaceCatalog
    /// The language shown.
    let language: InterfaceCatalog.Language
    /// The path and query of the page asked for (the language switch returns to it).
    let here: String

    /// The text for `request`: its cookie, else its `Accept-Language`, else the source language.
    init(_ catalog: InterfaceCatalog, request: Request) {
        self.catalog = catalog
        language = catalog.language(
            chosen: request.cookies[Self.cookie]?.value, acceptLanguage: request.headers[.acceptLanguage])
        // The start-up token never travels in a link the page writes.
        let query = request.uri.query ?? ""
        here = request.method == .get && !query.isEmpty && !query.contains("token=") ? "\(request.uri.path)?\(query)" : request.uri.path
    }

    /// The text in `language` (for tests and pages made outside a request).
    init(_ catalog: InterfaceCatalog, language: InterfaceCatalog.Language, here: String = "/") {
        self.catalog = catalog
        self.language = language
        self.here = here
    }

    /// A message without arguments.
    subscript(_ key: InterfaceKey) -> String { catalog.text(key.rawValue, in: language.code) }

    /// A message with its arguments.
    func callAsFunction(_ key: InterfaceKey, _ values: [String: MessageValue]) -> String {
        catalog.text(key.rawValue, in: language.code, values)
    }

    /// A brief field's label.
    func label(_ field: BriefField) -> String {
        catalog.text(field.labelKey, in: language.code, field.labelArguments)
    }

    /// Whether text the library writes in English (summaries, loader errors) needs `lang="en"` here.
    var isEnglish: Bool { language.code == "en" }

    /// ` lang="en"` for English text from the library on a page in another language, else nothing.
    var englishAttribute: String { isEnglish ? "" : " lang=\"en\"" }

    /// Links to every other language of the interface, each in its own language and script.
    var switcher: String {
        catalog.languages.map { other in
            if other == language { return "<strong lang=\"\(HTML.escape(other.code))\">\(HTML.escape(other.name))</strong>" }
            let link = HTML.link("/language", [("to", other.code), ("back", here)])
            return
                "<a href=\"\(link)\" lang=\"\(HTML.escape(other.code))\" hreflang=\"\(HTML.escape(other.code))\">\(HTML.escape(other.name))</a>"
        }.joined(separator: " · ")
    }
}
