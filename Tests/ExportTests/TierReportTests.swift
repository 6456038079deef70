import Export
import Foundation
import PlanTestSupport
import Planner
import PlannerCore
import Testing

@Suite("The report of a plan cut by value tier")
struct TierReportTests {
    @Test("report.md explains each tier's budget: champions' value and activity indices above lapsed customers'")
    func tiers() throws {
        let plan = try TieredExample.plan.get()
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
        let root = TieredExample.root, rejects = NSTemporaryDirectory() + "tier-report-\(UUID().uuidString).rejects.csv"
        defer { try? FileManager.default.removeItem(atPath: rejects) }
        let plain = try PlanBuilder.build(
            PlanRequest(briefPath: root + "/examples/festive-2026.yaml", dataRoot: root, rejectsPath: rejects))
        #expect(!(try PlanReport(plain).markdown.contains("## Value tiers")))
    }
}
