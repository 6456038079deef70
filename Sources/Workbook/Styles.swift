/// The workbook's fixed style table (`xl/styles.xml`) and the index of each cell style in it.
///
/// The table is the same for every workbook, whatever styles its cells use, so the file is
/// deterministic and the indexes are constants.
enum Styles {
    /// Cell style indexes (`s` attribute), in `cellXfs` order.
    static let plain = 0
    static let header = 1
    static let date = 2
    /// Text with Excel's quote prefix: text starting with `=`, `+`, `-` or `@` that also stays
    /// text when a user edits the cell.
    static let quotedText = 3
    private static let firstNumber = 4

    /// The style of a number in `style`, bold in the totals row; `negative` picks the Indian
    /// styles' negative format (see `NumberStyle.negativeFormatCode`).
    static func number(_ style: NumberStyle, bold: Bool = false, negative: Bool = false) -> Int {
        firstNumber + 4 * NumberStyle.allCases.firstIndex(of: style)! + (negative ? 2 : 0) + (bold ? 1 : 0)
    }

    /// The custom format codes, in id order from 164: positive codes, negative codes, the date.
    private static let customCodes: [String] =
        NumberStyle.allCases.filter { $0.builtinID == nil }.map(\.formatCode)
        + NumberStyle.allCases.compactMap(\.negativeFormatCode) + [#"yyyy\-mm\-dd"#]

    /// The number format id: built-in where Excel has one, 164 and up for custom codes.
    static func numberFormatID(_ style: NumberStyle, negative: Bool = false) -> Int {
        if negative, let code = style.negativeFormatCode { return 164 + customCodes.firstIndex(of: code)! }
        if let id = style.builtinID { return id }
        return 164 + customCodes.firstIndex(of: style.formatCode)!
    }

    static let dateFormatID = 164 + customCodes.count - 1

    static let xml: String = {
        let numFmts = customCodes.enumerated().map { #"<numFmt numFmtId="\#(164 + $0)" formatCode="\#(XMLText.escape($1))"/>"# }
        var xfs = [
            #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>"#,
            #"<xf numFmtId="\#(dateFormatID)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
            #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>"#,
        ]
        for style in NumberStyle.allCases {
            for (negative, font) in [(false, 0), (false, 1), (true, 0), (true, 1)] {
                xfs.append(
                    #"<xf numFmtId="\#(numberFormatID(style, negative: negative))" fontId="\#(font)" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"\#(font == 1 ? #" applyFont="1""# : "")/>"#
                )
            }
        }
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
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }()
}
