/// Text from outside (a header, a field, a file name) made safe to print to a terminal or a log:
/// control characters, bidi controls and other invisible format characters are written as
/// `\u{…}` escapes, so a binary file's bytes cannot move the cursor, ring the bell or reorder the
/// line, and long values are shortened.
public enum SafeText {
    /// `text` with every control (C0, DEL, C1, including newlines and tabs) and bidi or other
    /// format character (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, ...) escaped.
    /// Malformed UTF-8 has already become U+FFFD when the bytes were decoded; it is kept.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A value quoted in an error, cut to `limit` characters and escaped (`…` and the full
    /// length after a cut): `'C0000001,Priya,…' (2,941 characters)`.
    public static func quoted(_ value: String, limit: Int = 60) -> String {
        guard value.count > limit else { return "'\(escaped(value))'" }
        return "'\(escaped(String(value.prefix(limit))))…' (\(value.count) characters)"
    }

    /// A list of values (a header's column names) for a hint: each quoted value shortened, and at
    /// most `limit` of them, with the number left out.
    public static func list(_ values: [String], limit: Int = 20, valueLimit: Int = 40) -> String {
        let shown = values.prefix(limit).map { value in
            value.count > valueLimit ? escaped(String(value.prefix(valueLimit))) + "…" : escaped(value)
        }
        let rest = values.count > limit ? " and \(values.count - limit) more" : ""
        return shown.joined(separator: ", ") + rest
    }

    /// A CSV field a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return (which Excel, LibreOffice and Google Sheets take for a formula) gets a
    /// leading `'`, as OWASP's CSV-injection advice says; anything else is returned unchanged.
    public static func spreadsheetCell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
        }
    }

    /// A name from a customer file made fit to address someone with: control, bidi and other
    /// format characters removed (joiners kept, they shape Indic text), whitespace runs made one
    /// space, ends trimmed. A name cannot reorder or break the message it is put in.
    public static func cleanName(_ text: String) -> String {
        if isCleanASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // ASCII: whitespace is tab to carriage return and space; controls are C0 and DEL.
            if value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if value < 0x80 ? value < 0x20 || value == 0x7F : needsEscape(scalar) { continue }
            if space { out.append(" ") }
            space = false
            out.append(scalar)
        }
        return String(out)
    }

    /// The text before the first space (`"Asha Rao"` → `"Asha"`), the whole text when it has none:
    /// what splitting its characters at spaces gives first, found byte by byte (a space is taken
    /// only where it is a character of its own, ``StandaloneASCII``; `" \u{301}"` is not one).
    public static func firstWord(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            var start = 0
            for i in bytes.indices where bytes[i] == 0x20 && StandaloneASCII.isCharacter(at: i, in: bytes) {
                if i > start { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) }
                start = i + 1
            }
            guard start > 0, start < bytes.count else { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
    }

    /// Whether `text` is printable ASCII with single inner spaces: what ``cleanName(_:)`` keeps as it is.
    static func isCleanASCII(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard (0x20...0x7E).contains(byte), byte != 0x20 || previous != 0x20 else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control: return true
        case .format: return scalar.value != 0x200D && scalar.value != 0x200C  // joiners shape Indic text: keep them
        case .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
