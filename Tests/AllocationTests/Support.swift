import Allocation
import Foundation
import PlannerCore

extension SplitMix64 {
    /// A number in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }
}

/// Random saturation cells: a in [10, 1000], s in [5, 500], hi in [0.2 s, 5 s], some lows.
func randomCells(
    _ count: Int, seed: UInt64, channels: Int = 0, segments: Int = 0, minimumSpend: Bool = false,
    unitCost: Bool = false
) -> [Cell] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { k in
        let a = rng.uniform(10, 1000)
        let s = rng.uniform(5, 500)
        let hi = rng.uniform(0.2, 5) * s
        let lo = rng.uniform(0, 1) < 0.2 ? rng.uniform(0, 0.3) * hi : 0
        let channel = channels > 0 ? "ch\(Int(rng.next() % UInt64(channels)))" : nil
        let segment = segments > 0 ? "seg\(Int(rng.next() % UInt64(segments)))" : nil
        let m = minimumSpend && lo == 0 ? rng.uniform(0.05, 0.6) * hi : 0
        let unit = unitCost ? rng.uniform(0.5, 3) * s / 20 : nil
        return Cell(
            id: String(format: "c%05d", k), segment: segment, channel: channel,
            curve: .saturation(a: a, s: s), lo: lo, hi: hi, minimumSpend: m, unitCost: unit)
    }
}

/// Independent water-filling by bisection on λ (for saturation cells with bounds), used as an
/// oracle. Returns the optimal spends for budget `budget` and floor `floor`.
func oracleWaterFill(_ cells: [(a: Double, s: Double, lo: Double, hi: Double)], budget: Double)
    -> [Double]
{
    func spend(_ lambda: Double) -> [Double] {
        cells.map { c in min(max(c.s * log(c.a / (c.s * lambda)), c.lo), c.hi) }
    }
    if spend(1e-300).reduce(0, +) <= budget { return cells.map(\.hi) }
    var low = 1e-300
    var high = cells.map { $0.a / $0.s }.max()! * 2
    for _ in 0..<3000 {
        let mid = sqrt(low * high)
        if mid <= low || mid >= high { break }
        if spend(mid).reduce(0, +) > budget { low = mid } else { high = mid }
    }
    return spend(high)
}

func saturation(_ cell: Cell) -> (a: Double, s: Double) {
    guard case let .saturation(a, s) = cell.curve else { fatalError("saturation cells only") }
    return (a, s)
}
