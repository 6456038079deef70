/// Amounts in the currency's smallest unit (paise for INR), so totals reconcile exactly across
/// every export: a plan's line budgets sum to its allocated total to the paisa.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minor units (paise).
    public let minor: Int64

    public init(minor: Int64) { self.minor = minor }

    /// The nearest amount to `major` units (rupees), half away from zero.
    public init(major: Double) { self.minor = Int64((major * 100).rounded(.toNearestOrAwayFromZero)) }

    public var major: Double { Double(minor) / 100 }

    /// `12345.60`: two decimals, no grouping (for JSON and CSV).
    public var description: String {
        let sign = minor < 0 ? "-" : "", absolute = minor.magnitude
        let cents = absolute % 100
        return "\(sign)\(absolute / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }
    public static func + (a: Money, b: Money) -> Money { Money(minor: a.minor + b.minor) }
    public static func - (a: Money, b: Money) -> Money { Money(minor: a.minor - b.minor) }
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
