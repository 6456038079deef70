import Foundation
import Locales
import Messages

/// The shipped data, loaded once.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let locales = try! LocaleCatalog(directory: root + "/locales", countries: ["IN", "MY"])
    static let catalog = try! TemplateCatalog(directory: root + "/templates", locales: locales)

    /// A temporary templates folder holding `files` (name → YAML).
    static func folder(_ files: [String: String]) throws -> String {
        let directory = NSTemporaryDirectory() + "templates-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8) }
        return directory
    }

    /// A small template with one SMS message per language given.
    static func template(id: String = "probe", arguments: String, sms: [String: String], brand: String = "BRAND") -> String {
        let languages = sms.keys.sorted().map { "  \($0): {status: draft}" }.joined(separator: "\n")
        let texts = sms.keys.sorted().map { "      \($0): \"\(sms[$0]!)\"" }.joined(separator: "\n")
        return """
            id: \(id)
            festival: none
            brand: \(brand)
            source: \(sms.keys.contains("en") ? "en" : sms.keys.sorted()[0])
            languages:
            \(languages)
            arguments:
            \(arguments)
            channels:
              sms:
                category: promotional
                text:
            \(texts)

            """
    }
}
