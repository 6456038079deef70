import Allocation
import Foundation
import PlannerCore
import Testing

/// Minimum viable spend and whole messages against exhaustive enumeration on small instances.
@Suite("Brute force on small instances")
struct BruteForceTests {
    @Test(
        "minimum viable spend: branch-and-bound matches enumeration of on/off sets",
        arguments: 0..<40)
    func minimumSpend(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(31 + seed))
        let count = 2 + seed % 4
        let cells = randomCells(count, seed: UInt64(1_000 + seed), minimumSpend: true)
        let sumHi = cells.map(\.hi).reduce(0, +)
        let budget = max(cells.map(\.lo).reduce(0, +), rng.uniform(0.05, 0.7) * sumHi)
        let problem = AllocationProblem(cells: cells, budget: budget)
        let result = try allocate(problem)

        // Enumerate which semi-continuous cells are on; solve each case with the oracle.
        var best = -Double.infinity
        for mask in 0..<(1 << count) {
            var boxes: [(a: Double, s: Double, lo: Double, hi: Double)] = []
            for (k, cell) in cells.enumerated() {
                let (a, s) = saturation(cell)
                let semi = cell.lo == 0 && cell.minimumSpend > 0
                if semi && mask & (1 << k) == 0 {
                    boxes.append((a, s, 0, 0))
                } else if semi {
                    guard cell.minimumSpend <= cell.hi else { boxes.append((a, s, 0, 0)); continue }
                    boxes.append((a, s, cell.minimumSpend, cell.hi))
                } else {
                    boxes.append((a, s, cell.lo, cell.hi))
                }
            }
            guard boxes.map(\.lo).reduce(0, +) <= budget else { continue }
            let plan = oracleWaterFill(boxes, budget: budget)
            best = max(best, totalResponse(of: plan, in: problem))
        }
        #expect(result.totalResponse >= best - 1e-8 * max(best, 1))
        #expect(result.certificate.dualBound >= best - 1e-8 * max(best, 1))
        #expect(result.certificate.relativeGap <= 1e-9)
        #expect(result.totalSpend <= budget)
        for (cell, plan) in zip(cells, result.cells) {
            #expect(plan.budget == 0 || plan.budget >= cell.minimumSpend * (1 - 1e-12))
        }
    }

    /// Every whole-message plan of a small instance, by enumeration.
    func enumerate(_ cells: [Cell], budget: Double) -> Double {
        var best = -Double.infinity
        func visit(_ k: Int, _ spent: Double, _ value: Double) {
            if k == cells.count {
                best = max(best, value)
                return
            }
            let c = cells[k].unitCost!
            let lowest = Int((cells[k].lo / c).rounded(.up))
            let highest = Int((cells[k].hi / c).rounded(.down))
            guard lowest <= highest else { return }
            for n in lowest...highest {
                let x = Double(n) * c
                if spent + x > budget * (1 + 1e-12) { break }
                visit(k + 1, spent + x, value + cells[k].curve.response(at: x))
            }
        }
        visit(0, 0, 0)
        return best
    }

    @Test("whole messages with equal unit costs: greedy rounding is exact", arguments: 0..<25)
    func equalUnitCosts(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(400 + seed))
        let unit = rng.uniform(2, 6)
        let cells = (0..<(2 + seed % 2)).map { k in
            Cell(
                id: "c\(k)", curve: .saturation(a: rng.uniform(10, 100), s: rng.uniform(5, 40)),
                hi: unit * Double(5 + Int(rng.next() % 10)), unitCost: unit)
        }
        let budget = rng.uniform(0.2, 0.9) * cells.map(\.hi).reduce(0, +)
        let result = try allocate(AllocationProblem(cells: cells, budget: budget))
        let best = enumerate(cells, budget: budget)
        #expect(abs(result.totalResponse - best) <= 1e-9 * max(best, 1))
        #expect(result.certificate.dualBound >= best - 1e-9 * max(best, 1))
        for plan in result.cells {
            let messages = try #require(plan.messages)
            #expect(plan.budget == Double(messages) * unit)
        }
    }

    @Test(
        "whole messages with unequal unit costs: feasible, bound valid, gap reported",
        arguments: 0..<25)
    func unequalUnitCosts(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(700 + seed))
        let cells = (0..<(2 + seed % 2)).map { k in
            let unit = rng.uniform(2, 9)
            return Cell(
                id: "c\(k)", curve: .saturation(a: rng.uniform(10, 100), s: rng.uniform(5, 40)),
                hi: unit * Double(4 + Int(rng.next() % 9)), unitCost: unit)
        }
        let budget = rng.uniform(0.2, 0.9) * cells.map(\.hi).reduce(0, +)
        let result = try allocate(AllocationProblem(cells: cells, budget: budget))
        let best = enumerate(cells, budget: budget)
        #expect(result.totalResponse <= best + 1e-9 * max(best, 1))
        #expect(result.certificate.dualBound >= best - 1e-9 * max(best, 1))
        #expect(result.totalSpend <= budget)
        // Greedy + 1-swap lands within 2 % of the enumerated optimum on these instances.
        #expect(result.totalResponse >= 0.98 * best)
        #expect(
            abs(result.certificate.gap - (result.certificate.dualBound - result.totalResponse))
                <= 1e-9 * max(best, 1))
    }
}

/// Whole messages under a channel cap and a segment minimum, against enumeration.
@Suite("Whole messages with limits")
struct WholeMessagesWithLimitsTests {
    @Test("caps and segment minimums hold after rounding; bound valid; within 3 % of enumeration", arguments: 0..<15)
    func limits(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(900 + seed))
        let unit = rng.uniform(2, 5)
        let cells = (0..<3).map { k in
            Cell(
                id: "c\(k)", segment: k == 0 ? "g" : "h", channel: k == 2 ? "sms" : "wa",
                curve: .saturation(a: rng.uniform(10, 100), s: rng.uniform(5, 40)),
                hi: unit * Double(4 + Int(rng.next() % 8)), unitCost: unit)
        }
        let budget = rng.uniform(0.4, 0.8) * cells.map(\.hi).reduce(0, +)
        let cap = 0.5 * cells[2].hi
        let minimum = (0.5 * cells[0].hi / unit).rounded(.down) * unit
        let problem = AllocationProblem(
            cells: cells, budget: budget, channelCaps: [ChannelCap(channel: "sms", cap: cap)],
            segmentLimits: [SegmentLimit(segment: "g", minimum: minimum)])
        let result = try allocate(problem)
        #expect(result.totalSpend <= budget)
        #expect(result.cells[2].budget <= cap)
        #expect(result.cells[0].budget >= minimum)
        // Enumerate every feasible whole-message plan.
        var best = -Double.infinity
        let counts = cells.map { Int(($0.hi / unit).rounded(.down)) }
        for n0 in 0...counts[0] {
            for n1 in 0...counts[1] {
                for n2 in 0...counts[2] {
                    let b = [n0, n1, n2].map { Double($0) * unit }
                    guard b.reduce(0, +) <= budget, b[2] <= cap, b[0] >= minimum else { continue }
                    best = max(best, zip(cells, b).map { $0.curve.response(at: $1) }.reduce(0, +))
                }
            }
        }
        #expect(result.totalResponse <= best + 1e-9 * best)
        #expect(result.certificate.dualBound >= best - 1e-9 * best)
        #expect(result.totalResponse >= 0.97 * best)
    }
}
