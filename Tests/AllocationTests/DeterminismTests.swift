import Allocation
import PlannerCore
import Testing

/// Same problem, same bits: whatever the run, whatever the order of the cells.
@Suite("Determinism")
struct DeterminismTests {
    func problem(_ cells: [Cell]) -> AllocationProblem {
        // Added in id order, so the budget itself does not depend on the input order.
        let sumHi = cells.sorted { $0.id < $1.id }.map(\.hi).reduce(0, +)
        return AllocationProblem(
            cells: cells, budget: 0.4 * sumHi,
            channelCaps: [ChannelCap(channel: "ch0", cap: 0.1 * sumHi)],
            segmentLimits: [SegmentLimit(segment: "seg1", minimum: 0.05 * sumHi)])
    }

    @Test("two runs are bit-identical")
    func twoRuns() throws {
        let cells = randomCells(100, seed: 42, channels: 3, segments: 3)
        let first = try allocate(problem(cells))
        let second = try allocate(problem(cells))
        #expect(first == second)
    }

    @Test("shuffling the input order changes no bit of any cell's plan")
    func shuffled() throws {
        let cells = randomCells(100, seed: 43, channels: 3, segments: 3, minimumSpend: true)
        var rng = SplitMix64(seed: 5)
        let shuffled = cells.shuffled(using: &rng)
        let first = try allocate(problem(cells))
        let second = try allocate(problem(shuffled))
        let byID = Dictionary(uniqueKeysWithValues: second.cells.map { ($0.id, $0) })
        for plan in first.cells {
            #expect(byID[plan.id] == plan)
        }
        #expect(first.certificate == second.certificate)
        #expect(first.totalSpend.bitPattern == second.totalSpend.bitPattern)
    }

    @Test("ties are broken by id: equal cells, one minimum spend affordable")
    func ties() throws {
        // Three identical cells with minimum spend 40 and budget 50: exactly one can be on; the
        // id order decides which, whatever the input order.
        let make = { (id: String) in
            Cell(id: id, curve: .saturation(a: 100, s: 50), hi: 100, minimumSpend: 40)
        }
        for order in [["a", "b", "c"], ["c", "b", "a"], ["b", "c", "a"]] {
            let result = try allocate(AllocationProblem(cells: order.map(make), budget: 50))
            let on = result.cells.filter { $0.budget > 0 }.map(\.id)
            #expect(on == ["a"])
        }
    }
}
