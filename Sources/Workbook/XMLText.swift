/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
    /// Whether XML 1.0 allows the scalar at all (§2.2 Char): tab, newline, carriage return,
    /// U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above. Everything else is dropped.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` without the characters XML 1.0 cannot carry.
    static func legal(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isAllowed) { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// Escapes `&`, `<`, `>` and `"` (so the result fits element content and double-quoted
    /// attributes) after dropping illegal characters.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes text for a spreadsheet string: as `escape`, and an underscore that starts a
    /// `_xHHHH_` sequence becomes `_x005F_`, because Excel and LibreOffice decode such sequences
    /// as escaped characters (ECMA-376 §22.9.2.19 ST_Xstring): "_x0041_" must not turn into "A".
    static func escapeSpreadsheetString(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.contains("_x") else { return escaped }
        let chars = Array(escaped.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            if chars[i] == "_", i + 6 < chars.count, chars[i + 1] == "x", chars[i + 6] == "_",
                chars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit })
            {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(chars[i])
            }
            i += 1
        }
        return String(out)
    }

    /// A finite number in the shortest text that reads back to the same `Double`, without a
    /// trailing `.0`: 12345678.5 → "12345678.5", 100.0 → "100", 1e-7 → "1e-07".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
