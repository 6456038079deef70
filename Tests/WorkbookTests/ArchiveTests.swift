import Foundation
import PlannerCore
import Testing
import Workbook
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the XLSX back with ZIPFoundation and checks the package without LibreOffice.
@Suite("The XLSX package: entries, well-formed XML, determinism, no formula injection")
struct ArchiveTests {
    static let expectedEntries = [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml",
    ]

    func entries(_ bytes: [UInt8]) throws -> [(path: String, text: String, entry: Entry)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, String(decoding: data, as: UTF8.self), entry)
        }
    }

    func part(_ path: String) throws -> String {
        try #require(try entries(try Fixture.workbook().xlsxBytes()).first { $0.path == path }?.text)
    }

    /// Start tags with their attributes and the text of each element, by a real XML parser.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [(name: String, text: String)] = []
        private var stack: [(String, String)] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
            stack.append((name, ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].1 += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let (element, text) = stack.removeLast()
            texts.append((element, text))
        }
    }

    func parse(_ text: String) -> (ok: Bool, collector: Collector, error: String) {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector, parser.parserError.map { String(describing: $0) } ?? "")
    }

    @Test("the entries are the OOXML parts in a fixed order, each well-formed XML")
    func wellFormed() throws {
        let all = try entries(try Fixture.workbook().xlsxBytes())
        #expect(all.map(\.path) == Self.expectedEntries)
        for entry in all {
            let result = parse(entry.text)
            #expect(result.ok, "\(entry.path): \(result.error)")
        }
    }

    @Test("two writes are byte-identical; entries carry the fixed 1980-01-01 time and no extra fields")
    func deterministic() throws {
        let first = try Fixture.workbook().xlsxBytes()
        let second = try Fixture.workbook().xlsxBytes()
        #expect(first == second)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Fixture.workbook().write(to: directory.path + "/a.xlsx")
        #expect(FileManager.default.contents(atPath: directory.path + "/a.xlsx").map { [UInt8]($0) } == first)
        for entry in try entries(first) {
            // 315532800 s after 1970 is 1980-01-01T00:00:00Z, the earliest ZIP (DOS) time.
            #expect(entry.entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800))
        }
        // Local file headers: signature PK\3\4, the extra-field length at offset 28 is zero.
        var offset = 0
        var headers = 0
        while offset + 30 <= first.count, first[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
            let u16 = { (at: Int) in Int(first[offset + at]) | Int(first[offset + at + 1]) << 8 }
            let u32 = { (at: Int) in u16(at) | u16(at + 2) << 16 }
            #expect(u16(28) == 0)
            offset += 30 + u16(26) + u16(28) + u32(18)
            headers += 1
        }
        #expect(headers == Self.expectedEntries.count)
    }

    @Test("text is a shared string, only real formulas are <f>, and totals cache the right sums")
    func cellsAndFormulas() throws {
        let sheet = parse(try part("xl/worksheets/sheet1.xml")).collector
        let strings = parse(try part("xl/sharedStrings.xml")).collector.texts.filter { $0.name == "t" }.map(\.text)
        let formulas = sheet.texts.filter { $0.name == "f" }.map(\.text)
        // 6 share formulas, 6 day counts, 4 totals (3 sums and the span of days).
        #expect(formulas.count == 6 + 6 + 4)
        #expect(formulas.suffix(4) == ["SUM(E2:E7)", "SUM(F2:F7)", "SUM(G2:G7)", "MAX(D2:D7)-MIN(C2:C7)"])
        #expect(!formulas.contains { $0.contains("HYPERLINK") })
        #expect(strings.contains(Fixture.injection))
        // The XML parser decodes the file's `_x005F_x0041_` back to the literal `_x0041_` a
        // spreadsheet shows; the control character and U+FFFE are gone.
        #expect(strings.contains("A&B <b>\"quoted\" 'single' _x005F_x0041_ tab\tend"))
        #expect(strings.contains(Fixture.tamil) && strings.contains(Fixture.bengali) && strings.contains(Fixture.urdu))
        let cells = sheet.elements.filter { $0.name == "c" }
        let injectionIndex = try #require(strings.firstIndex(of: Fixture.injection))
        let values = sheet.texts.filter { $0.name == "v" }.map(\.text)
        #expect(values.contains(String(injectionIndex)))
        // Formula-looking text is a string cell (t="s") with the quote-prefix style 3.
        let a5 = try #require(cells.first { $0.attributes["r"] == "A5" })
        #expect(a5.attributes["t"] == "s" && a5.attributes["s"] == "3")
        // Cached totals: the hand sums of the Audience and Budget columns.
        let totalsRow = Array(sheet.texts.filter { $0.name == "v" }.suffix(5).map(\.text))
        #expect(totalsRow[1] == "1584626" && totalsRow[4] == "364")
        #expect(abs(try #require(Double(totalsRow[2])) - 12_695_679.74) < 1e-6)
        #expect(abs(try #require(Double(totalsRow[3])) - 1) < 1e-15)
    }

    @Test("frozen header, filter over header and data rows, defined names for the filters and the print titles")
    func viewAndFilter() throws {
        let sheet = parse(try part("xl/worksheets/sheet1.xml")).collector.elements
        let pane = try #require(sheet.first { $0.name == "pane" })
        #expect(pane.attributes["ySplit"] == "1" && pane.attributes["state"] == "frozen" && pane.attributes["topLeftCell"] == "A2")
        #expect(sheet.first { $0.name == "autoFilter" }?.attributes["ref"] == "A1:H7")
        let workbook = parse(try part("xl/workbook.xml")).collector
        #expect(
            workbook.texts.filter { $0.name == "definedName" }.map(\.text) == [
                "'Budget lines'!$A$1:$H$7", "'Recalc ''now'' ok'!$A$1:$B$2",
                "'Budget lines'!$1:$1", "'Formats'!$1:$1", "'Recalc ''now'' ok'!$1:$1",
            ])
        // Each name is scoped to its sheet by position; the filter ranges are hidden, as Excel writes them.
        let names = workbook.elements.filter { $0.name == "definedName" }.map(\.attributes)
        #expect(
            names.map { $0["name"] ?? "" } == ["_xlnm._FilterDatabase", "_xlnm._FilterDatabase"]
                + Array(repeating: "_xlnm.Print_Titles", count: 3))
        #expect(names.map { $0["localSheetId"] ?? "" } == ["0", "2", "0", "1", "2"])
        #expect(names.map { $0["hidden"] } == ["1", "1", nil, nil, nil])
        #expect(workbook.elements.filter { $0.name == "sheet" }.map { $0.attributes["name"] ?? "" } == LibreOfficeTests.names)
        let formats = parse(try part("xl/worksheets/sheet2.xml")).collector.elements
        #expect(!formats.contains { $0.name == "pane" || $0.name == "autoFilter" })
    }

    @Test("column widths follow the longest entry in grapheme clusters, at least 8")
    func widths() throws {
        let cols = parse(try part("xl/worksheets/sheet1.xml")).collector.elements.filter { $0.name == "col" }
        let widths = cols.map { Double($0.attributes["width"] ?? "") ?? 0 }
        // Segment: the injection text, 45 characters, + 2.
        #expect(widths[0] == Double(Fixture.injection.count + 2))
        // Message: the Tamil line is the longest, 18 grapheme clusters counted by hand (செ ன் னை,
        // " — ", தீ பா வ ளி, " ", வா ழ் த் து க் க ள்; 30 Unicode scalars), + 2. Bengali has 17,
        // Urdu 17.
        #expect(Fixture.tamil.unicodeScalars.count == 30)
        #expect(widths[1] == 20)
        // Start: "2026-10-20" is 10 characters, + 2.
        #expect(widths[2] == 12)
        // Budget: the total ₹1,26,95,679.74 is 15 characters, + 2.
        #expect(widths[5] == 17)
        // Days: header "Days" + 2 for the filter button + 2 = 8, the minimum.
        #expect(widths[7] == 8)
    }

    @Test("date serials count days from 1899-12-30")
    func serials() {
        // 1970-01-01 is serial 25569 and 2024-01-01 is 45292 in Excel's 1900 date system.
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.serial == 25569)
        #expect(CivilDate(year: 2024, month: 1, day: 1)!.serial == 45292)
        // 2026-11-08: 45292 + 366 (2024) + 365 (2025) + 311 (Jan 1 to Nov 8, 2026) = 46334.
        #expect(CivilDate(year: 2026, month: 11, day: 8)!.serial == 46334)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(dayNumber: CivilDate(year: 2026, month: 11, day: 8)!.dayNumber).description == "2026-11-08")
    }
}
