/// An amount of money in the currency's smallest unit (paise for INR), the one money type of every
/// module: sums are exact and do not depend on the order they were added in, and a plan's line
/// budgets sum to its allocated total to the paisa in every export.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minor units (paise).
    public let minor: Int64

    /// An amount of `minor` units (paise), exactly.
    public init(minor: Int64) { self.minor = minor }

    /// The nearest amount to `major` units (rupees), half away from zero.
    public init(major: Double) { self.minor = Int64((major * 100).rounded(.toNearestOrAwayFromZero)) }

    /// Parses `1234.5`, `1,23,456.78`, `-3` (rounded half away from zero to minor units); `nil` for
    /// anything else.
    public init?(_ text: String) {
        guard let value = Array(text.utf8).withUnsafeBufferPointer({ ByteNumbers.decimal($0, places: 2) }) else { return nil }
        self.minor = value
    }

    /// The amount in major units (rupees), for arithmetic with rates and curves.
    public var major: Double { Double(minor) / 100 }

    /// The amount divided by `count`, rounded half away from zero to minor units (zero for no count):
    /// a segment's mean spend.
    public func divided(by count: Int) -> Money {
        guard count > 0 else { return .zero }
        let n = Int64(count)
        let (q, r) = minor.quotientAndRemainder(dividingBy: n)
        let roundAway = r.magnitude * 2 >= n.magnitude
        return Money(minor: q + (roundAway ? (minor < 0 ? -1 : 1) : 0))
    }

    /// `12345.60`: two decimals, no grouping (for JSON and CSV).
    public var description: String {
        let sign = minor < 0 ? "-" : "", absolute = minor.magnitude
        let cents = absolute % 100
        return "\(sign)\(absolute / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Orders amounts by value; both must be in the same currency (not checked).
    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }
    /// The exact sum in minor units (traps on Int64 overflow, far beyond any budget).
    public static func + (a: Money, b: Money) -> Money { Money(minor: a.minor + b.minor) }
    /// The exact difference in minor units; negative when `b` is larger.
    public static func - (a: Money, b: Money) -> Money { Money(minor: a.minor - b.minor) }
    /// No money: 0 minor units.
    public static let zero = Money(minor: 0)

    /// Rounds amounts to minor units so that they sum exactly to `total` rounded (largest
    /// remainder; ties by index, so the result is deterministic).
    public static func apportion(_ amounts: [Double]) -> [Money] {
        let total = Money(major: amounts.reduce(0, +)).minor
        let scaled = amounts.map { $0 * 100 }
        var floors = scaled.map { Int64($0.rounded(.down)) }
        var remainder = total - floors.reduce(0, +)
        let order = scaled.indices.sorted {
            let a = scaled[$0] - Double(floors[$0]), b = scaled[$1] - Double(floors[$1])
            return a != b ? a > b : $0 < $1
        }
        var index = 0
        while remainder > 0, !order.isEmpty {
            floors[order[index % order.count]] += 1
            remainder -= 1
            index += 1
        }
        return floors.map(Money.init(minor:))
    }
}

extension Money: Codable, CanonicalJSONNumber {
    /// Decodes a JSON number of major units (`1.70`), rounded to the nearest minor unit: exact
    /// for amounts below 2^53 minor units (about ₹90 lakh crore), as every plan's are.
    public init(from decoder: any Decoder) throws {
        self.init(major: try decoder.singleValueContainer().decode(Double.self))
    }

    /// Encodes the amount in major units (``CanonicalJSON`` writes ``description``'s two decimals).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(major)
    }

    /// ``description``: `12345.60`.
    public var canonicalJSONText: String { description }
}
