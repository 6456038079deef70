import Foundation
import PlannerCore
import Testing

@testable import Workbook

/// How sheets print: the worksheet's page elements (ECMA-376 Part 1), column widths that
/// fit the page with long text wrapped, and rows tall enough for it. Read from the XML; the PDF
/// LibreOffice makes of them is checked in `PDFTests` and on the example plan in the CLI tests.
@Suite("Print layout: page setup, footer, print titles, widths that fit the page, wrapped text and its rows")
struct PrintLayoutTests {
    let archive = ArchiveTests()

    func parts(_ workbook: Workbook) throws -> [String: String] {
        Dictionary(try workbook.parts().map { ($0.path, $0.xml) }, uniquingKeysWith: { first, _ in first })
    }

    func elements(_ xml: String?) throws -> [(name: String, attributes: [String: String])] {
        let parsed = archive.parse(try #require(xml))
        #expect(parsed.ok, "\(parsed.error)")
        return parsed.collector.elements
    }

    /// `count` words `word`, one space apart: `5 × count - 1` characters.
    static func words(_ count: Int) -> String { Array(repeating: "word", count: count).joined(separator: " ") }

    @Test(
        "worksheet parts in CT_Worksheet order; A4 landscape, one page wide, gridlines; header names the sheet, footer the title and page")
    func pageSetup() throws {
        let xml = try archive.part("xl/worksheets/sheet1.xml")
        let order = [
            "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "printOptions", "pageMargins",
            "pageSetup", "headerFooter",
        ]
        let parsed = archive.parse(xml).collector
        // The worksheet's children are the only elements with these names; their order is the schema's sequence.
        #expect(parsed.elements.map(\.name).filter(order.contains) == order)
        let all = parsed.elements
        #expect(all.first { $0.name == "pageSetUpPr" }?.attributes["fitToPage"] == "1")
        let setup = try #require(all.first { $0.name == "pageSetup" }?.attributes)
        // paperSize 9 is A4 (ECMA-376, pageSetup); fitToHeight 0: as many pages down as the rows need.
        #expect(setup == ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"])
        #expect(all.first { $0.name == "printOptions" }?.attributes["gridLines"] == "1")
        // Header and footer codes (ECMA-376, headerFooter): &A the sheet's name, &P the page, &N the pages; the
        // title's & is doubled so it prints as itself.
        #expect(parsed.texts.first { $0.name == "oddHeader" }?.text == "&C&A")
        #expect(parsed.texts.first { $0.name == "oddFooter" }?.text == "&LFixture && test&RPage &P of &N")
    }

    @Test("the footer: no title leaves only the page number; a long title is cut to 100 characters; line breaks go")
    func footer() {
        #expect(SheetXML.footerCode(nil) == "&RPage &P of &N")
        #expect(SheetXML.footerCode("A & B\nplan") == "&LA && Bplan&RPage &P of &N")
        let long = SheetXML.footerCode(String(repeating: "x", count: 150))
        #expect(long == "&L" + String(repeating: "x", count: 99) + "…&RPage &P of &N")
    }

    @Test("a sheet that fits the page keeps its content widths (no wrap); a wider one caps its long columns and wraps them")
    func widthsAndWrapping() throws {
        var fits = Sheet(name: "Fits")
        // 120 characters and an id: 122 + 8 = 130 characters, less than the 146 of an A4 landscape page.
        fits.columns = [Column("reason"), Column("id")]
        fits.rows = [[.text(String(repeating: "r", count: 120)), .text("a")]]
        var notes = Sheet(name: "Notes")
        // 50 words of 4 letters: 249 characters. Key column 8 (the minimum): the note gets the
        // 146 - 8 = 138 the page leaves, and wraps.
        notes.columns = [Column("key"), Column("note")]
        notes.rows = [
            [.text("a"), .text(Self.words(50))], [.text("b"), .text("short")], [.text("c"), .text("two\nlines")],
            [.text("d"), .text(Self.words(60))],
        ]
        var wide = Sheet(name: "Wide")
        // Three 120-character columns: 366 in all; a third of the page (48) is less than the
        // maximum width, so each gets the maximum, 100.
        wide.columns = [Column("a"), Column("b"), Column("c")]
        wide.rows = [Array(repeating: .text(String(repeating: "w", count: 120)), count: 3)]
        var workbook = Workbook(title: "Widths")
        workbook.addSheet(fits)
        workbook.addSheet(notes)
        workbook.addSheet(wide)
        let xml = try parts(workbook)
        func widths(_ n: Int) throws -> [Double] {
            try elements(xml["xl/worksheets/sheet\(n).xml"]).filter { $0.name == "col" }.map { Double($0.attributes["width"] ?? "") ?? 0 }
        }
        #expect(Column.maximumWidth == 100)
        #expect(try widths(1) == [122, 8])
        #expect(try widths(2) == [8, 138])
        #expect(try widths(3) == [100, 100, 100])

        let cells = try elements(xml["xl/worksheets/sheet2.xml"])
        let styles = try elements(xml["xl/styles.xml"])
        let xfs = Array(styles.drop { $0.name != "cellXfs" }.dropFirst().prefix { $0.name != "cellStyles" })
        // Each xf is followed by its alignment element.
        func alignment(ofCell reference: String) throws -> [String: String] {
            let style = Int(cells.first { $0.name == "c" && $0.attributes["r"] == reference }?.attributes["s"] ?? "0") ?? 0
            let records = xfs.enumerated().filter { $0.element.name == "xf" }.map(\.offset)
            return try #require(xfs[records[style] + 1].name == "alignment" ? xfs[records[style] + 1].attributes : nil)
        }
        #expect(try alignment(ofCell: "B2") == ["vertical": "top", "wrapText": "1"])
        #expect(try alignment(ofCell: "B3") == ["vertical": "top"])
        #expect(try alignment(ofCell: "B4") == ["vertical": "top", "wrapText": "1"])
        // Rows: 136 characters a line (138 less 2 of padding) hold 27 words (5 × 27 - 1 = 134):
        // 50 words are 2 lines, 60 words 3; "two\nlines" 2; "short" keeps the default height.
        let rows = cells.filter { $0.name == "row" }.map { $0.attributes["ht"] }
        #expect(rows == [nil, "30", nil, "30", "45"])
        // Nothing in the fitting sheet wraps or gets a height.
        let fitting = try elements(xml["xl/worksheets/sheet1.xml"])
        #expect(fitting.filter { $0.name == "row" }.allSatisfy { $0.attributes["ht"] == nil })
    }

    @Test("a list of facts: values at the left, on one page; no print titles when asked; portrait without scaling")
    func options() throws {
        var facts = Sheet(name: "Facts")
        facts.columns = [Column("item"), Column("value")]
        facts.columns[1].leftAligned = true
        facts.rows = [[.text("Budget"), .number(40_000, .inrLakh)], [.text("Day"), .date(CivilDate(year: 2026, month: 10, day: 1)!)]]
        facts.page.pagesTall = 1
        var plain = Sheet(name: "Plain")
        plain.columns = [Column("x")]
        plain.autoFilter = false
        plain.page = PageSetup(orientation: .portrait, pagesWide: 0, pagesTall: 0, gridLines: false, repeatHeaderRow: false)
        var workbook = Workbook(title: "Options")
        workbook.addSheet(facts)
        workbook.addSheet(plain)
        let xml = try parts(workbook)
        let sheet = try elements(xml["xl/worksheets/sheet1.xml"])
        #expect(sheet.first { $0.name == "pageSetup" }?.attributes["fitToHeight"] == "1")
        let styles = try elements(xml["xl/styles.xml"])
        let xfs = Array(styles.drop { $0.name != "cellXfs" }.dropFirst().prefix { $0.name != "cellStyles" })
        let records = xfs.enumerated().filter { $0.element.name == "xf" }.map(\.offset)
        for reference in ["B2", "B3"] {
            let style = try #require(Int(sheet.first { $0.attributes["r"] == reference }?.attributes["s"] ?? ""))
            #expect(xfs[records[style] + 1].attributes == ["horizontal": "left", "vertical": "top"])
        }
        let other = try elements(xml["xl/worksheets/sheet2.xml"])
        #expect(!other.contains { $0.name == "sheetPr" || $0.name == "printOptions" })
        #expect(other.first { $0.name == "pageSetup" }?.attributes == ["paperSize": "9", "orientation": "portrait"])
        let names = try elements(xml["xl/workbook.xml"]).filter { $0.name == "definedName" }.map(\.attributes)
        #expect(names.map { $0["name"] ?? "" } == ["_xlnm._FilterDatabase", "_xlnm.Print_Titles"])
        #expect(names.map { $0["localSheetId"] ?? "" } == ["0", "0"])
    }

    @Test("another currency's format: its code first, western grouping, two decimals")
    func money() {
        #expect(NumberStyle.money(currency: "MYR").formatCode == ##""MYR "#,##0.00"##)
        // Only letters and digits reach the quoted literal, upper-cased; no code leaves plain decimals.
        #expect(NumberStyle.money(currency: "my\"r").formatCode == ##""MYR "#,##0.00"##)
        #expect(NumberStyle.money(currency: "").formatCode == NumberStyle.decimal2.formatCode)
        #expect(NumberStyle.money(currency: "MYR").negativeFormatCode == nil)
    }
}
