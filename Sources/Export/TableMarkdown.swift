import PlannerCore

/// Tables for reports (GitHub-flavoured Markdown): numbers right-aligned, values as people read
/// them, `|` and line breaks in cells made safe, notes under the table.
public enum TableMarkdown {
    /// The Markdown table, followed by its notes as paragraphs.
    public static func render(_ table: Table) -> String {
        var md = "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
        md += "|" + table.columns.map { isNumeric($0.kind) ? "---:|" : "---|" }.joined() + "\n"
        for row in table.rows { md += "| " + row.map { cell($0.displayText) }.joined(separator: " | ") + " |\n" }
        for note in table.notes { md += "\n" + cell(note) + "\n" }
        return md
    }

    /// Whether a column of this kind is right-aligned.
    static func isNumeric(_ kind: Table.Kind) -> Bool {
        switch kind {
        case .count, .money, .decimal, .percent: true
        case .text, .date, .list, .mixed: false
        }
    }

    /// Text safe inside a Markdown table cell: `|` escaped, line breaks as spaces.
    public static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
