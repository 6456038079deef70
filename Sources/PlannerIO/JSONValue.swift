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
        let negative = value < 0 && scaled != 0
        // Digits written backwards into the string's own buffer (one allocation: this runs for
        // every money and rate figure of every table).
        var magnitude = Int64(scaled).magnitude
        var digitCount = 1
        var probe = magnitude / 10
        while probe > 0 {
            digitCount += 1
            probe /= 10
        }
        let shown = max(digitCount, places + 1)
        let length = (negative ? 1 : 0) + shown + (places > 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = length
            for written in 0..<shown {
                if places > 0 && written == places {
                    at -= 1
                    buffer[at] = UInt8(ascii: ".")
                }
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            if negative { buffer[0] = UInt8(ascii: "-") }
            return length
        }
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
