import Foundation
import Locales
import PlannerCore
import PlannerIO
import Segments

/// Shared fixtures: the real `locales/` data and temporary files.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let catalog = try! LocaleCatalog(directory: root + "/locales", countries: ["IN", "MY"])
    static let india = catalog.country(code: "IN")!
    static let asOf = CivilDate(year: 2026, month: 10, day: 1)!

    static func file(_ text: String) throws -> String { try file(Array(text.utf8)) }

    static func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "segments-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func reader(_ mapping: ColumnMapping = .automatic, workers: Int = 2, chunk: Int = 8 << 20) throws -> SegmentReader {
        var reader = try SegmentReader(catalog: catalog, country: "IN", mapping: mapping, asOf: asOf)
        reader.workers = workers
        reader.chunkBytes = chunk
        return reader
    }
}
