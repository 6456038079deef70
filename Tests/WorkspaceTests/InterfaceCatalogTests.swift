import Foundation
import ICUKit
import PlannerCore
import Testing

@testable import Workspace

/// The interface catalogue (`locales/workspace.yaml`): the shipped file is complete in English and
/// Hindi, formats through ICU with each language's plural rules, and a broken catalogue is refused
/// with the file, line and message named.
@Suite("Workspace interface catalogue")
struct InterfaceCatalogTests {
    static let shipped = WorkspaceRouteTests.packageRoot + "/locales/workspace.yaml"

    static func catalog(_ yaml: String) throws(Diagnostic) -> InterfaceCatalog {
        let path = NSTemporaryDirectory() + "workspace-catalog-\(UUID().uuidString).yaml"
        try? yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try InterfaceCatalog(path: path, required: ["run.made", "nav.home"])
    }

    static let header = """
        schema: 1
        sources: [{id: s, title: t}]
        source: en
        languages:
          en: {locale: en_IN, name: English, status: reviewed, sources: [s]}
          hi: {locale: hi_IN, name: हिन्दी, status: draft, sources: [s]}
        messages:

        """

    @Test("the shipped catalogue has every message the pages show in English and Hindi; Hindi is a draft with its source")
    func shipped() throws {
        let catalog = try InterfaceCatalog(path: Self.shipped, required: WorkspaceServer.interfaceKeys)
        #expect(catalog.languages.map(\.code) == ["en", "hi"])
        #expect(catalog.language("hi")?.name == "हिन्दी" && catalog.language("hi")?.status == "draft")
        #expect(catalog.sources.map(\.id) == ["workspace-en", "workspace-hi"])
        #expect(catalog.text("nav.brief", in: "hi") == "नया ब्रीफ़")
        #expect(catalog.text("field.channel.cap", in: "hi") == "ख़र्च की सीमा")
        #expect(catalog.text("field.customers.column", in: "en", ["column": .string("phone")]) == "Column for phone")
    }

    @Test("plurals follow CLDR: Hindi 'one' covers 0 and 1, English only 1; counts are grouped the Indian way")
    func plurals() throws {
        let catalog = try InterfaceCatalog(path: Self.shipped, required: WorkspaceServer.interfaceKeys)
        func made(_ n: Int, _ language: String) -> String { catalog.text("run.made", in: language, ["lines": .integer(n)]) }
        #expect(made(1, "en") == "Plan made: 1 line; files written")
        #expect(made(0, "en") == "Plan made: 0 lines; files written")
        #expect(made(0, "hi") == "प्लान बन गया: 0 पंक्ति; फ़ाइलें लिख दी गईं")
        #expect(made(1, "hi") == "प्लान बन गया: 1 पंक्ति; फ़ाइलें लिख दी गईं")
        #expect(made(2, "hi") == "प्लान बन गया: 2 पंक्तियाँ; फ़ाइलें लिख दी गईं")
        #expect(made(1_234_567, "hi") == "प्लान बन गया: 12,34,567 पंक्तियाँ; फ़ाइलें लिख दी गईं")
        let upload = catalog.text("home.upload_label", in: "hi", ["limit": .integer(256)])
        #expect(upload == "ग्राहक CSV अपलोड करें (अधिकतम 256 MiB)")
    }

    @Test("the browser's Accept-Language picks the language by quality; a chosen language wins; unknown ones fall back to English")
    func negotiation() throws {
        let catalog = try InterfaceCatalog(path: Self.shipped, required: WorkspaceServer.interfaceKeys)
        #expect(catalog.language(chosen: nil, acceptLanguage: "hi-IN,hi;q=0.9,en;q=0.8").code == "hi")
        #expect(catalog.language(chosen: nil, acceptLanguage: "ta-IN, en-GB;q=0.5, hi;q=0.7").code == "hi")
        #expect(catalog.language(chosen: nil, acceptLanguage: "en-IN;q=0.9, hi;q=0.4").code == "en")
        #expect(catalog.language(chosen: nil, acceptLanguage: "hi;q=0, ta").code == "en")
        #expect(catalog.language(chosen: "en", acceptLanguage: "hi").code == "en")
        #expect(catalog.language(chosen: "xx", acceptLanguage: nil).code == "en")
    }

    @Test("a catalogue missing a translation, with a message the pages do not show, a bad pattern or other arguments is refused")
    func refused() throws {
        let made =
            "  run.made: {en: \"{lines, plural, one {# line} other {# lines}}\", hi: \"{lines, plural, one {# पंक्ति} other {# पंक्तियाँ}}\"}\n"
        let home = "  nav.home: {en: Workspace, hi: कार्यक्षेत्र}\n"
        _ = try Self.catalog(Self.header + made + home)

        let missing = try #require(throws: Diagnostic.self) { try Self.catalog(Self.header + made + "  nav.home: {en: Workspace}\n") }
        #expect(missing.field == "messages.nav.home" && missing.line == 9 && missing.message == "no hi text for 'nav.home'")

        let absent = try #require(throws: Diagnostic.self) { try Self.catalog(Self.header + made) }
        #expect(absent.field == "messages.nav.home" && absent.message == "no text for the message 'nav.home'")

        let unknown = try #require(throws: Diagnostic.self) {
            try Self.catalog(Self.header + made + home + "  nav.hom: {en: x, hi: y}\n")
        }
        #expect(unknown.field == "messages.nav.hom" && unknown.line == 10 && unknown.message.contains("not one the workspace shows"))
        #expect(unknown.hint?.contains("nav.home") == true)

        let arguments = try #require(throws: Diagnostic.self) {
            try Self.catalog(Self.header + "  run.made: {en: \"{lines} lines\", hi: \"{count} पंक्तियाँ\"}\n" + home)
        }
        #expect(arguments.field == "messages.run.made.hi")
        #expect(arguments.message == "the hi text takes {count: text}, the en text {lines: text}")

        let syntax = try #require(throws: Diagnostic.self) {
            try Self.catalog(Self.header + "  run.made: {en: \"{lines, plural, one {# line}\", hi: x}\n" + home)
        }
        #expect(syntax.field == "messages.run.made.en" && syntax.line == 8)

        let status = try #require(throws: Diagnostic.self) {
            try Self.catalog(Self.header.replacingOccurrences(of: "status: draft", with: "status: done") + made + home)
        }
        #expect(status.field == "languages.hi.status")
    }
}
