import PlannerCore

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
        var copy = field
        return copy.withUTF8 { bytes in
            guard needsQuotes(bytes) else { return field }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            appendQuoted(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends one field's bytes to `out`, quoted when it must be (the bytes ``escape(_:)`` gives).
    public static func append(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            if needsQuotes(bytes) { appendQuoted(bytes, to: &out) } else { out.append(contentsOf: bytes) }
        }
    }

    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// `"`, the field with each quote character doubled, `"`. A quote is doubled when it is a
    /// character of its own (``StandaloneASCII``), so the text is that of a character-by-character
    /// copy; when one is not (a combining mark after it), the characters are walked instead.
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var plain = true
        for i in bytes.indices where bytes[i] == 0x22 && !StandaloneASCII.isCharacter(at: i, in: bytes) {
            plain = false
            break
        }
        if plain {
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
        } else {
            for character in String(decoding: bytes, as: UTF8.self) {
                out.append(contentsOf: character.utf8)
                if character == "\"" { out.append(0x22) }
            }
        }
        out.append(0x22)
    }
}
