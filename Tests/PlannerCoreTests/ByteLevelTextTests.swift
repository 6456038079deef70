import PlannerCore
import Testing

/// The byte-level text functions against the character-by-character code they replace, on every
/// string of up to four pieces from an alphabet of the awkward cases: combining marks after an
/// ASCII byte, a prepended mark before one, CR LF, joiners, Devanagari, controls.
@Suite("Byte-level text: the same as walking the characters")
struct ByteLevelTextTests {
    static let pieces = ["a", " ", "\"", ",", "\u{301}", "\u{600}", "\r", "\n", "é", "क्", "\u{200D}", "\u{1}", "\t", "\u{85}"]

    static func strings(upTo length: Int) -> [String] {
        var all = [""], last = [""]
        for _ in 0..<length {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            all += last
        }
        return all
    }

    @Test("an ASCII byte is its own character exactly where the characters say so")
    func standalone() {
        for text in Self.strings(upTo: 3) {
            // The reference: the byte offsets of the one-byte ASCII characters.
            var offsets: Set<Int> = []
            var offset = 0
            for character in text {
                if character.utf8.count == 1 { offsets.insert(offset) }
                offset += character.utf8.count
            }
            var copy = text
            copy.withUTF8 { bytes in
                for i in bytes.indices where bytes[i] < 0x80 {
                    #expect(StandaloneASCII.isCharacter(at: i, in: bytes) == offsets.contains(i), "\(Array(text.unicodeScalars))")
                }
            }
        }
    }

    @Test("the first word is the first piece of a split at space characters")
    func firstWord() {
        for text in Self.strings(upTo: 4) {
            #expect(SafeText.firstWord(text) == (text.split(separator: " ").first.map(String.init) ?? text))
            #expect(SafeText.firstWord(text).utf8.elementsEqual((text.split(separator: " ").first.map(String.init) ?? text).utf8))
        }
        #expect(SafeText.firstWord("Asha Rao") == "Asha")
        #expect(SafeText.firstWord("अनीता शर्मा") == "अनीता")
        #expect(SafeText.firstWord("Asha") == "Asha")
    }

    @Test("a cleaned name is the scalar-by-scalar cleaning's")
    func cleanName() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var space = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    space = !out.isEmpty
                    continue
                }
                switch scalar.properties.generalCategory {
                case .control, .lineSeparator, .paragraphSeparator: continue
                case .format where scalar.value != 0x200D && scalar.value != 0x200C: continue
                default: break
                }
                if space { out.append(" ") }
                space = false
                out.append(scalar)
            }
            return String(out)
        }
        for text in Self.strings(upTo: 4) + ["Asha Rao", " Asha  Rao ", "A\u{7F}B", "x\u{1C}y"] {
            #expect(SafeText.cleanName(text).utf8.elementsEqual(reference(text).utf8))
        }
    }

    @Test("a JSON string literal is the scalar-by-scalar escaping's")
    func jsonQuote() {
        #expect(JSONValue.quote("a\"b\\c\n\r\t\u{1}\u{1F}é") == "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001fé\"")
        #expect(
            JSONValue.object([("k", .array([.string("v"), .number("1"), .bool(true), .null]))]).compact == "{\"k\":[\"v\",1,true,null]}")
    }
}
