import Allocation
import Foundation
import Testing

/// Problems small enough to solve on paper. For saturation curves `r = a(1 − e^{−b/s})`,
/// `r'(b) = (a/s) e^{−b/s}`, so a cell free at price λ spends `b = s·ln(a/(s λ))`.
@Suite("Hand-solved optima")
struct HandSolvedTests {
    func close(_ x: Double, _ y: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(x - y) <= tolerance * max(1, abs(y))
    }

    @Test("two equal cells split the budget evenly, λ = (a/s)·e^{−B/(2s)}")
    func twoEqualCells() throws {
        // Equal curves a = 100, s = 50: by symmetry b1 = b2 = B/2 = 30.
        // λ = r'(30) = 2·e^{−0.6}; response = 2·100·(1 − e^{−0.6}).
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500),
            ], budget: 60)
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 30))
        #expect(close(result.cells[1].budget, 30))
        #expect(close(result.certificate.lambda, 2 * exp(-0.6)))
        #expect(close(result.totalResponse, 200 * (1 - exp(-0.6))))
        #expect(result.cells.allSatisfy { $0.status == .interior })
        #expect(result.certificate.relativeGap <= 1e-12)
        #expect(result.totalSpend <= 60)
    }

    @Test("two different cells: u = ln λ = (Σ s ln(a/s) − B) / Σ s")
    func twoDifferentCells() throws {
        // x: a = 100, s = 50 (ln(a/s) = ln 2); y: a = 60, s = 20 (ln 3). Both free:
        // 50(ln 2 − u) + 20(ln 3 − u) = 100  ⇒  u = (50 ln 2 + 20 ln 3 − 100) / 70 ≈ −0.6196,
        // b_x = 50(ln 2 − u) ≈ 65.64, b_y = 20(ln 3 − u) ≈ 34.36.
        let u = (50 * log(2.0) + 20 * log(3.0) - 100) / 70
        let problem = AllocationProblem(
            cells: [
                Cell(id: "y", curve: .saturation(a: 60, s: 20), hi: 1000),
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 1000),
            ], budget: 100)
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 20 * (log(3.0) - u)))
        #expect(close(result.cells[1].budget, 50 * (log(2.0) - u)))
        #expect(close(result.certificate.lambda, exp(u)))
        #expect(close(result.cells[0].marginal, result.cells[1].marginal))
    }

    @Test("three cells: one held at its upper bound, the others share the rest")
    func threeCellsOneAtUpper() throws {
        // z: a = 300, s = 50, hi = 40. Guess z at hi: x, y (a = 100, s = 50) share 60 → 30 each,
        // λ = 2e^{−0.6} ≈ 1.098. Check: r_z'(40) = 6e^{−0.8} ≈ 2.696 ≥ λ, so z stays at its bound.
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "z", curve: .saturation(a: 300, s: 50), hi: 40),
            ], budget: 100)
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 30))
        #expect(close(result.cells[1].budget, 30))
        #expect(result.cells[2].budget == 40)
        #expect(result.cells[2].status == .atUpper)
        #expect(close(result.certificate.lambda, 2 * exp(-0.6)))
    }

    @Test("three cells: one held at its lower bound")
    func threeCellsOneAtLower() throws {
        // w: a = 10, s = 50, lo = 5 (r'(5) = 0.2e^{−0.1} ≈ 0.181). x, y: a = 100, s = 50 share
        // 100 − 5 = 95 → 47.5 each, λ = 2e^{−0.95} ≈ 0.773 > 0.181, so w stays at lo.
        let problem = AllocationProblem(
            cells: [
                Cell(id: "w", curve: .saturation(a: 10, s: 50), lo: 5, hi: 500),
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500),
            ], budget: 100)
        let result = try allocate(problem)
        #expect(result.cells[0].budget == 5)
        #expect(result.cells[0].status == .atLower)
        #expect(close(result.cells[1].budget, 47.5))
        #expect(close(result.certificate.lambda, 2 * exp(-0.95)))
    }

    @Test("a marginal floor stops spending where r'(b) = floor and says why")
    func marginalFloor() throws {
        // r'(b) = 2e^{−b/50} = 0.5  ⇒  b = 50 ln 4 ≈ 69.31; the other 930.69 stay unspent.
        let problem = AllocationProblem(
            cells: [Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 1000)], budget: 1000,
            marginalFloor: 0.5)
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 50 * log(4.0)))
        #expect(close(result.unspent.amount, 1000 - 50 * log(4.0)))
        #expect(result.unspent.reasons == [.belowMarginalFloor(cells: 1, floor: 0.5)])
        #expect(close(result.certificate.lambda, 0.5))
    }

    @Test("budget beyond every upper bound: unspent because every cell is at its bound")
    func everyCellAtUpper() throws {
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 10),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 20),
            ], budget: 100)
        let result = try allocate(problem)
        #expect(result.totalSpend == 30)
        #expect(result.unspent.amount == 70)
        #expect(result.unspent.reasons == [.everyCellAtUpperBound])
        #expect(result.certificate.lambda == 0)
    }

    @Test("a channel cap binds: μ = r'(capped) − λ")
    func channelCap() throws {
        // Equal curves a = 100, s = 50; sms capped at 10 ⇒ sms 10, wa 50.
        // λ = r'(50) = 2e^{−1}; μ_sms = r'(10) − λ = 2e^{−0.2} − 2e^{−1}.
        let problem = AllocationProblem(
            cells: [
                Cell(id: "s", channel: "sms", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "w", channel: "wa", curve: .saturation(a: 100, s: 50), hi: 500),
            ], budget: 60, channelCaps: [ChannelCap(channel: "sms", cap: 10)])
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 10, 1e-9))
        #expect(close(result.cells[1].budget, 50, 1e-9))
        #expect(close(result.certificate.lambda, 2 * exp(-1.0), 1e-9))
        let mu = try #require(result.certificate.multipliers.first)
        #expect(mu.name == "sms" && mu.kind == .channelCap)
        #expect(close(mu.multiplier, 2 * exp(-0.2) - 2 * exp(-1.0), 1e-9))
        #expect(result.certificate.relativeGap <= 1e-9)
    }

    @Test("a segment minimum binds: ν = λ − r'(min)")
    func segmentMinimum() throws {
        // x (g1): a = 100, s = 50; y (g2): a = 300, s = 50; B = 60. Unconstrained b_x = 30 − 25 ln 3
        // ≈ 2.5, below g1's minimum 40 ⇒ x = 40, y = 20, λ = r_y'(20) = 6e^{−0.4},
        // multiplier of g1's minimum = λ − r_x'(40) = 6e^{−0.4} − 2e^{−0.8}.
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", segment: "g1", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", segment: "g2", curve: .saturation(a: 300, s: 50), hi: 500),
            ], budget: 60, segmentLimits: [SegmentLimit(segment: "g1", minimum: 40)])
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 40, 1e-9))
        #expect(close(result.cells[1].budget, 20, 1e-9))
        #expect(close(result.certificate.lambda, 6 * exp(-0.4), 1e-9))
        let nu = try #require(result.certificate.multipliers.first)
        #expect(nu.kind == .segmentMinimum && nu.name == "g1")
        #expect(close(nu.multiplier, 6 * exp(-0.4) - 2 * exp(-0.8), 1e-9))
    }

    @Test("minimum viable spend: on at its minimum beats off")
    func minimumSpendOn() throws {
        // y needs ≥ 40. Off: x = 60, r = 100(1 − e^{−1.2}) ≈ 69.88. On: y = 40, x = 20,
        // r = 100(1 − e^{−0.4}) + 100(1 − e^{−0.8}) ≈ 88.03 (better; 30/30 is not allowed).
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500, minimumSpend: 40),
            ], budget: 60)
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 20, 1e-9))
        #expect(close(result.cells[1].budget, 40, 1e-9))
        #expect(close(result.totalResponse, 100 * (2 - exp(-0.4) - exp(-0.8)), 1e-9))
        #expect(result.certificate.relativeGap <= 1e-9)
        #expect(result.certificate.method == .branchAndBound)
    }

    @Test("minimum viable spend above the budget: the cell is off, not worth its minimum")
    func minimumSpendOff() throws {
        let problem = AllocationProblem(
            cells: [
                Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500),
                Cell(id: "y", curve: .saturation(a: 100, s: 50), hi: 500, minimumSpend: 40),
            ], budget: 30)
        let result = try allocate(problem)
        #expect(close(result.cells[0].budget, 30))
        #expect(result.cells[1].budget == 0)
        #expect(result.cells[1].status == .off)
    }

    @Test("whole messages: 8 messages of 7 fit in 60; 4 left, less than one message")
    func wholeMessages() throws {
        let problem = AllocationProblem(
            cells: [Cell(id: "x", curve: .saturation(a: 100, s: 50), hi: 500, unitCost: 7)],
            budget: 60)
        let result = try allocate(problem)
        #expect(result.cells[0].budget == 56)
        #expect(result.cells[0].messages == 8)
        #expect(result.unspent.reasons == [.lessThanOneMessage(cells: 1)])
        // Gap against the continuous bound r(60).
        #expect(close(result.certificate.dualBound, 100 * (1 - exp(-1.2)), 1e-9))
    }

    @Test("Hill S-curve: spends nothing below its tangent point, then the curve itself")
    func hillCurve() throws {
        // Hill a = 100, k = 50, α = 2 alone with budget 200: it is increasing, so all 200 go in.
        // With a competing saturation cell the tangent point decides; here we check the plan
        // against a fine grid.
        let hill = ResponseCurve.hill(a: 100, k: 50, alpha: 2)
        let sat = ResponseCurve.saturation(a: 40, s: 30)
        let problem = AllocationProblem(
            cells: [Cell(id: "h", curve: hill, hi: 300), Cell(id: "s", curve: sat, hi: 300)],
            budget: 120)
        let result = try allocate(problem)
        var best = -Double.infinity
        var b = 0.0
        while b <= 120 {
            best = max(best, hill.response(at: b) + sat.response(at: 120 - b))
            b += 0.001
        }
        #expect(result.totalResponse >= best - 1e-6)
        #expect(result.certificate.relativeGap <= 1e-9)
    }
}
