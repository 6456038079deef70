/// Writes one worksheet part (`xl/worksheets/sheetN.xml`) and sizes its columns.
///
/// The elements come in the order ECMA-376 Part 1 requires of a worksheet (CT_Worksheet): `sheetPr`,
/// `dimension`, `sheetViews`, `sheetFormatPr`, `cols`, `sheetData`, `autoFilter`, `printOptions`,
/// `pageMargins`, `pageSetup`, `headerFooter`.
struct SheetXML {
    let sheet: Sheet
    /// 0-based position in the workbook (for the filter's defined name).
    let position: Int
    /// The left part of every page's footer (the workbook's title); nil or empty for none.
    var footer: String? = nil

    /// Text that a spreadsheet would take for a formula or a sign if typed: stored with a quote
    /// prefix style as well as being a plain string.
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@"
    }

    /// The worksheet XML; adds the sheet's strings to `strings` and its cell formats to `styles`.
    func xml(strings: inout SharedStrings, styles: inout StyleTable) throws(WorkbookError) -> String {
        let columnCount = sheet.columns.count
        guard sheet.rows.count + 2 <= 1_048_576, columnCount <= 16_384 else { throw .tooLarge(sheet: sheet.name) }
        for (i, row) in sheet.rows.enumerated() where row.count > columnCount {
            throw .rowTooLong(sheet: sheet.name, row: i, cells: row.count, columns: columnCount)
        }
        let lastColumn = Sheet.columnName(max(0, columnCount - 1))
        let lastRow = sheet.rows.count + 1 + (sheet.hasTotals ? 1 : 0)
        let page = sheet.page
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        if page.fitsToPages { out += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        out += #"<dimension ref="A1:\#(lastColumn)\#(lastRow)"/>"#
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(position == 0 ? " tabSelected=\"1\"" : "")>"
        if sheet.freezeHeader {
            out += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            out += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = widths()
        if columnCount > 0 {
            out += "<cols>"
            for (i, width) in widths.enumerated() {
                out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(XMLText.number(width))" customWidth="1"/>"#
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        if columnCount > 0 {
            out += #"<row r="1">"#
            for (i, column) in sheet.columns.enumerated() {
                let style = styles.index(.header)
                out += #"<c r="\#(Sheet.columnName(i))1" s="\#(style)" t="s"><v>\#(strings.add(XMLText.legal(column.header)))</v></c>"#
            }
            out += "</row>"
        }
        for (r, row) in sheet.rows.enumerated() {
            let lines =
                zip(row, widths).map { cell, width in
                    guard case .text(let text) = cell else { return 1 }
                    return Self.lineCount(XMLText.legal(text), width: width)
                }.max() ?? 1
            // Neither Excel nor LibreOffice sizes a row to its wrapped text when it opens a file,
            // so a row of wrapped text gets its height: 15 points a line (Calibri 11).
            out += lines > 1 ? #"<row r="\#(r + 2)" ht="\#(15 * lines)">"# : #"<row r="\#(r + 2)">"#
            for (c, cell) in row.enumerated() {
                out += try cellXML(
                    cell, reference: Sheet.reference(row: r, column: c), column: sheet.columns[c], width: widths[c], strings: &strings,
                    styles: &styles)
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
                        out += #"<c r="\#(reference)" s="\#(styles.number(.general, bold: true))" t="s"><v>\#(index)</v></c>"#
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
                let styleIndex = styles.number(style, bold: true, negative: cached < 0)
                out += #"<c r="\#(reference)" s="\#(styleIndex)"><f>\#(formula)</f><v>\#(XMLText.number(cached))</v></c>"#
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if sheet.autoFilter, let range = filterRange { out += #"<autoFilter ref="\#(range)"/>"# }
        if page.gridLines { out += #"<printOptions gridLines="1"/>"# }
        out += #"<pageMargins left="0.5" right="0.5" top="0.5" bottom="0.5" header="0.2" footer="0.2"/>"#
        out += #"<pageSetup paperSize="9" orientation="\#(page.orientation.rawValue)""#
        if page.fitsToPages { out += #" fitToWidth="\#(page.pagesWide)" fitToHeight="\#(page.pagesTall)""# }
        out += "/>"
        out += "<headerFooter><oddHeader>\(XMLText.escape("&C&A"))</oddHeader>"
        out += "<oddFooter>\(XMLText.escape(Self.footerCode(footer)))</oddFooter></headerFooter>"
        return out + "</worksheet>"
    }

    /// The footer in header and footer codes (ECMA-376 Part 1, `headerFooter`): `text` on the left (its
    /// `&` doubled so it shows as itself, cut to 100 characters: Excel refuses codes over 255),
    /// `Page N of M` on the right.
    static func footerCode(_ text: String?) -> String {
        var left = text.map { XMLText.legal($0).filter { $0 != "\n" && $0 != "\r" } } ?? ""
        if left.count > 100 { left = String(left.prefix(99)) + "…" }
        left = left.map { $0 == "&" ? "&&" : String($0) }.joined()
        return (left.isEmpty ? "" : "&L" + left) + "&RPage &P of &N"
    }

    /// The header and data rows, e.g. `A1:F12`; nil without columns.
    var filterRange: String? {
        guard !sheet.columns.isEmpty else { return nil }
        return "A1:\(Sheet.columnName(sheet.columns.count - 1))\(sheet.rows.count + 1)"
    }

    private func cellXML(
        _ cell: Cell, reference: String, column: Column, width: Double, strings: inout SharedStrings, styles: inout StyleTable
    ) throws(WorkbookError) -> String {
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            let legal = XMLText.legal(text)
            guard legal.utf16.count <= 32_767 else { throw .textTooLong(sheet: sheet.name, cell: reference) }
            var format = Self.looksLikeFormula(legal) ? CellFormat.quotedText : .plain
            format.wrap = Self.wraps(legal, width: width)
            let style = styles.index(format)
            let styleAttribute = style == 0 ? "" : #" s="\#(style)""#
            return #"<c r="\#(reference)"\#(styleAttribute) t="s"><v>\#(strings.add(legal))</v></c>"#
        case .number(let value, let style):
            guard value.isFinite else { throw .nonFiniteNumber(sheet: sheet.name, cell: reference) }
            let styleIndex = styles.number(style, negative: value < 0, left: column.leftAligned)
            return #"<c r="\#(reference)" s="\#(styleIndex)"><v>\#(XMLText.number(value))</v></c>"#
        case .date(let date):
            var format = CellFormat.date
            format.left = column.leftAligned
            return #"<c r="\#(reference)" s="\#(styles.index(format))"><v>\#(date.serial)</v></c>"#
        case .formula(let formula, let cached, let style):
            guard cached.isFinite else { throw .nonFiniteNumber(sheet: sheet.name, cell: reference) }
            let text = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
            let styleIndex = styles.number(style, negative: cached < 0, left: column.leftAligned)
            return #"<c r="\#(reference)" s="\#(styleIndex)"><f>\#(XMLText.escape(text))</f><v>\#(XMLText.number(cached))</v></c>"#
        }
    }

    /// The length of the longest line of `text`, in grapheme clusters (what column widths count).
    static func longestLine(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

    /// Whether text wraps in a column `width` characters wide: it holds a line break, or a line
    /// longer than the width less the 2 characters of padding every width gets.
    static func wraps(_ text: String, width: Double) -> Bool {
        text.contains("\n") || Double(longestLine(text)) > width - 2
    }

    /// How many lines `text` takes in a column `width` characters wide: 1 when it does not
    /// wrap, else its words laid out greedily on lines of `width - 2` characters. A grapheme
    /// cluster outside ASCII counts 1.2, as Indic letters with their signs are wider than Latin
    /// ones: measured in LibreOffice 7.4 with Noto Sans, each of the example plan's 482 messages
    /// (mostly Indic) takes the 2 lines this counts at width 100 (counting 1.5 gave 13 of them a
    /// third, empty line). The estimate errs towards a row a line too tall rather than text cut off.
    static func lineCount(_ text: String, width: Double) -> Int {
        guard wraps(text, width: width) else { return 1 }
        let room = max(1, width - 2)
        func size(_ word: Substring) -> Double { word.reduce(0) { $0 + ($1.isASCII ? 1 : 1.2) } }
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var used = 0.0
            lines += 1
            for word in line.split(separator: " ") {
                let length = size(word)
                if used > 0, used + 1 + length <= room {
                    used += 1 + length
                } else {
                    if used > 0 { lines += 1 }
                    // A word longer than a line breaks over as many lines as it needs.
                    let extra = max(0, Int((length / room).rounded(.up)) - 1)
                    lines += extra
                    used = length - Double(extra) * room
                }
            }
        }
        return lines
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

    /// Column widths in character units. A column with a given width keeps it. The others are
    /// sized to their content: the longest of the header (plus 2 for the filter button) and the
    /// cells' estimated text (in grapheme clusters), plus 2, at least 8. When those widths fit the
    /// printed page's width (``PageSetup/printableWidth``) they are kept, and nothing wraps; when
    /// they do not, each column wider than ``Column/maximumWidth`` gets an equal share of what the
    /// page width leaves beside the other columns, but never less than the maximum width nor more
    /// than its content: a long text wraps in it instead of pushing the columns off the page.
    func widths() -> [Double] {
        let natural = sheet.columns.indices.map { sheet.columns[$0].width ?? contentWidth(column: $0) }
        let wide = sheet.columns.indices.filter { sheet.columns[$0].width == nil && natural[$0] > Double(Column.maximumWidth) }
        guard natural.reduce(0, +) > sheet.page.printableWidth, !wide.isEmpty else { return natural }
        let others = natural.indices.filter { !wide.contains($0) }.reduce(0.0) { $0 + natural[$1] }
        let share = ((sheet.page.printableWidth - others) / Double(wide.count)).rounded(.down)
        return natural.indices.map { wide.contains($0) ? min(natural[$0], max(Double(Column.maximumWidth), share)) : natural[$0] }
    }

    /// The width column `c`'s content asks for (see ``widths()``).
    private func contentWidth(column c: Int) -> Double {
        let column = sheet.columns[c]
        var longest = column.header.count + (sheet.autoFilter ? 2 : 0)
        for row in sheet.rows where c < row.count {
            let length: Int
            switch row[c] {
            case .text(let text): length = Self.longestLine(text)
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
        return Double(max(8, longest + 2))
    }
}
