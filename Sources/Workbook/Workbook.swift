import PlannerCore
import PlannerIO

/// An XLSX workbook built from value types and written byte-for-byte the same for the same
/// sheets: fixed part order, fixed timestamps, a fixed style table, shared strings in order of
/// first use.
///
/// ```swift
/// var workbook = Workbook(title: "Festive plan 2026")
/// var sheet = Sheet(name: "Summary")
/// sheet.columns = [Column("Item"), Column("Value")]
/// sheet.rows = [[.text("Budget"), .number(5_000_000, .inrLakh)]]
/// workbook.addSheet(sheet)
/// try workbook.write(to: "plan-output/plan.xlsx")
/// ```
///
/// Formulas are stored with their cached values and the workbook asks for a full recalculation
/// on load (`fullCalcOnLoad`), so Excel and LibreOffice show live results either way.
public struct Workbook: Sendable, Equatable {
    /// The sheets, in tab order.
    public private(set) var sheets: [Sheet] = []
    /// The document title (docProps/core.xml), also on the left of every printed page's footer.
    public var title: String
    /// The creation date in the document properties. Fixed (not today's date) so that the same
    /// inputs give the same bytes; a planner may pass its `--today` date.
    public var created: CivilDate

    /// An empty workbook; the creation date defaults to 2000-01-01 so output is reproducible.
    public init(title: String = "", created: CivilDate = CivilDate(year: 2000, month: 1, day: 1)!) {
        self.title = title
        self.created = created
    }

    /// Appends a sheet. Its name is checked when the workbook is written.
    public mutating func addSheet(_ sheet: Sheet) { sheets.append(sheet) }

    /// The package parts, in the order they go into the ZIP: path and XML text.
    public func parts() throws(WorkbookError) -> [(path: String, xml: String)] {
        guard !sheets.isEmpty else { throw .noSheets }
        var seen: Set<String> = []
        for sheet in sheets {
            try WorkbookError.validate(sheetName: sheet.name)
            guard seen.insert(sheet.name.lowercased()).inserted else { throw .duplicateSheetName(sheet.name) }
        }
        var strings = SharedStrings()
        var styles = StyleTable()
        var sheetParts: [(path: String, xml: String)] = []
        for (i, sheet) in sheets.enumerated() {
            let xml = try SheetXML(sheet: sheet, position: i, footer: title).xml(strings: &strings, styles: &styles)
            sheetParts.append(("xl/worksheets/sheet\(i + 1).xml", xml))
        }
        return [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", Package.rootRelationships),
            ("docProps/app.xml", appProperties),
            ("docProps/core.xml", coreProperties),
            ("xl/workbook.xml", workbookXML),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles.xml),
        ] + sheetParts + [("xl/sharedStrings.xml", strings.xml)]
    }

    /// The XLSX file's bytes.
    public func xlsxBytes() throws(WorkbookError) -> [UInt8] {
        try ZipWriter.archive(parts().map { ($0.path, Array($0.xml.utf8)) })
    }

    /// Writes the workbook to `path` atomically (temporary file and rename): a reader never sees
    /// half a workbook, and a failure leaves any previous file in place.
    public func write(to path: String) throws(Diagnostic) {
        let bytes: [UInt8]
        do { bytes = try xlsxBytes() } catch { throw error.diagnostic(path: path) }
        try AtomicFile.write(bytes, to: path)
    }

    private var contentTypes: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            """
        for i in sheets.indices {
            out +=
                #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return out + """
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """
    }

    private var workbookXML: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>
            """
        for (i, sheet) in sheets.enumerated() {
            out += #"<sheet name="\#(XMLText.escape(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        out += "</sheets>"
        // Defined names: each filtered sheet's hidden filter range, then each sheet's print titles
        // (row 1 on every printed page), both scoped to their sheet by its position.
        let filters = sheets.enumerated().compactMap { i, sheet -> String? in
            guard sheet.autoFilter, let range = SheetXML(sheet: sheet, position: i).filterRange else { return nil }
            let absolute = range.split(separator: ":").map { absoluteReference(String($0)) }.joined(separator: ":")
            return
                #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">\#(XMLText.escape(sheet.quotedName))!\#(absolute)</definedName>"#
        }
        let titles = sheets.enumerated().compactMap { i, sheet -> String? in
            guard sheet.page.repeatHeaderRow, !sheet.columns.isEmpty else { return nil }
            return #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(i)">\#(XMLText.escape(sheet.quotedName))!$1:$1</definedName>"#
        }
        if !filters.isEmpty || !titles.isEmpty { out += "<definedNames>\((filters + titles).joined())</definedNames>" }
        return out + #"<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>"#
    }

    /// `B12` → `$B$12`.
    private func absoluteReference(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$\(letters)$\(reference.dropFirst(letters.count))"
    }

    private var workbookRelationships: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for i in sheets.indices {
            out +=
                #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let n = sheets.count
        out +=
            #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        out +=
            #"<Relationship Id="rId\#(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        return out + "</Relationships>"
    }

    private var coreProperties: String {
        let stamp = "\(created)T00:00:00Z"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(XMLText.escape(title))</dc:title><dc:creator>campaign-planner</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    private var appProperties: String {
        let names = sheets.map { "<vt:lpstr>\(XMLText.escape($0.name))</vt:lpstr>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <Application>campaign-planner</Application>\
            <HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>\
            <vt:variant><vt:i4>\(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>\
            <TitlesOfParts><vt:vector size="\(sheets.count)" baseType="lpstr">\(names)</vt:vector></TitlesOfParts>\
            </Properties>
            """
    }
}

/// Package-level parts that do not depend on the sheets.
private enum Package {
    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """
}
