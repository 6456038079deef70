import Allocation
import Testing

/// Infeasible and malformed problems fail with an error that names what clashes.
@Suite("Errors name the conflicting constraints")
struct ErrorTests {
    let curve = ResponseCurve.saturation(a: 100, s: 50)

    func failure(_ problem: AllocationProblem) -> AllocationError? {
        do {
            _ = try allocate(problem)
            return nil
        } catch {
            return error
        }
    }

    @Test("lo above hi names the cell and field")
    func loAboveHi() {
        let error = failure(
            AllocationProblem(cells: [Cell(id: "pune/sms", curve: curve, lo: 10, hi: 5)], budget: 100))
        #expect(error == .invalidCell(id: "pune/sms", field: "lo", reason: "(10.0) is above hi (5.0)"))
        #expect(error?.description.contains("pune/sms") == true)
    }

    @Test("lower bounds above the budget")
    func lowsAboveBudget() {
        let error = failure(
            AllocationProblem(
                cells: [
                    Cell(id: "x", curve: curve, lo: 60, hi: 100), Cell(id: "y", curve: curve, lo: 50, hi: 100),
                ], budget: 100))
        #expect(error == .lowerBoundsExceedBudget(sumOfLowerBounds: 110, budget: 100))
    }

    @Test("segment minimums above the budget name the segments")
    func segmentMinimumsAboveBudget() {
        let error = failure(
            AllocationProblem(
                cells: [
                    Cell(id: "x", segment: "north", curve: curve, hi: 100),
                    Cell(id: "y", segment: "south", curve: curve, hi: 100),
                ], budget: 100,
                segmentLimits: [
                    SegmentLimit(segment: "south", minimum: 60), SegmentLimit(segment: "north", minimum: 50),
                ]))
        #expect(
            error == .segmentMinimumsExceedBudget(segments: ["north", "south"], required: 110, budget: 100))
        #expect(error?.description.contains("north, south") == true)
    }

    @Test("a channel cap below its cells' lows")
    func capBelowLows() {
        let error = failure(
            AllocationProblem(
                cells: [Cell(id: "x", channel: "sms", curve: curve, lo: 30, hi: 100)], budget: 100,
                channelCaps: [ChannelCap(channel: "sms", cap: 20)]))
        #expect(error == .channelCapBelowLowerBounds(channel: "sms", cap: 20, sumOfLowerBounds: 30))
    }

    @Test("a segment minimum above what its cells can take, and crossed limits")
    func segmentLimits() {
        let cells = [Cell(id: "x", segment: "g", curve: curve, hi: 40)]
        #expect(
            failure(
                AllocationProblem(
                    cells: cells, budget: 100, segmentLimits: [SegmentLimit(segment: "g", minimum: 50)]))
                == .segmentMinimumAboveUpperBounds(segment: "g", minimum: 50, sumOfUpperBounds: 40))
        #expect(
            failure(
                AllocationProblem(
                    cells: cells, budget: 100,
                    segmentLimits: [SegmentLimit(segment: "g", minimum: 30, maximum: 20)]))
                == .segmentLimitsCrossed(segment: "g", minimum: 30, maximum: 20))
    }

    @Test("a segment minimum only a capped channel can serve is infeasible, named after solving")
    func crossingInfeasible() {
        let error = failure(
            AllocationProblem(
                cells: [
                    Cell(id: "x", segment: "g", channel: "sms", curve: curve, hi: 100),
                    Cell(id: "y", segment: "h", channel: "wa", curve: curve, hi: 100),
                ], budget: 100, channelCaps: [ChannelCap(channel: "sms", cap: 10)],
                segmentLimits: [SegmentLimit(segment: "g", minimum: 30)]))
        guard case let .infeasible(constraints, _) = error else {
            Issue.record("expected infeasible, got \(String(describing: error))")
            return
        }
        #expect(constraints.contains("segment minimum 'g'") || constraints.contains("channel cap 'sms'"))
    }

    @Test("duplicate ids, bad curve parameters, bad budget")
    func malformed() {
        #expect(
            failure(
                AllocationProblem(
                    cells: [Cell(id: "x", curve: curve, hi: 1), Cell(id: "x", curve: curve, hi: 1)],
                    budget: 1)) == .duplicateCellID("x"))
        #expect(
            failure(
                AllocationProblem(cells: [Cell(id: "x", curve: .saturation(a: -1, s: 5), hi: 1)], budget: 1))
                == .invalidCell(id: "x", field: "a", reason: "must be a positive finite number, got -1.0"))
        #expect(failure(AllocationProblem(cells: [], budget: -5)) == .invalidBudget(-5))
        #expect(
            failure(
                AllocationProblem(cells: [Cell(id: "h", curve: .hill(a: 1, k: 1, alpha: 0.5), hi: 1)], budget: 1))
                == .invalidCell(id: "h", field: "alpha", reason: "must be at least 1, got 0.5"))
    }
}
