import Foundation
import Locales
import Messages
import Testing

@Suite("templates check")
struct CheckerTests {
    static let shippedOffer = try! String(contentsOfFile: Shipped.root + "/templates/festive-offer.yaml", encoding: .utf8)

    func check(_ files: [String: String]) throws -> CheckReport {
        TemplateChecker.check(directory: try Shipped.folder(files), locales: Shipped.locales)
    }

    @Test("the shipped templates pass with no errors")
    func shipped() {
        let report = TemplateChecker.check(directory: Shipped.root + "/templates", locales: Shipped.locales)
        #expect(report.errors.map(\.description) == [])
        #expect(report.templates.count >= 1)
    }

    @Test("one language dropping an argument fails, naming the argument and the language")
    func dropped() throws {
        let hindi = "{deadline, date, ::dMMMM} तक {min_order} से ऊपर के ऑर्डर पर {discount, number, ::percent} छूट।"
        let broken = Self.shippedOffer.replacingOccurrences(of: hindi, with: "{deadline, date, ::dMMMM} तक {min_order} से ऊपर के ऑर्डर पर छूट।")
        #expect(broken != Self.shippedOffer)
        let report = try check(["festive-offer.yaml": broken])
        let errors = report.errors.filter { $0.language == "hi" }
        #expect(errors.contains { $0.message.contains("argument 'discount' is missing") && $0.field == "channels.sms.text.hi" })
        #expect(errors.allSatisfy { $0.line != nil })
    }

    @Test("one language misspelling an argument fails, naming the misspelt name and the language")
    func misspelt() throws {
        let broken = Self.shippedOffer.replacingOccurrences(of: "{min_order} से ऊपर", with: "{min_ordr} से ऊपर")
        let report = try check(["festive-offer.yaml": broken])
        let messages = report.errors.filter { $0.language == "hi" }.map(\.message)
        #expect(messages.contains { $0.contains("'min_ordr' is not in the en text") })
        #expect(messages.contains { $0.contains("'min_ordr' is not declared") })
    }

    @Test("an ICU syntax error names file, line, language and offset")
    func syntax() throws {
        let text = Shipped.template(
            arguments: "  name: {type: string, bind: recipient}",
            sms: ["en": "Hi {na!me} BRAND", "hi": "नमस्ते {name} BRAND"])
        let report = try check(["probe.yaml": text])
        let error = try #require(report.errors.first)
        #expect(error.language == "en")
        #expect(error.line == 14)  // the line of the en message in the file Shipped.template writes
        #expect(error.message.contains("syntax error at offset 4"))  // ICU points at the bad name "na!me"
        #expect(error.column == 16)  // the quote at column 11, then "Hi {"
        #expect(error.description.hasSuffix("probe.yaml:14:\(error.column!): error: channels.sms.text.en: [en] " + error.message))
    }

    @Test("plural categories per the running ICU: Santali needs 'two', Konkani (no CLDR rules) needs =1, 'few' is unreachable in English")
    func plurals() throws {
        let arguments = "  days: {type: number, bind: campaign, min: 1, max: 30}"
        let text = Shipped.template(
            arguments: arguments,
            sms: [
                "en": "BRAND: {days, plural, one {# day} few {# days} other {# days}} left",
                "sat": "BRAND: {days, plural, one {# ᱫᱤᱱ} other {# ᱫᱤᱱ}}",
                "kok": "BRAND: {days, plural, other {# दीस}}",
                "hi": "BRAND: {days, plural, one {# दिन} other {# दिन}} बाकी",
            ])
        let report = try check(["probe.yaml": text])
        #expect(report.errors.contains { $0.language == "sat" && $0.message.contains("lacks the 'two' branch") })
        #expect(report.errors.contains { $0.language == "kok" && $0.message.contains("explicit =1") })
        #expect(report.warnings.contains { $0.language == "en" && $0.message.contains("'few' is never chosen") })
        #expect(!report.findings.contains { $0.language == "hi" })
    }

    @Test("Hindi-type rules put 0 in 'one': a count that can be 0 without =0 is a warning")
    func zeroIsOne() throws {
        let text = Shipped.template(
            arguments: "  left: {type: number, bind: campaign, min: 0, max: 9}",
            sms: [
                "en": "BRAND: {left, plural, =0 {none} one {# left} other {# left}}",
                "hi": "BRAND: {left, plural, one {# बचा} other {# बचे}}",
            ])
        let report = try check(["probe.yaml": text])
        #expect(report.warnings.contains { $0.language == "hi" && $0.message.contains("0 takes the 'one' branch") })
    }

    @Test("DLT rules: adjacent variables, the brand missing, a recipient value deciding a branch")
    func dlt() throws {
        let text = Shipped.template(
            arguments: """
                  first: {type: string, bind: recipient, max_length: 15}
                  last: {type: string, bind: recipient, max_length: 15}
                  kind: {type: enum, values: [veg, other], bind: recipient}
                """,
            sms: ["en": "Dear {first} {last}, {kind, select, veg {veg thali} other {thali}} is ready. Order now at our store today."],
            brand: "FOODCO")
        let report = try check(["probe.yaml": text])
        let messages = report.findings.map(\.message)
        #expect(messages.contains { $0.contains("recipient argument 'kind' decides a branch") })
        // Without the enum the registration is built and checked.
        let plain = Shipped.template(
            arguments: """
                  first: {type: string, bind: recipient, max_length: 15}
                  last: {type: string, bind: recipient, max_length: 15}
                """,
            sms: ["en": "Dear {first} {last}, your thali is ready. Order now at our store today."], brand: "FOODCO")
        let second = try check(["probe.yaml": plain])
        let found = second.findings.map(\.message)
        #expect(found.contains { $0.contains("variables {first} and {last} are adjacent") })
        #expect(found.contains { $0.contains("the brand 'FOODCO' is not in the fixed text") })
    }

    @Test("a malformed file is one error with its line, and the other files are still checked")
    func malformed() throws {
        let report = try check(["broken.yaml": "id: broken\nfestival: [\n", "festive-offer.yaml": Self.shippedOffer])
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.path.hasSuffix("broken.yaml") == true)
        #expect(report.errors.first?.line != nil)
        #expect(report.worstCases.contains { $0.template == "festive-offer" })
    }
}
