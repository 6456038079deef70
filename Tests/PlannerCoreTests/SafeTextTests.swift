import PlannerCore
import Testing

@Suite("Error text safe for a terminal and a log")
struct SafeTextTests {
    @Test("controls, escape sequences and bidi overrides are escaped; Indic joiners and scripts are kept")
    func escaped() {
        #expect(SafeText.escaped("\u{1B}[31mred\u{7}") == "\\u{1B}[31mred\\u{7}")
        #expect(SafeText.escaped("line\nnext\tcell\r") == "line\\u{A}next\\u{9}cell\\u{D}")
        // U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LEFT-TO-RIGHT ISOLATE would reorder the line.
        #expect(SafeText.escaped("\u{202E}NT-NI\u{2066}") == "\\u{202E}NT-NI\\u{2066}")
        #expect(SafeText.escaped("\u{85}\u{2028}") == "\\u{85}\\u{2028}")
        // Zero-width joiners shape Devanagari and Malayalam conjuncts: they stay, as do the scripts.
        #expect(SafeText.escaped("क्\u{200D}ष தமிழ் বাংলা") == "क्\u{200D}ष தமிழ் বাংলা")
        #expect(SafeText.escaped("Tamil Nadu") == "Tamil Nadu")
    }

    @Test("a long value is cut with its full length; a list is capped with the number left out")
    func shortened() {
        #expect(SafeText.quoted("IN-TN") == "'IN-TN'")
        let long = String(repeating: "a", count: 100)
        #expect(SafeText.quoted(long, limit: 10) == "'aaaaaaaaaa…' (100 characters)")
        // A cut never splits an escape.
        #expect(SafeText.quoted(String(repeating: "\u{0}", count: 5), limit: 2) == "'\\u{0}\\u{0}…' (5 characters)")
        let header = (1...25).map { "c\($0)" }
        #expect(SafeText.list(header, limit: 3) == "c1, c2, c3 and 22 more")
        #expect(SafeText.list([long], valueLimit: 4) == "aaaa…")
    }
}
