import Foundation
import Testing
import WorkbookTestSupport

@Suite("campaign-planner compare", .serialized)
struct CompareCommandTests {
    /// Runs `plan` on the example brief with `original` replaced (nothing: as written) and returns plan.json's path.
    static func plan(_ original: String = "", _ replacement: String = "") throws -> String {
        let folder = NSTemporaryDirectory() + "compare-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let brief = try String(contentsOfFile: CLI.packageRoot + "/examples/festive-2026.yaml", encoding: .utf8)
        let changed = original.isEmpty ? brief : brief.replacingOccurrences(of: original, with: replacement)
        #expect(original.isEmpty || changed != brief)
        try changed.write(toFile: "\(folder)/brief.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "plan", "\(folder)/brief.yaml", "--customers", "examples/customers-festive-2026.csv", "--out", "\(folder)/out", "--format",
            "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return "\(folder)/out/plan.json"
    }

    @Test("the example at 10 % more budget: the bridge is all budget; the CSV header for --by region is exact")
    func moreBudget() throws {
        let base = try Self.plan(), more = try Self.plan("budget: 40000 ", "budget: 44000 ")
        let json = try CLI.run(["compare", base, more, "--by", "region", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let review = try #require((object["reviews"] as? [[String: Any]])?.first)
        let bridge = try #require(review["bridge"] as? [String: Any])
        let steps = try #require(bridge["steps"] as? [[String: Any]])
        #expect(steps.count == 1)
        #expect(steps.first?["driver"] as? String == "budget")
        #expect(steps.first?["amount"] as? Double == 4000)
        #expect(bridge["start"] as? Double == 40000 && bridge["end"] as? Double == 44000)

        let csv = try CLI.run(["compare", base, more, "--by", "region", "--format", "csv"])
        #expect(
            csv.stdout.hasPrefix("region,base_budget,other_budget,delta,delta_pct,base_conversions,other_conversions,base_roi,other_roi\n"))
        let table = try CLI.run(["compare", base, more])
        // Measured with `plan` (since language imputation hashes ids by MD5): the base already spends all
        // it can above the floor of one rupee per rupee (39975.59, 24.41 unspent), so the extra 4000 stays
        // unspent too; the bridge still shows the whole budget change as one step.
        #expect(table.stdout.contains("Budget        +4000.00  1      budget 40000.00 → 44000.00"), "\(table.stdout)")
        let same = try CLI.run(["compare", base, base, "--by", "line"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("No changes: same brief fields, same lines, same budgets."))
    }

    @Test("the XLSX's Changes sheet, recalculated by LibreOffice, equals the CSV; the bridge's end is the other budget")
    func workbook() throws {
        let base = try Self.plan(), cut = try Self.plan("budget: 40000 ", "budget: 25000 ")
        let folder = NSTemporaryDirectory() + "compare-xlsx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let xlsx = try CLI.run(["compare", base, cut, "--by", "festival", "--format", "xlsx", "--out", "\(folder)/review.xlsx"])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let csv = try CLI.run(["compare", base, cut, "--by", "festival", "--format", "csv"]).stdout
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let sheets = try LibreOffice.sheets(of: URL(fileURLWithPath: "\(folder)/review.xlsx"), names: ["Changes", "Bridge"])
        let changes = try #require(sheets["Changes"])
        #expect(changes.first.map { Array($0.prefix(9)) } == rows.first)
        #expect(changes.count == rows.count + 1)  // + the totals row
        func paise(_ text: String) -> Int? { Double(text).map { Int(($0 * 100).rounded()) } }
        func share(_ text: String) -> Double? {
            text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        }
        for (sheetRow, csvRow) in zip(changes.dropFirst(), rows.dropFirst()) {
            #expect(sheetRow[0] == csvRow[0])
            for column in [1, 2, 3] { #expect(paise(sheetRow[column]) == paise(csvRow[column]), "\(csvRow[0]) column \(column)") }
            #expect(sheetRow[3] != "" && csvRow[3] != "0.00")  // every festival lost money: the delta formula is exercised
            for column in [4, 7, 8] {
                // LibreOffice writes a percentage cell as its shown text (one decimal): equal within 0.05 %.
                #expect(abs((share(sheetRow[column]) ?? .nan) - (Double(csvRow[column]) ?? .nan)) < 0.0005, "\(csvRow[0]) column \(column)")
            }
            for column in [5, 6] { #expect(abs((Double(sheetRow[column]) ?? .nan) - Double(csvRow[column])!) < 0.00005) }
        }
        // The live totals: SUM of the budgets and deltas = the CSV's sums, to the paisa.
        let totals = try #require(changes.last)
        for column in [1, 2, 3] {
            #expect(paise(totals[column]) == rows.dropFirst().compactMap { paise($0[column]) }.reduce(0, +))
        }
        // Measured with `plan`: the cut plan allocates 24999.95 (5 paise buy no whole message), the base 39975.59.
        #expect(paise(totals[3]) == 2_499_995 - 3_997_559)
        let bridge = try #require(sheets["Bridge"])
        #expect(bridge.last.map { paise($0[3]) } == 2_500_000)

        // Markdown: the chart of the largest shifts beside the report, linked from it.
        let md = try CLI.run(["compare", base, cut, "--by", "festival", "--format", "md", "--out", "\(folder)/review.md"])
        #expect(md.status == 0, "\(md.stderr)")
        let report = try String(contentsOfFile: "\(folder)/review.md", encoding: .utf8)
        #expect(report.contains("![Largest shifts by festival: other against base](shifts-other.svg)"))
        #expect(report.contains("| Budget | -15000.00 |"))
        let svg = try String(contentsOfFile: "\(folder)/shifts-other.svg", encoding: .utf8)
        #expect(svg.contains("<title>diwali ▼: −₹"))
    }

    @Test(
        "a file that is not a plan, or a plan in another currency: one error line, exit 65",
        arguments: ["not-a-plan", "dollars"])
    func refused(kind: String) throws {
        let base = try Self.plan()
        let folder = NSTemporaryDirectory() + "compare-bad-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bad = "\(folder)/bad.json"
        if kind == "dollars" {
            let text = try String(contentsOfFile: base, encoding: .utf8)
            try text.replacingOccurrences(of: "\"currency\": \"INR\"", with: "\"currency\": \"USD\"").write(
                toFile: bad, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.copyItem(atPath: CLI.packageRoot + "/examples/festive-2026.yaml", toPath: bad)
        }
        let result = try CLI.run(["compare", base, bad])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        let expected =
            kind == "dollars"
            ? "\(bad): error: currency: this plan is in USD but the base plan \(base) is in INR" : "\(bad): error: not a campaign plan"
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    }

    @Test("xlsx without --out, or one plan only, is a usage error (exit 64)")
    func usage() throws {
        #expect(try CLI.run(["compare", "a.json", "b.json", "--format", "xlsx"]).status == 64)
        #expect(try CLI.run(["compare", "a.json"]).status == 64)
    }
}
