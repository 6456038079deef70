import PlannerCore
import Testing

@Suite("Money and option mentions")
struct MoneyAndOptionTextTests {
    @Test("money parses Indian grouping, rounds half away from zero, and divides exactly")
    func money() {
        #expect(Money("1,23,456.78")?.minor == 12_345_678)
        #expect(Money("-3")?.minor == -300)
        #expect(Money("10.005")?.minor == 1001)
        #expect(Money("12.3.4") == nil && Money("") == nil && Money("₹5") == nil)
        #expect(Money(minor: 1001).description == "10.01" && Money(minor: -5).description == "-0.05")
        // 100.00 / 3 = 33.333... → 33.33; 0.05 / 2 = 0.025 → 0.03 (half away from zero).
        #expect(Money(minor: 10_000).divided(by: 3).minor == 3333)
        #expect(Money(minor: 5).divided(by: 2).minor == 3 && Money(minor: -5).divided(by: 2).minor == -3)
        #expect(Money(minor: 5).divided(by: 0) == .zero)
    }

    @Test("an option named in library text is spelled by each front end, and plainly by default")
    func optionText() {
        let hint = "name it with \(OptionText.mention("map", "region=COLUMN")) or \(OptionText.mention("columns"))"
        #expect(OptionText.plain(hint) == "name it with `map region=COLUMN` or `columns`")
        let flags = OptionText.spelled(hint) { name, value in "--\(name)" + (value.map { " \($0)" } ?? "") }
        #expect(flags == "name it with --map region=COLUMN or --columns")
        let diagnostic = Diagnostic(.badRequest, field: OptionText.mention("region"), message: "unknown region 'IN-XX'")
        #expect(diagnostic.description == "error: `region`: unknown region 'IN-XX'")
        #expect(diagnostic.text(spelling: { name, _ in "--\(name)" }) == "error: --region: unknown region 'IN-XX'")
        #expect(diagnostic.fault == .badRequest)
    }
}
