import PlannerCore
import Testing

@Suite("Fixed-point text of figures")
struct DecimalTextTests {
    /// The plain algorithm (digits of the rounded integer, a point inserted): the fast writer must
    /// give exactly its bytes.
    static func reference(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        var digits = String(Int64(scaled))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    @Test("known figures, signs and rounding")
    func known() {
        #expect(DecimalText.fixed(39999.75, places: 2) == "39999.75")
        #expect(DecimalText.fixed(0.125, places: 2) == "0.13")  // away from zero
        #expect(DecimalText.fixed(-0.001, places: 2) == "0.00")  // no negative zero
        #expect(DecimalText.fixed(-12.5, places: 0) == "-13")
        #expect(DecimalText.fixed(0, places: 4) == "0.0000")
        #expect(DecimalText.fixed(7, places: 6) == "7.000000")
        #expect(DecimalText.fixed(1_234_567_890.123, places: 3) == "1234567890.123")
    }

    @Test("the same bytes as the plain algorithm for 200,000 figures of every size")
    func sameAsReference() {
        var generator = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        for i in 0..<200_000 {
            let magnitude = Double.random(in: -6...12, using: &generator)
            let value = (i % 2 == 0 ? 1 : -1) * Double.random(in: 0...9.99, using: &generator) * Double.exp10(magnitude)
            let places = i % 7
            #expect(DecimalText.fixed(value, places: places) == Self.reference(value, places: places), "\(value) \(places)")
        }
    }
}

/// A fixed stream of numbers (Marsaglia's xorshift64), so the test sees the same figures every run.
struct XorShift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

extension Double {
    fileprivate static func exp10(_ x: Double) -> Double {
        var result = 1.0
        let whole = Int(x.rounded(.down))
        for _ in 0..<abs(whole) { result *= whole < 0 ? 0.1 : 10 }
        return result
    }
}
