import Allocation
import Foundation
import PlannerCore
import Testing

/// Every constraint at once on seeded random instances that are feasible by construction: caps
/// and segment limits are built around a point that respects minimum spends and whole messages.
@Suite("Mixed random instances")
struct MixedInstanceTests {
    @Test("caps, segment limits, minimum spend, whole messages, floor: feasible plans, gap ≤ 1e-9 (whole messages: reported)")
    func mixed() throws {
        for seed in 0..<300 {
            var rng = SplitMix64(seed: UInt64(seed))
            let n = 1 + Int(rng.next() % 40)
            let cells = randomCells(
                n, seed: UInt64(seed * 7 + 1), channels: 1 + seed % 3, segments: 1 + seed % 4, minimumSpend: seed % 2 == 0,
                unitCost: seed % 5 == 0)
            let point = cells.map { c -> Double in
                var x = c.lo + rng.uniform(0, 0.5) * (c.hi - c.lo)
                if c.minimumSpend > 0 && x < c.minimumSpend { x = rng.uniform(0, 1) < 0.5 ? 0 : c.minimumSpend }
                if let u = c.unitCost {
                    x = max((x / u).rounded(.down) * u, (c.lo / u).rounded(.up) * u)
                    if c.minimumSpend > 0 && x > 0 && x < c.minimumSpend { x = 0 }
                }
                return x
            }
            let budget = point.reduce(0, +) * rng.uniform(0.9, 1.5)
            var caps: [ChannelCap] = []
            for k in 0..<3 where rng.uniform(0, 1) < 0.6 {
                let total = zip(cells, point).filter { $0.0.channel == "ch\(k)" }.map(\.1).reduce(0, +)
                caps.append(ChannelCap(channel: "ch\(k)", cap: total * rng.uniform(1.0, 1.3)))
            }
            var limits: [SegmentLimit] = []
            for k in 0..<4 where rng.uniform(0, 1) < 0.6 {
                let total = zip(cells, point).filter { $0.0.segment == "seg\(k)" }.map(\.1).reduce(0, +)
                limits.append(
                    SegmentLimit(segment: "seg\(k)", minimum: total * rng.uniform(0, 0.9), maximum: total * rng.uniform(1, 2)))
            }
            let problem = AllocationProblem(
                cells: cells, budget: max(budget, point.reduce(0, +)), channelCaps: caps, segmentLimits: limits,
                marginalFloor: seed % 7 == 0 ? 0.3 : nil)
            let result = try allocate(problem)
            let certificate = result.certificate
            #expect(result.totalSpend <= problem.budget, "seed \(seed)")
            #expect(certificate.maxViolation <= 1e-9 * problem.budget, "seed \(seed)")
            #expect(certificate.dualBound >= certificate.objective, "seed \(seed)")
            if certificate.method == .wholeMessageRounding {
                #expect(certificate.relativeGap <= 0.1, "seed \(seed)")
            } else {
                #expect(certificate.relativeGap <= 1e-9, "seed \(seed)")
            }
            for (cell, plan) in zip(cells, result.cells) {
                #expect(plan.budget >= cell.lo && plan.budget <= cell.hi, "seed \(seed)")
                #expect(plan.budget == 0 || plan.budget >= min(cell.minimumSpend, cell.hi) * (1 - 1e-12), "seed \(seed)")
            }
        }
    }
}
