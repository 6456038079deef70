import Export
import Foundation
import Planner
import PlannerCore
import PlannerIO
import Testing
import Workbook
import WorkbookTestSupport

@Suite("Plan exports agree with each other")
struct PlanExportTests {
    let plan = PlanFixture.plan

    func jsonObject() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(plan.canonicalJSON.utf8)) as? [String: Any])
    }

    @Test("plan.json is canonical: same plan, same bytes; money with two decimals")
    func json() throws {
        #expect(plan.canonicalJSON == PlanFixture.plan.canonicalJSON)
        let text = plan.canonicalJSON
        #expect(text.contains("\"budget\": 123456.78"))
        #expect(text.hasPrefix("{\n  \"schema_version\": 1,"))
        let totals = try #require(try jsonObject()["totals"] as? [String: Any])
        #expect((totals["allocated"] as? Double) == 1_608_024.0)
    }

    @Test("line budgets sum to the allocated total and allocated plus unspent is the budget, to the paisa")
    func reconcile() {
        let sum = plan.lines.map(\.budget).reduce(Money.zero, +)
        #expect(sum == plan.totals.allocated)
        #expect(plan.totals.allocated + plan.totals.unspent == plan.budget)
        let csv = TableCSV.render(PlanTables.make(plan).first { $0.title == "Allocation" }!)
        let budgets = csv.split(separator: "\n").dropFirst().map { Money(major: Double($0.split(separator: ",")[6])!) }
        #expect(budgets.reduce(Money.zero, +) == plan.totals.allocated)
    }

    @Test("the report shows lakh-grouped rupees and the certificate")
    func report() throws {
        let report = try PlanReport(plan)
        #expect(report.markdown.contains("| Allocated | ₹16,08,024 |"))
        #expect(report.markdown.contains("exactBudget"))
        #expect(report.markdown.contains("\\=no WhatsApp") == false)
        #expect(report.charts.map(\.name) == ["budget-by-festival.svg", "budget-by-channel.svg", "calendar.svg"])
    }

    @Test("the workbook opened in LibreOffice shows the same values and formula results as plan.json")
    func workbookInLibreOffice() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        let written = try PlanExport.write(plan, to: directory.path, formats: [.xlsx, .json])
        #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["plan.json", "plan.xlsx"])
        let names = PlanTables.make(plan).map(\.title)
        let sheets = try LibreOffice.sheets(of: directory.appendingPathComponent("plan.xlsx"), names: names)
        let allocation = try #require(sheets["Allocation"])
        let json = try jsonObject()
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(allocation.count == lines.count + 2)  // header, lines, totals
        for (row, line) in zip(allocation.dropFirst(), lines) {
            #expect(row[0] == line["id"] as? String)
            #expect(Double(row[6]) == line["budget"] as? Double)
            #expect(Int(row[7]) == line["messages"] as? Int)
        }
        let totals = try #require(allocation.last)
        #expect(totals[0] == "Total")
        // The SUM formula recomputed by LibreOffice equals the allocated total in plan.json.
        let allocated = try #require((json["totals"] as? [String: Any])?["allocated"] as? Double)
        #expect(abs(Double(totals[6])! - allocated) < 0.005)
        let messages = try #require(sheets["Messages"])
        #expect(messages[1].last == "শুভ দুর্গাপূজা! ২০% ছাড়")
        #expect(messages[2].last == "தீபாவளி வாழ்த்துகள்! +20% off")
        let excluded = try #require(sheets["Excluded"])
        #expect(excluded[1][3] == "=no WhatsApp template in ta and no fallback")  // stored as text, not a formula
        let segments = try #require(sheets["Segments"])
        #expect(segments[2][2] == "தமிழ்நாடு")
        let summary = try #require(sheets["Summary"])
        #expect(summary.first { $0.first == "Period start" }?[1] == "2026-10-01")
    }

    @Test("the workbook prints well: landscape, a page wide, header on every page, the plan's name in the footer; Summary on one page")
    func printLayout() {
        let workbook = PlanWorkbook.make(plan)
        #expect(workbook.title == plan.name)
        #expect(workbook.sheets.map(\.name) == ["Summary", "Assumptions", "Segments", "Allocation", "Calendar", "Messages", "Excluded"])
        for sheet in workbook.sheets {
            #expect(sheet.page.orientation == .landscape && sheet.page.pagesWide == 1 && sheet.page.repeatHeaderRow && sheet.freezeHeader)
            // The summary, a list of facts, fits one page; the tables run as many pages down as they need.
            #expect(sheet.page.pagesTall == (sheet.name == "Summary" ? 1 : 0))
            #expect(sheet.autoFilter == (sheet.name != "Summary"))
        }
        // The summary's values sit at the left, beside their labels.
        #expect(workbook.sheets[0].columns.map(\.leftAligned) == [false, true])
    }

    @Test("amounts in the plan's currency: lakh/crore rupees for INR, the currency's code otherwise; counts grouped to match")
    func currencyStyles() {
        #expect(TableSheet.style(of: .money(Money(major: 1)), currency: "INR") == .inrLakh)
        #expect(TableSheet.style(of: .money(Money(major: 1)), currency: "MYR") == .money(currency: "MYR"))
        #expect(TableSheet.style(of: .count(1), currency: "INR") == .indianInteger)
        #expect(TableSheet.style(of: .count(1), currency: "MYR") == .integer)
    }

    @Test("a PDF asked for without LibreOffice: the typed error, and nothing written")
    func pdfWithoutLibreOffice() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)").path
        #expect(throws: ConversionError.notInstalled) {
            try PlanExport.write(plan, to: directory, formats: [.json, .pdf], using: OfficeConverter(searchPath: "/nonexistent"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
