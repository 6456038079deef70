import Allocation
import Foundation
import Testing

/// The response-versus-budget sweep agrees with solving each level, and answers the two
/// questions reviewers ask.
@Suite("Frontier and unspent budget")
struct FrontierTests {
    @Test("the one-sweep frontier equals a solve at every level", arguments: [1, 2, 5, 100])
    func sweepMatchesSolves(size: Int) throws {
        let cells = randomCells(size, seed: UInt64(60 + size))
        let sumHi = cells.map(\.hi).reduce(0, +)
        let problem = AllocationProblem(cells: cells, budget: 0.5 * sumHi)
        let levels = [0.6, 0.1, 0.3, 1.2, 0.5, 2.5].map { $0 * problem.budget }
            .filter { $0 >= cells.map(\.lo).reduce(0, +) }
        let points = try frontier(problem, budgets: levels)
        for (level, point) in zip(levels, points) {
            var copy = problem
            copy.budget = level
            let solved = try allocate(copy)
            #expect(point.budget == level)
            #expect(abs(point.response - solved.totalResponse) <= 1e-9 * max(1, solved.totalResponse))
            #expect(abs(point.spend - solved.totalSpend) <= 1e-9 * max(1, solved.totalSpend))
            #expect(abs(point.lambda - solved.certificate.lambda) <= 1e-9 * max(1e-9, point.lambda))
        }
    }

    @Test("what if we had 10 % more: the frontier's extra response, priced by λ")
    func tenPercentMore() throws {
        // Two equal cells a = 100, s = 50: response(B) = 200(1 − e^{−B/100}), so going from 60 to 66
        // adds 200(e^{−0.6} − e^{−0.66}).
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500),
            ], budget: 60)
        let points = try frontier(problem, budgets: [60, 66])
        let extra = points[1].response - points[0].response
        #expect(abs(extra - 200 * (exp(-0.6) - exp(-0.66))) <= 1e-12)
        #expect(points[0].lambda * 6 >= extra)
        let levels = try frontier(problem, levels: 4)
        #expect(levels.map(\.budget) == [30, 60, 90, 120])
    }

    @Test("least spend to reach a target response")
    func leastSpendForTarget() throws {
        // response(B) = 200(1 − e^{−B/100}) = 100  ⇒  B = 100 ln 2.
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500),
            ], budget: 60)
        let point = try #require(try leastSpend(toReach: 100, problem))
        #expect(abs(point.spend - 100 * log(2.0)) <= 1e-10)
        #expect(try leastSpend(toReach: 1_000, problem) == nil)
        // With a group limit the bisection path gives the same answer.
        var capped = problem
        capped.channelCaps = [ChannelCap(channel: "none", cap: 1)]
        capped.cells[0].channel = "other"
        let viaBisection = try #require(try leastSpend(toReach: 100, capped))
        #expect(abs(viaBisection.spend - 100 * log(2.0)) <= 1e-8)
    }

    @Test("unspent because a channel cap holds cells back, and the output says which")
    func unspentChannelCap() throws {
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", channel: "sms", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", channel: "sms", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "z", channel: "wa", curve: .saturation(a: 100, s: 50), hi: 20),
            ], budget: 200, channelCaps: [ChannelCap(channel: "sms", cap: 100)])
        let result = try allocate(problem)
        #expect(abs(result.unspent.amount - 80) <= 1e-9)
        #expect(result.unspent.reasons == [.channelCapReached(channel: "sms", cells: 2)])
        #expect(result.certificate.lambda <= 1e-12)
    }

    @Test("a fully spent budget has no reasons")
    func fullySpent() throws {
        let result = try allocate(
            AllocationProblem(
                cells: [Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500)], budget: 100))
        #expect(result.unspent.reasons.isEmpty)
        #expect(result.totalSpend == 100)
    }
}
