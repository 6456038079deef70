import Foundation
import Locales
import Testing

@Suite("campaign-planner templates check and render")
struct MessagesCommandTests {
    /// A data folder with the shipped locales and the given templates.
    func dataFolder(_ templates: [String: String]) throws -> String {
        let directory = NSTemporaryDirectory() + "data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/templates", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/locales", withDestinationPath: CLI.packageRoot + "/locales")
        try FileManager.default.createSymbolicLink(atPath: directory + "/calendars", withDestinationPath: CLI.packageRoot + "/calendars")
        for (name, text) in templates { try text.write(toFile: "\(directory)/templates/\(name)", atomically: true, encoding: .utf8) }
        return directory
    }

    static let offer = try! String(contentsOfFile: CLI.packageRoot + "/templates/festive-offer.yaml", encoding: .utf8)
    static let values = [
        "--set", "name=Asha", "--set", "discount=20", "--set", "min_order=499", "--set", "deadline=2026-11-08", "--set",
        "url=https://fdco.in/d/AB12CD",
    ]

    @Test("templates check passes on the shipped templates")
    func shipped() throws {
        let result = try CLI.run(["templates", "check"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(", 0 errors,"))
    }

    @Test("templates check fails on a copy where Hindi drops an argument, naming it and the language")
    func dropped() throws {
        let broken = Self.offer.replacingOccurrences(of: "पर {discount, number, ::percent} छूट।", with: "पर छूट।")
        let folder = try dataFolder(["festive-offer.yaml": broken])
        let result = try CLI.run(["templates", "check", "--data", folder])
        #expect(result.status == 65)
        #expect(result.stderr.contains("[hi] argument 'discount' is missing"))
    }

    @Test("templates check names a festival id the calendar does not have")
    func unknownFestival() throws {
        let folder = try dataFolder([
            "festive-offer.yaml": Self.offer.replacingOccurrences(of: "festival: diwali", with: "festival: diwalli")
        ])
        let result = try CLI.run(["templates", "check", "--data", folder])
        #expect(result.status == 65)
        #expect(result.stderr.contains("festive-offer.yaml:6:"))
        #expect(result.stderr.contains("unknown festival 'diwalli' (not in calendars/IN.yaml)"))
    }

    @Test("render --format json has every field")
    func json() throws {
        let result = try CLI.run(["render", "festive-offer", "--language", "en", "--format", "json"] + Self.values)
        #expect(result.status == 0)
        for field in [
            "template", "language", "locale", "fallback_from", "channel", "text", "encoding", "units", "segments", "non_gsm", "cost",
            "dlt_text", "whatsapp", "warnings",
        ] {
            #expect(result.stdout.contains("\"\(field)\": "))
        }
        #expect(result.stdout.contains("\"encoding\": \"GSM-7\""))
        #expect(result.stdout.contains("\"cost\": 0.2000"))
    }

    @Test(
        "a missing argument, an unknown template or language: one clear error line, exit 64",
        arguments: [
            (["render", "festive-offer", "--language", "hi", "--set", "name=Asha"], "missing argument"),
            (["render", "no-such-template", "--language", "hi"], "unknown template 'no-such-template'"),
            (["render", "festive-offer", "--language", "xx"], "unknown language 'xx'"),
        ])
    func usage(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(message))
    }

    @Test("a malformed template file: one error naming file and line, exit 65")
    func malformed() throws {
        let folder = try dataFolder([
            "festive-offer.yaml": Self.offer.replacingOccurrences(of: "category: promotional", with: "category: spam")
        ])
        let result = try CLI.run(["render", "festive-offer", "--language", "en", "--data", folder] + Self.values)
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("templates/festive-offer.yaml:"))
        #expect(result.stderr.contains("channels.sms.category"))
    }
}
