import Allocation
import Foundation
import PlannerCore
import Testing

/// Optimality conditions checked cell by cell on seeded random instances, and the plan checked
/// against an independent water-filling oracle.
@Suite("KKT on random instances")
struct KKTTests {
    static let sizes = [0, 1, 2, 3, 5, 10, 100]

    @Test(
        "budget and bounds: KKT holds, gap ≤ 1e-9, spend ≤ budget, matches the oracle",
        arguments: sizes, [0.05, 0.4, 0.9, 1.3])
    func budgetAndBounds(size: Int, fraction: Double) throws {
        let cells = randomCells(size, seed: UInt64(size * 1_000 + Int(fraction * 100)))
        let sumHi = cells.map(\.hi).reduce(0, +)
        let sumLo = cells.map(\.lo).reduce(0, +)
        let budget = sumLo + fraction * (sumHi - sumLo)
        let result = try allocate(AllocationProblem(cells: cells, budget: budget))
        let certificate = result.certificate
        #expect(certificate.relativeGap <= 1e-9)
        #expect(try #require(certificate.maxKKTResidual) <= 1e-9)
        #expect(result.totalSpend <= budget)
        #expect(certificate.maxViolation <= 1e-12 * max(budget, 1))
        let lambda = certificate.lambda
        for (cell, plan) in zip(cells, result.cells) {
            #expect(plan.budget >= cell.lo && plan.budget <= cell.hi)
            switch plan.status {
            case .interior: #expect(abs(plan.marginal - lambda) <= 1e-9 * lambda)
            case .atLower: #expect(plan.marginal <= lambda * (1 + 1e-9))
            case .atUpper: #expect(plan.marginal >= lambda * (1 - 1e-9))
            case .off, .belowFloor: Issue.record("no minimum spend or floor here")
            }
        }
        // Independent oracle: bisection on λ.
        let oracle = oracleWaterFill(
            cells.map { (saturation($0).a, saturation($0).s, $0.lo, $0.hi) }, budget: budget)
        let oracleValue = totalResponse(of: oracle, in: AllocationProblem(cells: cells, budget: budget))
        #expect(result.totalResponse >= oracleValue - 1e-9 * max(1, oracleValue))
        if fraction >= 1.3 {
            #expect(result.unspent.reasons == [.everyCellAtUpperBound] || size == 0)
        } else if size > 0 {
            #expect(result.totalSpend >= budget * (1 - 1e-12))
        }
    }

    @Test(
        "channel caps and segment limits: gap ≤ 1e-9, feasible, dual bound recomputed",
        arguments: [1, 2, 3, 5, 10, 100])
    func groupLimits(size: Int) throws {
        var rng = SplitMix64(seed: UInt64(77 + size))
        let cells = randomCells(size, seed: UInt64(500 + size), channels: 3, segments: 4)
        // Limits built around a random feasible point, so the problem is feasible by construction.
        let point = cells.map { $0.lo + rng.uniform(0, 0.6) * ($0.hi - $0.lo) }
        let budget = point.reduce(0, +) * rng.uniform(1.0, 1.3)
        var caps: [ChannelCap] = []
        for k in 0..<3 {
            let total = zip(cells, point).filter { $0.0.channel == "ch\(k)" }.map(\.1).reduce(0, +)
            caps.append(ChannelCap(channel: "ch\(k)", cap: total * rng.uniform(1.0, 1.2)))
        }
        var limits: [SegmentLimit] = []
        for k in 0..<4 {
            let total = zip(cells, point).filter { $0.0.segment == "seg\(k)" }.map(\.1).reduce(0, +)
            limits.append(
                SegmentLimit(
                    segment: "seg\(k)", minimum: total * rng.uniform(0.5, 1.0),
                    maximum: total * rng.uniform(1.0, 1.5)))
        }
        let problem = AllocationProblem(
            cells: cells, budget: budget, channelCaps: caps, segmentLimits: limits)
        let result = try allocate(problem)
        let certificate = result.certificate
        #expect(certificate.relativeGap <= 1e-9)
        #expect(certificate.maxViolation <= 1e-9 * budget)
        #expect(result.totalSpend <= budget)

        // Recompute the dual bound from the reported multipliers, independently of the solver.
        var channelMu: [String: Double] = [:]
        var segmentNu: [String: Double] = [:]
        var dual = certificate.lambda * budget
        for m in certificate.multipliers {
            switch m.kind {
            case .channelCap:
                channelMu[m.name] = m.multiplier
                dual += m.multiplier * m.limit
            case .segmentMaximum:
                segmentNu[m.name] = m.multiplier
                dual += m.multiplier * m.limit
            case .segmentMinimum:
                segmentNu[m.name] = -m.multiplier
                dual -= m.multiplier * m.limit
            }
        }
        for cell in cells {
            let (a, s) = saturation(cell)
            let p =
                certificate.lambda + (cell.channel.flatMap { channelMu[$0] } ?? 0)
                + (cell.segment.flatMap { segmentNu[$0] } ?? 0)
            let b = p <= 0 ? cell.hi : min(max(s * log(a / (s * p)), cell.lo), cell.hi)
            dual += cell.curve.response(at: b) - p * b
        }
        #expect(dual >= certificate.objective - 1e-9 * certificate.objective)
        #expect(dual - certificate.objective <= 1e-8 * certificate.objective)

        // The limits can only cost response.
        let free = try allocate(AllocationProblem(cells: cells, budget: budget))
        #expect(result.totalResponse <= free.totalResponse * (1 + 1e-12))
    }

    @Test("the plan is never worse than the proportional split", arguments: sizes)
    func neverWorseThanProportional(size: Int) throws {
        for fraction in [0.1, 0.5, 0.8] {
            let cells = randomCells(size, seed: UInt64(9_000 + size))
            let sumHi = cells.map(\.hi).reduce(0, +)
            let problem = AllocationProblem(
                cells: cells, budget: max(cells.map(\.lo).reduce(0, +), fraction * sumHi))
            let baseline = proportionalSplit(problem)
            #expect(baseline.reduce(0, +) <= problem.budget * (1 + 1e-12))
            let result = try allocate(problem)
            #expect(result.totalResponse >= totalResponse(of: baseline, in: problem) * (1 - 1e-15))
        }
    }
}

/// The marginal floor on random instances: spend stops where the next unit returns the floor.
@Suite("Marginal floor on random instances")
struct FloorTests {
    @Test("with a floor: λ ≥ floor, interior cells at λ, and unspent money only when λ = floor", arguments: [1, 3, 10, 100])
    func floor(size: Int) throws {
        let cells = randomCells(size, seed: UInt64(3_000 + size))
        let slopes = cells.map { saturation($0).a / saturation($0).s }.sorted()
        let floor = 0.5 * slopes[slopes.count / 2]
        for fraction in [0.05, 0.5, 1.0] {
            let budget = max(cells.map(\.lo).reduce(0, +), fraction * cells.map(\.hi).reduce(0, +))
            let result = try allocate(AllocationProblem(cells: cells, budget: budget, marginalFloor: floor))
            let lambda = result.certificate.lambda
            #expect(lambda >= floor)
            #expect(result.certificate.relativeGap <= 1e-9)
            for (cell, plan) in zip(cells, result.cells) {
                switch plan.status {
                case .interior: #expect(abs(plan.marginal - lambda) <= 1e-9 * lambda)
                case .atLower: #expect(plan.marginal <= lambda * (1 + 1e-9))
                case .belowFloor:
                    #expect(plan.marginal <= floor * (1 + 1e-9))
                    #expect(plan.budget == cell.lo)
                case .atUpper: #expect(plan.marginal >= lambda * (1 - 1e-9))
                case .off: Issue.record("no minimum spend here")
                }
            }
            if result.unspent.amount > 1e-9 * budget {
                #expect(abs(lambda - floor) <= 1e-12 * floor)
                #expect(
                    result.unspent.reasons.allSatisfy {
                        if case .belowMarginalFloor = $0 { return true }
                        return $0 == .everyCellAtUpperBound
                    })
                #expect(!result.unspent.reasons.isEmpty)
            }
        }
    }
}
