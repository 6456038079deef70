import Foundation

/// Rounding to whole messages: floor, greedy fill, then a 1-swap pass.
///
/// Cells with a unit cost get `b = c · n` for a whole `n`. The continuous plan is floored (a cell
/// floored below its minimum viable spend is switched off); cells without a unit cost are then
/// re-solved exactly with the rounded cells pinned. Segments left under their minimum are topped
/// up first, then the leftover budget buys the next message with the best `Δr / Δcost` among
/// cells with room under every limit (a lazy max-heap, ties by id) — exact for equal unit costs
/// (Fox 1966). Finally a 1-swap pass moves one message from the cell that loses least to the cell
/// that gains most while that improves the plan. The continuous dual bound stays valid, so the
/// result carries an honest gap.
enum WholeMessages {
    static func round(_ model: Model, plan: IntegralPlan, options: AllocationOptions)
        throws(AllocationError) -> IntegralPlan
    {
        let n = model.count
        let pieces = model.pieces
        var isWhole = [Bool](repeating: false, count: n)
        var unit = [Double](repeating: 0, count: n)
        for i in 0..<n {
            if let c = model.unitCost(i) {
                isWhole[i] = true
                unit[i] = c
            }
        }
        var b = plan.b
        var rounded: [Int] = []
        for i in 0..<n where isWhole[i] {
            let c = unit[i]
            var x = (b[i] / c + 1e-9).rounded(.down) * c
            x = min(max(x, pieces[i].lo), pieces[i].hi)
            if x > pieces[i].lo && x < pieces[i].onFloor { x = pieces[i].lo }
            if x != b[i] { rounded.append(i) }
            b[i] = x
        }
        var relaxation = plan.relaxation
        // Continuous cells take the leftover exactly.
        if isWhole.contains(false) && isWhole.contains(true) {
            var pinned = model
            for i in 0..<n where isWhole[i] {
                pinned.pieces[i] = Piece(curve: pieces[i].curve, lo: b[i], hi: b[i], minimumSpend: 0)
            }
            if (try? pinned.checkFeasibility()) != nil, let sub = try? solveContinuous(pinned, options: options) {
                for i in 0..<n where !isWhole[i] { b[i] = sub.b[i] }
                relaxation = sub.relaxation
            }
        }
        var state = State(model: model, b: b, isWhole: isWhole, unit: unit)
        state.fillSegmentMinimums()
        state.fillGreedily()
        state.swap(candidates: options.swapCandidates)
        state.fillGreedily()
        for i in 0..<n where isWhole[i] && state.b[i] != plan.b[i] && !rounded.contains(i) {
            rounded.append(i)
        }
        rounded.sort()
        return IntegralPlan(
            b: state.b, relaxation: relaxation, bound: plan.bound, nodes: plan.nodes,
            rounded: rounded)
    }

    /// Running sums so that each message can be checked against every limit in O(1).
    struct State {
        let model: Model
        var b: [Double]
        let isWhole: [Bool]
        let unit: [Double]
        var total: Double
        var channelTotal: [Double]
        var segmentTotal: [Double]

        init(model: Model, b: [Double], isWhole: [Bool], unit: [Double]) {
            self.model = model
            self.b = b
            self.isWhole = isWhole
            self.unit = unit
            total = b.compensatedSum
            channelTotal = model.channels.map { g in g.members.map { b[$0] }.compensatedSum }
            segmentTotal = model.segments.map { g in g.members.map { b[$0] }.compensatedSum }
        }

        /// The next spend step up for cell `i` (a jump to the minimum spend when it is off).
        func stepUp(_ i: Int) -> Double? {
            guard isWhole[i] else { return nil }
            let piece = model.pieces[i]
            let step = b[i] < piece.onFloor ? piece.onFloor - b[i] : unit[i]
            guard step > 0, b[i] + step <= piece.hi * (1 + 1e-12) else { return nil }
            return step
        }

        /// The next spend step down for cell `i` (all the way to `lo` below the minimum spend).
        func stepDown(_ i: Int) -> Double? {
            guard isWhole[i] else { return nil }
            let piece = model.pieces[i]
            guard b[i] > piece.lo else { return nil }
            let step = b[i] - unit[i] < piece.onFloor * (1 - 1e-12) ? b[i] - piece.lo : unit[i]
            return step > 0 ? step : nil
        }

        func gain(_ i: Int, _ step: Double) -> Double {
            let curve = model.pieces[i].curve
            return curve.response(at: b[i] + step) - curve.response(at: b[i]) - model.floor * step
        }

        func loss(_ i: Int, _ step: Double) -> Double {
            let curve = model.pieces[i].curve
            return curve.response(at: b[i]) - curve.response(at: b[i] - step) - model.floor * step
        }

        /// Whether adding `up` to cell `i` (and removing `down` from cell `j`) keeps every limit.
        func fits(add up: Double, to i: Int, removing down: Double = 0, from j: Int = -1) -> Bool {
            let slack = 1e-12 * max(model.budget, 1)
            if total + up - down > model.budget + slack { return false }
            let ci = model.channelOf[i]
            if ci >= 0 {
                let minus = (j >= 0 && model.channelOf[j] == ci) ? down : 0
                if channelTotal[ci] + up - minus > model.channels[ci].maximum + slack { return false }
            }
            let gi = model.segmentOf[i]
            if gi >= 0 {
                let minus = (j >= 0 && model.segmentOf[j] == gi) ? down : 0
                if segmentTotal[gi] + up - minus > model.segments[gi].maximum + slack { return false }
            }
            if j >= 0 {
                let gj = model.segmentOf[j]
                if gj >= 0 {
                    let plus = gj == gi ? up : 0
                    if segmentTotal[gj] - down + plus < model.segments[gj].minimum - slack { return false }
                }
            }
            return true
        }

        mutating func apply(_ i: Int, _ change: Double) {
            var value = b[i] + change
            if isWhole[i] { value = (value / unit[i]).rounded() * unit[i] }
            let delta = value - b[i]
            b[i] = value
            total += delta
            if model.channelOf[i] >= 0 { channelTotal[model.channelOf[i]] += delta }
            if model.segmentOf[i] >= 0 { segmentTotal[model.segmentOf[i]] += delta }
        }

        /// Tops up segments that flooring left under their minimum.
        mutating func fillSegmentMinimums() {
            for (k, group) in model.segments.enumerated() where segmentTotal[k] < group.minimum {
                var heap = Heap()
                for i in group.members {
                    if let step = stepUp(i) { heap.push(gain(i, step) / step, i) }
                }
                while segmentTotal[k] < group.minimum, let (_, i) = heap.pop() {
                    guard let step = stepUp(i) else { continue }
                    if !fits(add: step, to: i) {
                        // Fund the message from the cell outside this segment that loses least
                        // (ties by id), if taking a step from it makes room under every limit.
                        var donor = -1
                        var donorStep = 0.0
                        var cheapest = Double.infinity
                        for j in b.indices where isWhole[j] && model.segmentOf[j] != k {
                            guard let down = stepDown(j), fits(add: step, to: i, removing: down, from: j) else { continue }
                            let cost = loss(j, down)
                            if cost < cheapest {
                                cheapest = cost
                                donor = j
                                donorStep = down
                            }
                        }
                        guard donor >= 0 else { continue }
                        apply(donor, -donorStep)
                    }
                    apply(i, step)
                    if let next = stepUp(i) { heap.push(gain(i, next) / next, i) }
                }
            }
        }

        /// Buys the best next message while one fits and returns more than the floor.
        mutating func fillGreedily() {
            var heap = Heap()
            for i in b.indices {
                if let step = stepUp(i) {
                    let g = gain(i, step)
                    if g > 0 { heap.push(g / step, i) }
                }
            }
            while let (_, i) = heap.pop() {
                guard let step = stepUp(i), fits(add: step, to: i) else { continue }
                apply(i, step)
                if let next = stepUp(i) {
                    let g = gain(i, next)
                    if g > 0 { heap.push(g / next, i) }
                }
            }
        }

        /// Moves one step from the cell that loses least to the one that gains most, while it helps.
        mutating func swap(candidates: Int) {
            guard candidates > 0 else { return }
            for _ in 0..<1_000 {
                var adds: [(Double, Int, Double)] = []
                var removes: [(Double, Int, Double)] = []
                for i in b.indices where isWhole[i] {
                    if let up = stepUp(i) { adds.append((gain(i, up), i, up)) }
                    if let down = stepDown(i) { removes.append((loss(i, down), i, down)) }
                }
                adds.sort { $0.0 / $0.2 > $1.0 / $1.2 || ($0.0 / $0.2 == $1.0 / $1.2 && $0.1 < $1.1) }
                removes.sort { $0.0 / $0.2 < $1.0 / $1.2 || ($0.0 / $0.2 == $1.0 / $1.2 && $0.1 < $1.1) }
                var best: (Double, Int, Double, Int, Double)?
                for add in adds.prefix(candidates) {
                    for remove in removes.prefix(candidates) where remove.1 != add.1 {
                        let improvement = add.0 - remove.0
                        guard improvement > 1e-12 * max(abs(add.0), abs(remove.0), 1e-300) else { continue }
                        guard fits(add: add.2, to: add.1, removing: remove.2, from: remove.1) else { continue }
                        if best == nil || improvement > best!.0 {
                            best = (improvement, add.1, add.2, remove.1, remove.2)
                        }
                    }
                }
                guard let move = best else { return }
                apply(move.3, -move.4)
                apply(move.1, move.2)
            }
        }
    }

    /// A max-heap of (key, cell) with ties broken by the smaller cell index (id order).
    struct Heap {
        private var items: [(Double, Int)] = []

        private static func above(_ x: (Double, Int), _ y: (Double, Int)) -> Bool {
            x.0 > y.0 || (x.0 == y.0 && x.1 < y.1)
        }

        mutating func push(_ key: Double, _ index: Int) {
            items.append((key, index))
            var k = items.count - 1
            while k > 0 {
                let parent = (k - 1) / 2
                guard Heap.above(items[k], items[parent]) else { break }
                items.swapAt(k, parent)
                k = parent
            }
        }

        mutating func pop() -> (Double, Int)? {
            guard !items.isEmpty else { return nil }
            let top = items[0]
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var k = 0
                while true {
                    let l = 2 * k + 1
                    let r = l + 1
                    var m = k
                    if l < items.count && Heap.above(items[l], items[m]) { m = l }
                    if r < items.count && Heap.above(items[r], items[m]) { m = r }
                    if m == k { break }
                    items.swapAt(k, m)
                    k = m
                }
            }
            return top
        }
    }
}
