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
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { Self.quote($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
