import Export
import Foundation
import PlannerCore
import Testing
import Workbook
import WorkbookTestSupport

/// One table, every format: the values a reader of each format sees, written out by hand.
@Suite("Tables in every format")
struct TableFormatTests {
    static let table = Table(
        title: "Budget", name: "budget",
        columns: [
            Table.Column("segment"), Table.Column("customers", .count, total: true), Table.Column("budget", .money, total: true),
            Table.Column("rate", .decimal(places: 4)), Table.Column("roi", .percent), Table.Column("day", .date),
            Table.Column("languages", .list),
        ],
        rows: [
            [
                .text("IN-DL · bn"), .count(218), .money(Money(minor: 6_474_50)), .decimal(0.12345, places: 4), .percent(0.25),
                .date(CivilDate(year: 2026, month: 10, day: 19)!), .list(["bn", "hi"]),
            ],
            [
                .text("দুর্গাপূজা | \"puja\""), .count(1_234_567), .money(Money(minor: 12_345_678_50)), .decimal(2, places: 4),
                .percent(nil), .date(CivilDate(year: 2026, month: 11, day: 8)!), .list([]),
            ],
        ],
        notes: ["Budgets in rupees."])

    @Test("terminal: padded to terminal cells (দুর্গাপূজা takes 7 cells: its vowel signs below take none), shares as percentages")
    func terminal() {
        #expect(
            TableFormat.terminal.render(Self.table) == """
                segment           customers  budget       rate    roi     day         languages
                ----------------  ---------  -----------  ------  ------  ----------  ---------
                IN-DL · bn        218        6474.50      0.1235  25.0 %  2026-10-19  bn, hi
                দুর্গাপূজা | "puja"  1234567    12345678.50  2.0000          2026-11-08

                """)
    }

    @Test("CSV: RFC 4180 quoting, plain numbers, fractions, lists joined by ;")
    func csv() {
        #expect(
            TableFormat.csv.render(Self.table) == #"""
                segment,customers,budget,rate,roi,day,languages
                IN-DL · bn,218,6474.50,0.1235,0.250000,2026-10-19,bn;hi
                "দুর্গাপূজা | ""puja""",1234567,12345678.50,2.0000,,2026-11-08,

                """#)
    }

    @Test("Markdown: numbers right-aligned, the pipe escaped, notes under the table")
    func markdown() {
        #expect(
            TableFormat.markdown.render(Self.table) == """
                | segment | customers | budget | rate | roi | day | languages |
                |---|---:|---:|---:|---:|---|---|
                | IN-DL · bn | 218 | 6474.50 | 0.1235 | 25.0 % | 2026-10-19 | bn, hi |
                | দুর্গাপূজা \\| "puja" | 1234567 | 12345678.50 | 2.0000 |  | 2026-11-08 |  |

                Budgets in rupees.

                """)
    }

    @Test("JSON: numbers with their decimals, an undefined share as null, lists as arrays")
    func json() throws {
        let text = TableFormat.json.render(Self.table)
        #expect(text.hasPrefix("[\n  {\n    \"segment\": \"IN-DL · bn\",\n    \"customers\": 218,\n    \"budget\": 6474.50,\n"))
        #expect(text.contains("\"roi\": null"))
        #expect(text.contains("\"languages\": [\n      \"bn\",\n      \"hi\"\n    ]"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[1]["segment"] as? String == "দুর্গাপূজা | \"puja\"")
        #expect(parsed[1]["budget"] as? Double == 12_345_678.5)
        #expect(parsed[1]["languages"] as? [String] == [])
        // A list of facts is one object.
        let facts = Table(
            title: "Facts", columns: [Table.Column("field"), Table.Column("value", .mixed)], rows: [[.text("a"), .count(1)]],
            layout: .fields)
        #expect(TableFormat.json.render(facts) == "{\n  \"a\": 1\n}\n")
    }

    @Test("workbook sheet: opened in LibreOffice, numbers are numbers and the SUM totals are recomputed")
    func sheet() throws {
        var workbook = Workbook(title: "Budget")
        workbook.addSheet(TableSheet.make(Self.table, currency: "INR"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: path) }
        try workbook.write(to: path.path)
        let rows = try #require(try LibreOffice.sheets(of: path, names: ["Budget"])["Budget"])
        #expect(rows[0] == ["segment", "customers", "budget", "rate", "roi", "day", "languages"])
        #expect(rows[1][0] == "IN-DL · bn" && rows[1][1] == "218" && rows[1][2] == "6474.5" && rows[1][4] == "25%")
        #expect(rows[1][6] == "bn;hi")
        #expect(rows[2][0] == "দুর্গাপূজা | \"puja\"")
        // Totals row: 218 + 1,234,567 customers; 6,474.50 + 1,23,45,678.50 rupees.
        #expect(rows[3][0] == "Total" && rows[3][1] == "1234785" && rows[3][2] == "12352153")
    }
}

/// Terminal widths, the rule the terminal renderer pads by.
@Suite("Terminal widths")
struct TerminalWidthTests {
    @Test("display width counts terminal cells as glibc's wcwidth does: viramas none, CJK two (মকর সংক্রান্তি 12, 春节 4)")
    func width() {
        // ম ক র, space, স ং ক ্ র া ন ্ ত ি: the two viramas (nonspacing) take no cell, the vowel
        // signs া ি (spacing marks) one each — wcwidth's values on this machine.
        #expect(TableText.displayWidth("মকর সংক্রান্তি") == 12)
        #expect("মকর সংক্রান্তি".count != TableText.displayWidth("মকর সংক্রান্তি"))
        #expect(TableText.displayWidth("春节") == 4)
        #expect(TableText.displayWidth("Diwali") == 6)
        #expect(TableText.displayWidth("हिन्दी") == 5)
    }

    @Test("columns after Indic and Chinese names line up in terminal cells")
    func alignment() {
        let text = TableText.render(
            header: ["name", "date"], rows: [["দুর্গাপূজা", "2026-10-19"], ["春节", "2026-02-17"], ["Diwali", "2026-11-08"]])
        let rows = text.split(separator: "\n").dropFirst(2).map(String.init)
        let columns = rows.compactMap { row in row.range(of: "2026").map { TableText.displayWidth(String(row[..<$0.lowerBound])) } }
        #expect(columns.count == 3)
        #expect(Set(columns).count == 1)
    }
}
