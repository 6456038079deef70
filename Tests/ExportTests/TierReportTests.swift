import Export
import Foundation
import Planner
import PlannerCore
import Testing

@Suite("The report of a plan cut by value tier")
struct TierReportTests {
    @Test("report.md explains each tier's budget: champions' value and activity indices above lapsed customers'")
    func tiers() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let text = try String(contentsOfFile: root + "/examples/festive-2026.yaml", encoding: .utf8)
            .replacingOccurrences(of: "segmentation:\n", with: "segmentation:\n  by: [region, language, value_tier]\n")
        let folder = NSTemporaryDirectory() + "tier-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try text.write(toFile: folder + "/brief.yaml", atomically: true, encoding: .utf8)
        let plan = try PlanBuilder.build(
            PlanRequest(
                briefPath: folder + "/brief.yaml", dataRoot: root, customers: root + "/examples/customers-festive-2026.csv",
                rejectsPath: folder + "/rejects.csv"))
        let markdown = try PlanReport(plan).markdown
        #expect(markdown.contains("## Value tiers\n\nSegments are cut by region, language, value_tier. "))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| IN-DL/hi/") }
        func cells(_ tier: String) throws -> [String] {
            let row = try #require(rows.first { $0.hasPrefix("| IN-DL/hi/\(tier) |") })
            return row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        // Columns: segment, customers, mean spend, value index, active 90 d, activity index, budget, per customer.
        let champions = try cells("champions"), lapsed = try cells("lapsed")
        #expect(Double(champions[3])! > Double(lapsed[3])!)
        #expect(Double(champions[5])! > Double(lapsed[5])!)
        // Lapsed customers (recency score 1-2) ordered more than 90 days ago: none active, the index floor.
        #expect(lapsed[4] == "0.0 %" && lapsed[5] == "0.25")
        // Without by, the report has no such section.
        let plain = try PlanBuilder.build(
            PlanRequest(briefPath: root + "/examples/festive-2026.yaml", dataRoot: root, rejectsPath: folder + "/rejects2.csv"))
        #expect(!(try PlanReport(plain).markdown.contains("## Value tiers")))
    }
}
