/// JSON built in code and written deterministically: object keys in the order given (sort them
/// where order must not depend on input), numbers as the caller wrote them, two-space indents.
/// Same value, same bytes: what canonical plan files and command output need.
public indirect enum JSONValue: Sendable {
    /// A string, escaped on output (quotes, backslashes, control characters).
    case string(String)
    /// A number written exactly as given (`"149.50"`): the caller formats it, so output never depends on how a platform prints floats.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// JSON `null`.
    case null
    /// An array, items in the given order.
    case array([JSONValue])
    /// Members in the order they are written.
    case object([(String, JSONValue)])

    /// The JSON text, pretty-printed.
    public func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + Self.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }.joined(separator: ",\n")
                + "\n\(end)}"
        }
    }

    /// The JSON text on one line, no spaces: a JSON Lines record.
    public var compact: String {
        var out: [UInt8] = []
        appendCompact(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``compact``'s UTF-8 bytes to `out` (for writers that build a file's bytes).
    public func appendCompact(to out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.appendQuoted(s, to: &out)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                item.appendCompact(to: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.appendQuoted(member.0, to: &out)
                out.append(0x3A)
                member.1.appendCompact(to: &out)
            }
            out.append(0x7D)
        }
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal to `out`: quote, backslash and control characters
    /// escaped (`\u001f` in lower-case hex), every other character as its UTF-8 bytes. Byte by
    /// byte: the bytes of a character beyond ASCII are all 0x80 or more, so none is escaped.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(0x22)
        s.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case ..<0x20:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                default: out.append(byte)
                }
            }
        }
        out.append(0x22)
    }
}
