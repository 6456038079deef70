import Foundation
import Planner

/// The README's example brief cut by value tier (`segmentation.by: [region, language,
/// value_tier]`), planned once for every test target that looks at it.
public enum TieredExample {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The plan, or the error planning it gave (each test that uses it reports it).
    public static let plan: Result<Plan, any Error> = Result {
        let text = try String(contentsOfFile: root + "/examples/festive-2026.yaml", encoding: .utf8)
            .replacingOccurrences(of: "segmentation:\n", with: "segmentation:\n  by: [region, language, value_tier]\n")
        let folder = NSTemporaryDirectory() + "tier-plan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try text.write(toFile: folder + "/brief.yaml", atomically: true, encoding: .utf8)
        return try PlanBuilder.build(
            PlanRequest(
                briefPath: folder + "/brief.yaml", dataRoot: root, customers: root + "/examples/customers-festive-2026.csv",
                rejectsPath: folder + "/rejects.csv"))
    }
}
