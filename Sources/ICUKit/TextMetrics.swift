import CICU

/// Paragraph direction of a text, by its first strong character (Unicode bidi rules P2-P3).
public enum TextDirection: String, Sendable {
    /// The text reads left to right (Latin, Devanagari, Tamil).
    case leftToRight = "ltr"
    /// The text reads right to left (Urdu, Arabic).
    case rightToLeft = "rtl"
    /// The text has no strong character (digits, punctuation or empty), so no direction of its own.
    case neutral
}

/// Lengths of text as a reader and as a channel see them.
public enum TextMetrics {
    /// User-perceived characters (extended grapheme clusters, per the running ICU).
    public static func graphemeCount(_ text: String) throws(ICUError) -> Int {
        var status: Int32 = 0
        let count = try text.withUTF16 { p, n throws(ICUError) in cp_icu_grapheme_count(p, n, &status) }
        try ICUError.check(status, "grapheme count")
        return Int(count)
    }

    /// UTF-16 offsets of grapheme cluster boundaries, 0 and the length included: where a text may
    /// be cut without splitting a character.
    public static func graphemeBoundaries(_ text: String) throws(ICUError) -> [Int] {
        try text.withUTF16 { p, n throws(ICUError) in
            // At most one boundary per code unit, plus the end: one pass, no counting call.
            var offsets = [Int32](repeating: 0, count: Int(n) + 1)
            var status: Int32 = 0
            let count = cp_icu_grapheme_boundaries(p, n, &offsets, n + 1, &status)
            try ICUError.check(status, "grapheme boundaries")
            return offsets[0..<Int(count)].map(Int.init)
        }
    }

    /// Whether every one of `offsets` (UTF-16) is a grapheme cluster boundary of `text`, as
    /// ``graphemeBoundaries(_:)`` would list it; without listing them all.
    public static func areGraphemeBoundaries(_ offsets: [Int], in text: String) throws(ICUError) -> Bool {
        var status: Int32 = 0
        let wanted = offsets.map { Int32($0) }
        let all = try text.withUTF16 { p, n throws(ICUError) in cp_icu_grapheme_boundaries_at(p, n, wanted, Int32(wanted.count), &status) }
        try ICUError.check(status, "grapheme boundaries")
        return all == 1
    }

    /// UTF-16 code units: what UCS-2 SMS and many length limits count.
    public static func utf16Length(_ text: String) -> Int { text.utf16.count }

    /// The paragraph direction given by the first strong character.
    public static func direction(_ text: String) -> TextDirection {
        let value = (try? text.withUTF16 { p, n throws(ICUError) in cp_icu_bidi_base_direction(p, n) }) ?? 3
        switch value {
        case 0: return .leftToRight
        case 1: return .rightToLeft
        default: return .neutral
        }
    }

    /// The paragraph direction ICU's bidi algorithm resolves (default left-to-right when the text
    /// has no strong character). Unlike ``direction(_:)`` it honours isolates and marks: a Urdu
    /// message that starts with a Latin name wrapped in FSI ... PDI is right-to-left.
    public static func paragraphDirection(_ text: String) throws(ICUError) -> TextDirection {
        var status: Int32 = 0
        let level = try text.withUTF16 { p, n throws(ICUError) in cp_icu_bidi_paragraph_level(p, n, &status) }
        try ICUError.check(status, "bidi paragraph level")
        return level & 1 == 1 ? .rightToLeft : .leftToRight
    }
}
