/// Whether an ASCII byte of UTF-8 text is a character of its own (an extended grapheme cluster,
/// as `String`'s `Character`s draw them), without walking the text's characters: what lets a
/// byte-level scan (CSV quotes, name splitting) give exactly the text a character-by-character
/// one gives.
///
/// An ASCII byte other than CR and LF joins a neighbour only when the scalar after it extends it
/// (a combining mark, a spacing mark, a joiner) or the scalar before it is a prepended mark
/// (U+0600 ARABIC NUMBER SIGN): both are decided by that pair alone, so a non-ASCII neighbour is
/// checked as a two-scalar string, and an ASCII neighbour needs no check.
///
/// ```swift
/// var text = "a \u{301}b c"
/// text.withUTF8 { StandaloneASCII.isCharacter(at: 1, in: $0) }   // false: " \u{301}" is one character
/// text.withUTF8 { StandaloneASCII.isCharacter(at: 4, in: $0) }   // true
/// ```
public enum StandaloneASCII {
    /// Whether the ASCII byte at `i` of the valid UTF-8 `bytes` is a character of its own.
    public static func isCharacter(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[i]
        if i > 0 {
            let previous = bytes[i - 1]
            if previous < 0x80 {
                if previous == 0x0D && byte == 0x0A { return false }
            } else {
                var start = i - 1
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                if joined(bytes, start..<(i + 1)) { return false }
            }
        }
        if i + 1 < bytes.count {
            let next = bytes[i + 1]
            if next < 0x80 {
                if byte == 0x0D && next == 0x0A { return false }
            } else {
                var end = i + 2
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
                if joined(bytes, i..<end) { return false }
            }
        }
        return true
    }

    /// Whether two scalars (the bytes in `range`) make one character.
    private static func joined(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).count == 1
    }
}
