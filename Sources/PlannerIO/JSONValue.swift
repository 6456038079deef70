/// JSON built in code and written deterministically: object keys in the order given (sort them
/// where order must not depend on input), numbers as the caller wrote them, two-space indents.
/// Same value, same bytes: what canonical plan files and command output need.
public indirect enum JSONValue: Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
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

/// Fixed-point text of numbers, without Foundation's locale-dependent formatting.
public enum DecimalText {
    /// `value` rounded half away from zero to `places` decimals: (0.88375, 4) → "0.8838".
    public static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        var digits = String(Int64(scaled))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// Tiny magnitudes (gaps, violations) as `1.234e-12`, deterministic; 0 as `0`.
    public static func scientific(_ x: Double) -> String {
        guard x != 0, x.isFinite else { return "0" }
        var exponent = 0
        var mantissa = abs(x)
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        return (x < 0 ? "-" : "") + fixed(mantissa, places: 3) + "e" + String(exponent)
    }
}
