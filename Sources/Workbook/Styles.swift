/// How one cell looks: one `xf` record of `xl/styles.xml`.
struct CellFormat: Hashable {
    /// What the cell holds, which decides its number format.
    enum Content: Hashable {
        /// Text or a number shown as typed (General).
        case general
        /// The header row: bold on a tinted fill with a rule below.
        case header
        /// A date, shown `yyyy-mm-dd`.
        case date
        /// Text with Excel's quote prefix: text starting with `=`, `+`, `-` or `@` that also
        /// stays text when a user edits the cell.
        case quotedText
        /// A number in a style; `negative` picks the Indian styles' negative format (see
        /// ``NumberStyle/negativeFormatCode``).
        case number(NumberStyle, negative: Bool)
    }

    var content: Content
    /// Bold (the totals row).
    var bold = false
    /// Long text wrapped inside its column instead of running over the next ones.
    var wrap = false
    /// At the left edge of the cell, also for numbers and dates (see ``Column/leftAligned``).
    var left = false

    static let plain = CellFormat(content: .general)
    static let header = CellFormat(content: .header, wrap: true)
    static let date = CellFormat(content: .date)
    static let quotedText = CellFormat(content: .quotedText)
}

/// The workbook's style table (`xl/styles.xml`): the cell formats its sheets use, each once, in
/// order of first use after four fixed ones (plain 0, header 1, date 2, quoted text 3), and custom
/// number formats numbered from 164 in the same order, so the same sheets give the same file.
///
/// Every cell is aligned to the top (in the Normal style too, which LibreOffice gives the cells
/// that name no style), so a label stays level with a value that wraps to several lines.
struct StyleTable {
    private(set) var formats: [CellFormat] = [.plain, .header, .date, .quotedText]
    private var indexes: [CellFormat: Int] = [.plain: 0, .header: 1, .date: 2, .quotedText: 3]

    /// The `s` attribute of a cell in `format`, adding the format on first use.
    mutating func index(_ format: CellFormat) -> Int {
        if let index = indexes[format] { return index }
        formats.append(format)
        indexes[format] = formats.count - 1
        return formats.count - 1
    }

    /// The `s` attribute of a number in `style`; `negative` picks the Indian styles' negative
    /// format, `bold` is for the totals row.
    mutating func number(_ style: NumberStyle, bold: Bool = false, negative: Bool = false, left: Bool = false) -> Int {
        index(CellFormat(content: .number(style, negative: negative && style.negativeFormatCode != nil), bold: bold, left: left))
    }

    /// The built-in number format id of a content, or its custom format code.
    private static func numberFormat(_ content: CellFormat.Content) -> (id: Int?, code: String?) {
        switch content {
        case .general, .header: (0, nil)
        case .date: (nil, #"yyyy\-mm\-dd"#)
        case .quotedText: (49, nil)
        case .number(let style, let negative):
            if negative, let code = style.negativeFormatCode {
                (nil, code)
            } else if let id = style.builtinID {
                (id, nil)
            } else {
                (nil, style.formatCode)
            }
        }
    }

    var xml: String {
        var codes: [String] = []
        var xfs: [String] = []
        for format in formats {
            var (id, code) = Self.numberFormat(format.content)
            if let code {
                if let known = codes.firstIndex(of: code) {
                    id = 164 + known
                } else {
                    codes.append(code)
                    id = 164 + codes.count - 1
                }
            }
            let header = format.content == .header
            let quoted = format.content == .quotedText
            var attributes =
                #"numFmtId="\#(id ?? 0)" fontId="\#(header || format.bold ? 1 : 0)" fillId="\#(header ? 2 : 0)" borderId="\#(header ? 1 : 0)" xfId="0""#
            if id != 0 { attributes += #" applyNumberFormat="1""# }
            if header || format.bold { attributes += #" applyFont="1""# }
            if header { attributes += #" applyFill="1" applyBorder="1""# }
            if quoted { attributes += #" quotePrefix="1""# }
            let alignment = (format.left ? #" horizontal="left""# : "") + #" vertical="top""# + (format.wrap ? #" wrapText="1""# : "")
            xfs.append(#"<xf \#(attributes) applyAlignment="1"><alignment\#(alignment)/></xf>"#)
        }
        let numFmts = codes.enumerated().map { #"<numFmt numFmtId="\#(164 + $0)" formatCode="\#(XMLText.escape($1))"/>"# }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="\(numFmts.count)">\(numFmts.joined())</numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1">\
            <alignment vertical="top"/></xf></cellStyleXfs>\
            <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }
}
