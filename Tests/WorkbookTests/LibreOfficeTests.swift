import Foundation
import PlannerCore
import Testing
import Workbook
import WorkbookTestSupport

/// Opens the fixture workbook in real LibreOffice (headless) and reads every sheet back as CSV:
/// once with raw values (the plan acceptance test's filter options) and once as shown (number
/// formats applied), both with formulas recalculated by LibreOffice.
@Suite("LibreOffice reads back values, recalculated formulas, Indic text, dates and lakh formats")
struct LibreOfficeTests {
    static let names = ["Budget lines", "Formats", "Recalc 'now' ok"]

    /// Both conversions, run at the same time (each has its own profile).
    static let converted: Result<(raw: [String: [[String]]], shown: [String: [[String]]]), any Error> = {
        Result {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let xlsx = directory.appendingPathComponent("fixture.xlsx")
            try Fixture.workbook().write(to: xlsx.path)
            nonisolated(unsafe) var shown: Result<[String: [[String]]], any Error> = .success([:])
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                shown = Result { try LibreOffice.sheets(of: xlsx, names: names, asShown: true) }
            }
            let raw = try LibreOffice.sheets(of: xlsx, names: names, asShown: false)
            group.wait()
            return (raw, try shown.get())
        }
    }()

    func number(_ text: String) throws -> Double {
        if text.hasSuffix("%") { return try #require(Double(text.dropLast())) / 100 }
        return try #require(Double(text), "not a plain number: \(text)")
    }

    @Test("text (Tamil, Bengali, Urdu, formula-looking, XML-special) reads back exactly and stays text")
    func text() throws {
        let rows = try #require(try Self.converted.get().raw["Budget lines"])
        #expect(rows.first == ["Segment", "Message", "Start", "End", "Audience", "Budget", "Share", "Days"])
        try #require(rows.count == Fixture.lines.count + 2)
        for (i, line) in Fixture.lines.enumerated() {
            let expected = line.0 == Fixture.special ? Fixture.specialRead : line.0
            #expect(rows[i + 1][0] == expected)
            #expect(rows[i + 1][1] == line.1)
        }
        // The injection string is shown as typed, not evaluated (a HYPERLINK would show "click").
        #expect(rows[4][0] == Fixture.injection)
        #expect(rows[5][0] == "-5% off" && rows[5][1] == "@everyone" && rows[4][1] == "+91 98765 43210")
    }

    @Test("numbers are numbers, dates are dates, and LibreOffice's recalculated formulas equal the cached values")
    func valuesAndFormulas() throws {
        let rows = try #require(try Self.converted.get().raw["Budget lines"])
        try #require(rows.count == Fixture.lines.count + 2)
        for (i, line) in Fixture.lines.enumerated() {
            let row = rows[i + 1]
            #expect(row[2] == line.2.description && row[3] == line.3.description)
            #expect(try number(row[4]) == line.4)
            #expect(try number(row[5]) == line.5)
            #expect(abs(try number(row[6]) - line.5 / Fixture.budgetTotal) < 1e-12)
            // End minus start in days: only true date serials subtract to this.
            #expect(try number(row[7]) == Double(line.2.dayNumber.distance(to: line.3.dayNumber)))
        }
        #expect(rows[2][7] == "10")  // 2026-10-10 to 2026-10-20
        let totals = rows[Fixture.lines.count + 1]
        #expect(totals[0] == "Total")
        // Hand sums: 1,234,567 + 250,000 + 99,999 + 10 + 20 + 30; 12,345,678.50 + 250,000.25 +
        // 99,999.99 + 0.10 + 0.20 + 0.70.
        #expect(try number(totals[4]) == 1_584_626)
        #expect(abs(try number(totals[5]) - 12_695_679.74) < 0.005)
        #expect(abs(try number(totals[6]) - 1) < 1e-12)
        // The span of days, 2026-01-01 to 2026-12-31, recalculated from the dates.
        #expect(totals[7] == "364")
        // LibreOffice really recalculated: the formula 2+3 was stored with the wrong cached 99.
        #expect(try Self.converted.get().raw["Recalc 'now' ok"]?[1] == ["2+3", "5"])
    }

    @Test("lakh and crore formats render as Indian grouping, negatives included")
    func formats() throws {
        let shown = try Self.converted.get().shown
        let rows = try #require(shown["Formats"])
        #expect(rows.dropFirst().map { $0[1] } == Fixture.formatsShown)
        let budget = try #require(shown["Budget lines"])
        #expect(budget[1][4] == "12,34,567" && budget[1][5] == "₹1,23,45,678.50" && budget[1][6] == "97.2%")
        #expect(budget[2][5] == "₹2,50,000.25" && budget[3][5] == "₹99,999.99" && budget[2][2] == "2026-10-10")
        #expect(budget.last == ["Total", "", "", "", "15,84,626", "₹1,26,95,679.74", "100.0%", "364"])
    }
}
