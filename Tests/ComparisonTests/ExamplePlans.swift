import Comparison
import Export
import Foundation
import Planner
import PlannerCore
import PlannerIO

/// Plans made in-process from the README's example brief (examples/festive-2026.yaml) and from
/// copies with one field changed, written as plan.json and read back, as `compare` reads them.
enum ExamplePlans {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The example brief with `original` replaced by `replacement`, planned and read back.
    static func plan(_ original: String = "", _ replacement: String = "", name: String) throws -> PlanFile {
        try PlanFile.parse(Array(json(original, replacement).utf8), path: "\(name)/plan.json")
    }

    /// The plan.json text of the example brief with `original` replaced by `replacement`.
    static func json(_ original: String = "", _ replacement: String = "") throws -> String {
        let brief = try String(contentsOfFile: "\(root)/examples/festive-2026.yaml", encoding: .utf8)
        let changed = original.isEmpty ? brief : brief.replacingOccurrences(of: original, with: replacement)
        precondition(original.isEmpty || changed != brief, "\(original) is not in the example brief")
        let folder = NSTemporaryDirectory() + "compare-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try changed.write(toFile: "\(folder)/brief.yaml", atomically: true, encoding: .utf8)
        let plan = try PlanBuilder.build(
            PlanRequest(
                briefPath: "\(folder)/brief.yaml", dataRoot: root, customers: "\(root)/examples/customers-festive-2026.csv",
                today: CivilDate(year: 2026, month: 10, day: 1)!))
        return plan.canonicalJSON
    }

    /// The example as written (budget ₹40,000: it allocates ₹39,999.75; the last rupee returns
    /// 1.0132, just above the floor of 1 rupee per rupee).
    static let baseJSON = try! json()
    static let base = try! PlanFile.parse(Array(baseJSON.utf8), path: "base/plan.json")
    /// The same brief at 10 % more budget (₹44,000).
    static let moreBudget = try! plan("budget: 40000 ", "budget: 44000 ", name: "more")
    /// A budget cut to ₹25,000, below what the base allocates: lines lose money.
    static let cut = try! plan("budget: 40000 ", "budget: 25000 ", name: "cut")
    /// SMS at ₹0.10 a segment instead of ₹0.12: SMS lines gain money.
    static let cheaperSMS = try! plan("cost_per_message: 0.12 ", "cost_per_message: 0.10 ", name: "sms")
}
