import PlannerCore
import PlannerIO
import Testing

@Suite("CSV fields escaped byte by byte, as a character-by-character copy escapes them")
struct CSVWriterTests {
    @Test("quotes are doubled where they are characters of their own; other fields are unchanged")
    func escape() {
        func reference(_ field: String) -> String {
            guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
            var out = ""
            for character in field {
                if character == "\"" { out += "\"\"" } else { out.append(character) }
            }
            return "\"" + out + "\""
        }
        let pieces = ["a", " ", "\"", ",", "\u{301}", "\u{600}", "\r", "\n", "é", "क्", "\u{200D}"]
        var all = [""], last = [""]
        for _ in 0..<4 {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            all += last
        }
        for field in all {
            #expect(CSVWriter.escape(field).utf8.elementsEqual(reference(field).utf8))
            var bytes: [UInt8] = []
            CSVWriter.append(field, to: &bytes)
            #expect(bytes.elementsEqual(CSVWriter.escape(field).utf8))
        }
        #expect(CSVWriter.escape("Priya \"Bunty\" Reddy, hi") == "\"Priya \"\"Bunty\"\" Reddy, hi\"")
        #expect(CSVWriter.escape("plain") == "plain")
        // A quote with a combining acute is one character, not a quote: copied as it is.
        #expect(CSVWriter.escape("a,\"\u{301}") == "\"a,\"\u{301}\"")
    }
}
