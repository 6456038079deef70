import Foundation

/// A group constraint over cells: a channel cap (`minimum = 0`) or a segment limit.
struct GroupConstraint: Sendable {
    let name: String
    var members: [Int]
    let minimum: Double
    let maximum: Double
}

/// The problem in solver form: cells sorted by id, with whole-message bounds already snapped.
struct Model: Sendable {
    /// Position in id order → position in the input.
    var inputIndex: [Int]
    /// The cells as given (input order); `cell(i)` reads them in id order.
    let inputCells: [Cell]
    /// Whether any cell buys whole messages.
    let hasUnitCosts: Bool
    var pieces: [Piece]
    var budget: Double
    var floor: Double
    var channels: [GroupConstraint]
    var segments: [GroupConstraint]
    /// For each cell, its capped channel's index or -1.
    var channelOf: [Int]
    /// For each cell, its limited segment's index or -1.
    var segmentOf: [Int]

    /// The id of cell `i` (id order).
    func id(_ i: Int) -> String { inputCells[inputIndex[i]].id }

    /// The unit cost of cell `i` (id order), if it buys whole messages.
    func unitCost(_ i: Int) -> Double? { inputCells[inputIndex[i]].unitCost }

    var hasGroups: Bool { !channels.isEmpty || !segments.isEmpty }
    var count: Int { pieces.count }

    /// Validates the problem, snaps whole-message bounds and checks the limits that can be seen
    /// to clash before solving.
    init(_ problem: AllocationProblem) throws(AllocationError) {
        guard problem.budget >= 0, problem.budget.isFinite else {
            throw .invalidBudget(problem.budget)
        }
        let floor = problem.marginalFloor ?? 0
        guard floor >= 0, floor.isFinite else { throw .invalidMarginalFloor(floor) }
        budget = problem.budget
        self.floor = floor

        let input = problem.cells
        // Swift's String order: total, locale-free and the same on every platform.
        let order = input.indices.sorted { input[$0].id < input[$1].id }
        inputIndex = order
        inputCells = input
        hasUnitCosts = input.contains { $0.unitCost != nil }
        for k in order.indices.dropFirst() where input[order[k]].id == input[order[k - 1]].id {
            throw .duplicateCellID(input[order[k]].id)
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(input.count)
        for k in order {
            pieces.append(try Model.piece(for: input[k]))
        }
        self.pieces = pieces

        // Group constraints, in name order.
        var channelIndex: [String: Int] = [:]
        var channels: [GroupConstraint] = []
        for cap in problem.channelCaps.sorted(by: { $0.channel < $1.channel }) {
            guard channelIndex[cap.channel] == nil else {
                throw .invalidConstraint(name: "channel cap '\(cap.channel)'", reason: "is given twice")
            }
            guard cap.cap >= 0, !cap.cap.isNaN else {
                throw .invalidConstraint(
                    name: "channel cap '\(cap.channel)'", reason: "must be non-negative, got \(cap.cap)")
            }
            channelIndex[cap.channel] = channels.count
            channels.append(GroupConstraint(name: cap.channel, members: [], minimum: 0, maximum: cap.cap))
        }
        var segmentIndex: [String: Int] = [:]
        var segments: [GroupConstraint] = []
        for limit in problem.segmentLimits.sorted(by: { $0.segment < $1.segment }) {
            guard segmentIndex[limit.segment] == nil else {
                throw .invalidConstraint(name: "segment limit '\(limit.segment)'", reason: "is given twice")
            }
            guard limit.minimum >= 0, limit.minimum.isFinite, !limit.maximum.isNaN else {
                throw .invalidConstraint(
                    name: "segment limit '\(limit.segment)'",
                    reason: "minimum must be non-negative and finite, maximum a number")
            }
            guard limit.minimum <= limit.maximum else {
                throw .segmentLimitsCrossed(
                    segment: limit.segment, minimum: limit.minimum, maximum: limit.maximum)
            }
            segmentIndex[limit.segment] = segments.count
            segments.append(
                GroupConstraint(
                    name: limit.segment, members: [], minimum: limit.minimum, maximum: limit.maximum))
        }
        channelOf = Array(repeating: -1, count: input.count)
        segmentOf = Array(repeating: -1, count: input.count)
        for (i, k) in order.enumerated() where !channels.isEmpty || !segments.isEmpty {
            if let c = input[k].channel, let k = channelIndex[c] {
                channelOf[i] = k
                channels[k].members.append(i)
            }
            if let g = input[k].segment, let k = segmentIndex[g] {
                segmentOf[i] = k
                segments[k].members.append(i)
            }
        }
        self.channels = channels
        self.segments = segments
        try checkFeasibility()
    }

    /// The solver piece of one cell, after validating it and snapping to whole messages.
    static func piece(for cell: Cell) throws(AllocationError) -> Piece {
        if let problem = cell.curve.problem {
            throw .invalidCell(id: cell.id, field: problem.field, reason: problem.reason)
        }
        guard cell.lo >= 0, cell.lo.isFinite else {
            throw .invalidCell(id: cell.id, field: "lo", reason: "must be non-negative, got \(cell.lo)")
        }
        guard cell.hi >= 0, cell.hi.isFinite else {
            throw .invalidCell(
                id: cell.id, field: "hi", reason: "must be non-negative and finite, got \(cell.hi)")
        }
        guard cell.lo <= cell.hi else {
            throw .invalidCell(
                id: cell.id, field: "lo", reason: "(\(cell.lo)) is above hi (\(cell.hi))")
        }
        guard cell.minimumSpend >= 0, cell.minimumSpend.isFinite else {
            throw .invalidCell(
                id: cell.id, field: "min_spend",
                reason: "must be non-negative, got \(cell.minimumSpend)")
        }
        var lo = cell.lo
        var hi = cell.hi
        var m = cell.minimumSpend
        if let c = cell.unitCost {
            guard c > 0, c.isFinite else {
                throw .invalidCell(id: cell.id, field: "unit_cost", reason: "must be positive, got \(c)")
            }
            lo = (lo / c).rounded(.up) * c
            hi = (hi / c).rounded(.down) * c
            m = (m / c).rounded(.up) * c
            guard lo <= hi else {
                throw .invalidCell(
                    id: cell.id, field: "unit_cost",
                    reason: "(\(c)): no whole number of messages lies between lo \(cell.lo) and hi \(cell.hi)")
            }
        }
        if lo > 0 && m > hi {
            throw .invalidCell(
                id: cell.id, field: "min_spend",
                reason: "(\(m)) is above hi (\(hi)) while lo (\(lo)) forces the cell on")
        }
        return Piece(curve: cell.curve, lo: lo, hi: hi, minimumSpend: m)
    }

    /// Necessary conditions that name the clashing constraints before any solve.
    func checkFeasibility() throws(AllocationError) {
        var lows = CompensatedSum()
        for piece in pieces { lows.add(piece.lo) }
        let sumLo = lows.value
        guard sumLo <= budget else {
            throw .lowerBoundsExceedBudget(sumOfLowerBounds: sumLo, budget: budget)
        }
        for group in channels {
            let lows = group.members.map { pieces[$0].lo }.compensatedSum
            if lows > group.maximum {
                throw .channelCapBelowLowerBounds(
                    channel: group.name, cap: group.maximum, sumOfLowerBounds: lows)
            }
        }
        var required = CompensatedSum()
        var raising: [String] = []
        for group in segments {
            let lows = group.members.map { pieces[$0].lo }.compensatedSum
            let highs = group.members.map { pieces[$0].hi }.compensatedSum
            if group.minimum > highs {
                throw .segmentMinimumAboveUpperBounds(
                    segment: group.name, minimum: group.minimum, sumOfUpperBounds: highs)
            }
            if lows > group.maximum {
                throw .segmentMaximumBelowLowerBounds(
                    segment: group.name, maximum: group.maximum, sumOfLowerBounds: lows)
            }
            if group.minimum > lows { raising.append(group.name) }
            required.add(max(group.minimum, lows))
        }
        for i in pieces.indices where segmentOf[i] < 0 { required.add(pieces[i].lo) }
        if required.value > budget {
            throw .segmentMinimumsExceedBudget(
                segments: raising, required: required.value, budget: budget)
        }
    }

    /// The price of cell `i` under multipliers (budget excess over the floor, channel, segment).
    @inline(__always)
    func price(_ i: Int, eta: Double, mu: [Double], nu: [Double]) -> Double {
        var p = floor + eta
        let c = channelOf[i]
        if c >= 0 { p += mu[c] }
        let g = segmentOf[i]
        if g >= 0 { p += nu[g] }
        return p
    }
}
