import Foundation
import PlanTestSupport
import Planner
import PlannerCore
import Testing

@Suite("Plans cut by value tier")
struct ValueTierPlanTests {
    @Test(
        "the example brief with by: [region, language, value_tier] plans per tier: champions get more per customer than lapsed, with the reason among the assumptions"
    )
    func example() throws {
        let plan = try TieredExample.plan.get()
        let ids = Set(plan.segments.map(\.id))
        #expect(ids.contains("IN-DL/hi/champions") && ids.contains("IN-DL/hi/lapsed"))
        func perCustomer(_ id: String) throws -> Double {
            let segment = try #require(plan.segments.first { $0.id == id })
            let budget = plan.lines.filter { $0.segment == id }.reduce(Money.zero) { $0 + $1.budget }
            return budget.major / Double(segment.customers)
        }
        let champions = try perCustomer("IN-DL/hi/champions"), lapsed = try perCustomer("IN-DL/hi/lapsed")
        #expect(champions > lapsed, "champions \(champions) per customer, lapsed \(lapsed)")
        #expect(plan.assumptions.contains { $0.key == "activity_index" })
        #expect(plan.assumptions.first { $0.key == "segmentation.by" }?.value.hasPrefix("region, language, value_tier: ") == true)
    }

    @Test("an unknown dimension in segmentation.by is an error at its line")
    func unknownDimension() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let text = try String(contentsOfFile: root + "/examples/festive-2026.yaml", encoding: .utf8)
            .replacingOccurrences(of: "segmentation:\n", with: "segmentation:\n  by: [region, language, value_teir]\n")
        let folder = NSTemporaryDirectory() + "tier-plan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try text.write(toFile: folder + "/brief.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: Diagnostic.self) {
            _ = try PlanBuilder.build(
                PlanRequest(
                    briefPath: folder + "/brief.yaml", dataRoot: root, customers: root + "/examples/customers-festive-2026.csv",
                    rejectsPath: folder + "/rejects.csv"))
        }
        #expect(error.line == 55 && error.message.contains("did you mean 'value_tier'"))
    }
}
