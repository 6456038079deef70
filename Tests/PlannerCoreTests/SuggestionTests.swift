import PlannerCore
import Testing

@Suite("Did you mean ...?")
struct SuggestionTests {
    @Test(
        "the closest known name within a third of its length, else none",
        arguments: [
            ("budjet", ["name", "budget", "period"], "budget"),  // one substitution
            ("diwalli", ["diwali", "holi", "onam"], "diwali"),  // one insertion
            ("whatsap", ["sms", "whatsapp", "email", "push"], "whatsapp"),  // one deletion
            ("hloi", ["diwali", "holi"], "holi"),  // neighbours swapped: one edit
            ("IN-WBB", ["IN-TN", "IN-WB"], "IN-WB"),
            ("BUDGET", ["budget"], nil),  // the same name in other case is not a typo
            ("zzz", ["budget", "name"], nil),
            ("ab", ["xy"], nil),  // two edits in a two-letter name: too far
            ("sms", ["sma", "smx"], "sma"),  // ties: the first listed
        ] as [(String, [String], String?)])
    func closest(text: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: text, among: candidates) == expected)
    }

    @Test("the phrase to append to a message")
    func phrase() {
        #expect(Suggestion.phrase(for: "holdot", among: ["holdout", "budget"]) == " (did you mean 'holdout'?)")
        #expect(Suggestion.phrase(for: "qqqq", among: ["holdout"]) == "")
    }
}
