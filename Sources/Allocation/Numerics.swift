import Foundation

/// Neumaier-compensated running sum: the reference sum for "spend ≤ budget".
///
/// Every total in this module (spend, response, dual bound) is added in cell-id order through this
/// type, so results do not depend on dictionary order and are bit-identical from run to run.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    init() {}

    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    var value: Double { sum + compensation }
}

extension Sequence where Element == Double {
    /// The compensated sum of the elements, in sequence order.
    var compensatedSum: Double {
        var total = CompensatedSum()
        for x in self { total.add(x) }
        return total.value
    }
}
