/// Writes one worksheet part (`xl/worksheets/sheetN.xml`) and sizes its columns.
struct SheetXML {
    let sheet: Sheet
    /// 0-based position in the workbook (for the filter's defined name).
    let position: Int

    /// Text that a spreadsheet would take for a formula or a sign if typed: stored with a quote
    /// prefix style as well as being a plain string.
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@"
    }

    /// The worksheet XML; adds the sheet's strings to `strings`.
    func xml(strings: inout SharedStrings) throws(WorkbookError) -> String {
        let columnCount = sheet.columns.count
        guard sheet.rows.count + 2 <= 1_048_576, columnCount <= 16_384 else { throw .tooLarge(sheet: sheet.name) }
        for (i, row) in sheet.rows.enumerated() where row.count > columnCount {
            throw .rowTooLong(sheet: sheet.name, row: i, cells: row.count, columns: columnCount)
        }
        let lastColumn = Sheet.columnName(max(0, columnCount - 1))
        let lastRow = sheet.rows.count + 1 + (sheet.hasTotals ? 1 : 0)
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="A1:\(lastColumn)\(lastRow)"/>
            """
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(position == 0 ? " tabSelected=\"1\"" : "")>"
        if sheet.freezeHeader {
            out += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            out += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if columnCount > 0 {
            out += "<cols>"
            for (i, width) in widths().enumerated() {
                out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(XMLText.number(width))" customWidth="1"/>"#
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        if columnCount > 0 {
            out += #"<row r="1">"#
            for (i, column) in sheet.columns.enumerated() {
                out +=
                    #"<c r="\#(Sheet.columnName(i))1" s="\#(Styles.header)" t="s"><v>\#(strings.add(XMLText.legal(column.header)))</v></c>"#
            }
            out += "</row>"
        }
        for (r, row) in sheet.rows.enumerated() {
            out += #"<row r="\#(r + 2)">"#
            for (c, cell) in row.enumerated() {
                out += try cellXML(cell, reference: Sheet.reference(row: r, column: c), strings: &strings)
            }
            out += "</row>"
        }
        if sheet.hasTotals {
            let rowNumber = sheet.totalsRowNumber
            out += #"<row r="\#(rowNumber)">"#
            for (c, column) in sheet.columns.enumerated() {
                let reference = Sheet.columnName(c) + String(rowNumber)
                let formula: String
                let cached: Double
                let style: NumberStyle
                switch column.total {
                case .none:
                    if c == 0 {
                        let index = strings.add(XMLText.legal(sheet.totalsLabel))
                        out += #"<c r="\#(reference)" s="\#(Styles.number(.general, bold: true))" t="s"><v>\#(index)</v></c>"#
                    }
                    continue
                case .sum(let sumStyle):
                    formula = sheet.rows.isEmpty ? "0" : "SUM(\(Sheet.columnName(c))2:\(Sheet.columnName(c))\(rowNumber - 1))"
                    cached = total(column: c)
                    style = sumStyle
                case .formula(let text, let value, let formulaStyle):
                    formula = XMLText.escape(text.hasPrefix("=") ? String(text.dropFirst()) : text)
                    cached = value
                    style = formulaStyle
                }
                guard cached.isFinite else { throw .nonFiniteNumber(sheet: sheet.name, cell: reference) }
                let styleIndex = Styles.number(style, bold: true, negative: cached < 0)
                out += #"<c r="\#(reference)" s="\#(styleIndex)"><f>\#(formula)</f><v>\#(XMLText.number(cached))</v></c>"#
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if sheet.autoFilter, let range = filterRange { out += #"<autoFilter ref="\#(range)"/>"# }
        out += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        return out + "</worksheet>"
    }

    /// The header and data rows, e.g. `A1:F12`; nil without columns.
    var filterRange: String? {
        guard !sheet.columns.isEmpty else { return nil }
        return "A1:\(Sheet.columnName(sheet.columns.count - 1))\(sheet.rows.count + 1)"
    }

    private func cellXML(_ cell: Cell, reference: String, strings: inout SharedStrings) throws(WorkbookError) -> String {
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            let legal = XMLText.legal(text)
            guard legal.utf16.count <= 32_767 else { throw .textTooLong(sheet: sheet.name, cell: reference) }
            let style = Self.looksLikeFormula(legal) ? Styles.quotedText : Styles.plain
            let styleAttribute = style == Styles.plain ? "" : #" s="\#(style)""#
            return #"<c r="\#(reference)"\#(styleAttribute) t="s"><v>\#(strings.add(legal))</v></c>"#
        case .number(let value, let style):
            guard value.isFinite else { throw .nonFiniteNumber(sheet: sheet.name, cell: reference) }
            return #"<c r="\#(reference)" s="\#(Styles.number(style, negative: value < 0))"><v>\#(XMLText.number(value))</v></c>"#
        case .date(let date):
            return #"<c r="\#(reference)" s="\#(Styles.date)"><v>\#(date.serial)</v></c>"#
        case .formula(let formula, let cached, let style):
            guard cached.isFinite else { throw .nonFiniteNumber(sheet: sheet.name, cell: reference) }
            let text = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
            return
                #"<c r="\#(reference)" s="\#(Styles.number(style, negative: cached < 0))"><f>\#(XMLText.escape(text))</f><v>\#(XMLText.number(cached))</v></c>"#
        }
    }

    /// The cached value of a column's `SUM`: the numbers and formula results in its data rows,
    /// added with Neumaier's compensated summation (LibreOffice also compensates), so the cached
    /// value matches the recalculated one.
    func total(column: Int) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for row in sheet.rows where column < row.count {
            let value: Double
            switch row[column] {
            case .number(let v, _), .formula(_, let v, _): value = v
            default: continue
            }
            let t = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
            sum = t
        }
        return sum + compensation
    }

    /// Column widths in character units: the given width, or the longest of the header and the
    /// cells' estimated text (in grapheme clusters), plus 2 for the filter button, from 8 to 60.
    func widths() -> [Double] {
        sheet.columns.enumerated().map { c, column in
            if let width = column.width { return width }
            var longest = column.header.count + (sheet.autoFilter ? 2 : 0)
            for row in sheet.rows where c < row.count {
                let length: Int
                switch row[c] {
                case .text(let text): length = text.split(separator: "\n").map(\.count).max() ?? 0
                case .number(let value, let style), .formula(_, let value, let style): length = style.estimatedWidth(value)
                case .date: length = 10
                case .empty: length = 0
                }
                longest = max(longest, length)
            }
            switch column.total {
            case .none: break
            case .sum(let style): longest = max(longest, style.estimatedWidth(total(column: c)))
            case .formula(_, let value, let style): longest = max(longest, style.estimatedWidth(value))
            }
            return Double(min(60, max(8, longest + 2)))
        }
    }
}
