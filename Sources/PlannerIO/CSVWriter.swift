/// Writes CSV text per RFC 4180: fields with a comma, quote, CR or LF are quoted and quotes doubled;
/// rows end with LF. Deterministic: the same rows give the same bytes.
public struct CSVWriter: Sendable {
    /// The CSV written so far, header first, each row ending in LF.
    public private(set) var text = ""

    /// A writer whose text starts with the `header` row.
    public init(header: [String]) { appendRow(header) }

    /// The CSV text of a header and rows.
    public static func render(header: [String], rows: [[String]]) -> String {
        var writer = CSVWriter(header: header)
        for row in rows { writer.appendRow(row) }
        return writer.text
    }

    /// Appends one row.
    public mutating func appendRow(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    /// One field, quoted when it must be.
    public static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}
