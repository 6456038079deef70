import PlannerIO
import Testing

@Suite("CSV fields escaped byte by byte, read back exactly")
struct CSVWriterTests {
    @Test("every field of awkward pieces reads back byte for byte through the RFC 4180 tokenizer; every quote is doubled")
    func escape() {
        let pieces = ["a", " ", "\"", ",", "\u{301}", "\u{600}", "\r", "\n", "é", "क्", "\u{200D}"]
        var all = [""], last = [""]
        for _ in 0..<4 {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            all += last
        }
        for field in all {
            var bytes: [UInt8] = []
            CSVWriter.append(field, to: &bytes)
            #expect(bytes.elementsEqual(CSVWriter.escape(field).utf8))
            // Between two other fields, so a field that is empty or all line ends still makes a record.
            var tokenizer = CSVTokenizer(bytes: Array("x,".utf8) + bytes + Array(",y\n".utf8))
            guard case .fields(_, let values, _)? = tokenizer.next() else {
                Issue.record("\(Array(field.unicodeScalars)) does not read back as a record")
                continue
            }
            #expect(values.count == 3 && values[1] == Array(field.utf8), "\(Array(field.unicodeScalars))")
        }
        #expect(CSVWriter.escape("Priya \"Bunty\" Reddy, hi") == "\"Priya \"\"Bunty\"\" Reddy, hi\"")
        #expect(CSVWriter.escape("plain") == "plain")
        // A quote with a combining acute is one Character to Swift, but U+0022 to a CSV reader: doubled.
        #expect(Array(CSVWriter.escape("a,\"\u{301}").utf8) == Array("\"a,\"\"\u{301}\"".utf8))
    }
}
