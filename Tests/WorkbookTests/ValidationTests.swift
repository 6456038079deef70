import PlannerCore
import PlannerIO
import Testing
import Workbook

@Suite("Sheet names and cells that a spreadsheet refuses are errors")
struct ValidationTests {
    func workbook(_ sheets: Sheet...) -> Workbook {
        var workbook = Workbook()
        for sheet in sheets { workbook.addSheet(sheet) }
        return workbook
    }

    func sheet(_ name: String, rows: [[Cell]] = []) -> Sheet {
        var sheet = Sheet(name: name)
        sheet.columns = [Column("A"), Column("B")]
        sheet.rows = rows
        return sheet
    }

    @Test(
        "Excel's sheet-name rules",
        arguments: [
            ("", false), (String(repeating: "x", count: 31), true), (String(repeating: "x", count: 32), false),
            ("Q1/Q2", false), ("a:b", false), ("[x]", false), ("x*", false), ("why?", false), ("back\\slash", false),
            ("'quoted", false), ("quoted'", false), ("history", false), ("Budget '26", true), ("বাজেট — ২০২৬", true),
        ])
    func names(name: String, valid: Bool) {
        let result = Result { () throws(WorkbookError) in try workbook(sheet(name)).xlsxBytes() }
        if valid {
            #expect((try? result.get()) != nil)
        } else {
            #expect(throws: WorkbookError.self) { try result.get() }
            if case .failure(let error) = result, case .invalidSheetName(let bad, _) = error { #expect(bad == name) }
        }
    }

    @Test("duplicate names ignoring case, no sheets, long rows, NaN, huge text")
    func cells() {
        #expect(throws: WorkbookError.duplicateSheetName("plan")) { try workbook(sheet("Plan"), sheet("plan")).xlsxBytes() }
        #expect(throws: WorkbookError.noSheets) { try Workbook().xlsxBytes() }
        #expect(throws: WorkbookError.rowTooLong(sheet: "S", row: 0, cells: 3, columns: 2)) {
            try workbook(sheet("S", rows: [[.empty, .empty, .text("x")]])).xlsxBytes()
        }
        #expect(throws: WorkbookError.nonFiniteNumber(sheet: "S", cell: "B3")) {
            try workbook(sheet("S", rows: [[], [.empty, .number(.nan, .decimal2)]])).xlsxBytes()
        }
        #expect(throws: WorkbookError.textTooLong(sheet: "S", cell: "A2")) {
            try workbook(sheet("S", rows: [[.text(String(repeating: "a", count: 32_768))]])).xlsxBytes()
        }
    }

    @Test("writing reports the problem as a diagnostic naming the file")
    func diagnostic() {
        do {
            try Workbook().write(to: "/tmp/never-written.xlsx")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "/tmp/never-written.xlsx: error: a workbook needs at least one sheet. Hint: this is a bug in the workbook the program built; please report it"
            )
        }
    }

    @Test("references into other sheets quote the name")
    func otherSheets() {
        #expect(Sheet.reference(sheet: "Allocation", "F12") == "'Allocation'!F12")
        #expect(Sheet.reference(sheet: "Budget '26", "A1") == "'Budget ''26'!A1")
    }

    @Test("column letters and references", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")])
    func columns(index: Int, letters: String) {
        #expect(Sheet.columnName(index) == letters)
        #expect(Sheet.reference(row: 0, column: index) == letters + "2")
    }
}
