import PlannerCore
import Testing

@Suite("Canonical JSON: member order, exact numbers, sorted dictionaries, null")
struct CanonicalJSONTests {
    /// Members in the order `encode(to:)` writes them (not alphabetical), optionals as null.
    struct Line: Encodable {
        let zeta: String
        let alpha: Int
        let cost: Double
        let roi: Double?
        let budget: Money
        let reach: [String: Int]

        enum CodingKeys: String, CodingKey { case zeta, alpha, cost, roi, budget, reach }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(zeta, forKey: .zeta)
            try c.encode(alpha, forKey: .alpha)
            try c.encode(FixedDecimal(cost, places: 4), forKey: .cost)
            try c.encode(roi.map { FixedDecimal($0, places: 4) }, forKey: .roi)
            try c.encode(budget, forKey: .budget)
            try c.encode(reach, forKey: .reach)
        }
    }

    @Test("a value's text: keys in encode order, money with two decimals, fixed places, null, sorted dictionary keys")
    func text() throws {
        let line = Line(
            zeta: "IN-WB/bn \"q\"", alpha: -3, cost: 0.12, roi: nil, budget: Money(minor: 170),
            reach: ["whatsapp": 2, "email": 1, "sms": 3])
        let expected = """
            {
              "zeta": "IN-WB/bn \\"q\\"",
              "alpha": -3,
              "cost": 0.1200,
              "roi": null,
              "budget": 1.70,
              "reach": {
                "email": 1,
                "sms": 3,
                "whatsapp": 2
              }
            }

            """
        #expect(try CanonicalJSON.text(of: line) == expected)
        #expect(try CanonicalJSON.text(of: [line, line]) == CanonicalJSON.text(of: [line, line]))
    }

    @Test("arrays, nested values and scientific figures")
    func nested() throws {
        let value: [String: [ScientificDecimal]] = ["gap": [ScientificDecimal(2.827e-7), ScientificDecimal(0)]]
        #expect(try CanonicalJSON.value(of: value).render() == "{\n  \"gap\": [\n    2.827e-7,\n    0\n  ]\n}")
        #expect(try CanonicalJSON.value(of: [String]()).render() == "[]")
        #expect(try CanonicalJSON.value(of: Money(minor: -5)).render() == "-0.05")
    }

    @Test("a non-finite number is an encoding error naming its path; JSON has no NaN")
    func nonFinite() throws {
        struct Figure: Encodable { let ratio: Double }
        let error = try #require(throws: EncodingError.self) { try CanonicalJSON.text(of: [Figure(ratio: .nan)]) }
        guard case .invalidValue(_, let context) = error else {
            Issue.record("expected invalidValue, got \(error)")
            return
        }
        #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["0", "ratio"])
    }
}
