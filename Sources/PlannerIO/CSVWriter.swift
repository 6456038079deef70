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

    /// `"`, the field with every quote doubled, `"` (RFC 4180 reads U+0022 wherever it stands,
    /// even before a combining mark that a `String` would join to it).
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in bytes {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }
}
