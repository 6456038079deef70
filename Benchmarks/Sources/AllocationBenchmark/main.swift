// Allocation benchmark: seeded random instances of 100 to 100,000 cells, solved with budget and
// bounds, with channel caps and segment limits, and with minimum viable spend. Prints the median
// time of several runs (ContinuousClock), the certificate's relative gap and KKT residual, and
// the peak RSS; exits 1 when a check fails.
//
// Peak RSS is getrusage's ru_maxrss, which Linux keeps across exec: under `swift run` it starts at
// swift-run's own peak, so run the built binary (.build/release/AllocationBenchmark) for memory.
//
//   swift run -c release AllocationBenchmark [--sizes 100,1000] [--runs 7]
//                                            [--write-instances DIR] [--only budget]
import Allocation
import PlannerCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SplitMix64 {
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }
}

/// Cells as segment × channel: 6 channels, N/6 segments; a, s, hi drawn as in the tests.
func instance(size: Int, seed: UInt64) -> [Cell] {
    var rng = SplitMix64(seed: seed)
    return (0..<size).map { k in
        let s = rng.uniform(5, 500)
        let a = rng.uniform(10, 1000)
        let hi = rng.uniform(0.2, 5) * s
        let lo = rng.uniform(0, 1) < 0.1 ? rng.uniform(0, 0.2) * hi : 0
        return Cell(
            id: String(format: "c%06d", k), segment: "g\(k / 6)", channel: "ch\(k % 6)",
            curve: .saturation(a: a, s: s), lo: lo, hi: hi)
    }
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

func median(_ xs: [Double]) -> Double {
    let sorted = xs.sorted()
    return sorted[sorted.count / 2]
}

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
}

// Arguments.
var sizes = [100, 1_000, 10_000, 100_000]
var runs = 7
var instanceDirectory: String?
var only: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--sizes": sizes = (arguments.next() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--runs": runs = max(1, Int(arguments.next() ?? "") ?? runs)
    case "--write-instances": instanceDirectory = arguments.next()
    case "--only": only = arguments.next()
    default:
        FileHandle.standardError.write("unknown argument \(argument)\n".data(using: .utf8)!)
        exit(64)
    }
}

var failures: [String] = []
@MainActor func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { failures.append(message()) }
}

nonisolated(unsafe) var fastest = 0.0
nonisolated(unsafe) var cpuMedian = 0.0

/// CPU time of this thread in milliseconds: unlike wall time, it does not count the time the
/// thread waits for a core, so it stays meaningful on a machine shared with other jobs.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) * 1e-6
}

func measure(_ runs: Int, _ body: () throws -> AllocationResult) rethrows -> (AllocationResult, Double) {
    var times: [Double] = []
    var last: AllocationResult?
    let clock = ContinuousClock()
    var cpu: [Double] = []
    for _ in 0..<runs {
        var result: AllocationResult?
        let cpuStart = threadCPUMilliseconds()
        let elapsed = try clock.measure { result = try body() }
        cpu.append(threadCPUMilliseconds() - cpuStart)
        times.append(milliseconds(elapsed))
        last = result
    }
    fastest = times.min() ?? 0
    cpuMedian = median(cpu)
    return (last!, median(times))
}

func row(_ name: String, _ size: Int, _ ms: Double, _ result: AllocationResult) {
    let c = result.certificate
    let kkt = c.maxKKTResidual.map { String(format: "%.1e", $0) } ?? "-"
    print(
        String(
            format: "%@ %8d %10.3f ms (min %8.3f, cpu %8.3f)  rel.gap %9.2e  kkt %8@  viol %8.1e  sweeps %4d  nodes %3d  RSS %7.1f MB",
            name.padding(toLength: 22, withPad: " ", startingAt: 0) as NSString, size, ms, fastest, cpuMedian, c.relativeGap,
            kkt as NSString,
            c.maxViolation, c.sweeps, c.nodes,
            peakRSSMegabytes()))
}

var summary = "size,budget,objective,time_ms\n"
print("instance                   cells       time (median of \(runs))")
for size in sizes {
    let cells = instance(size: size, seed: 0xC0FFEE &+ UInt64(size))
    let sumHi = cells.map(\.hi).reduce(0, +)
    let budget = (0.3 * sumHi).rounded()
    do {
        // 1. Budget and bounds.
        let problem = AllocationProblem(cells: cells, budget: budget)
        let (result, ms) = try measure(runs) { try allocate(problem) }
        row("budget+bounds", size, ms, result)
        check(result.certificate.relativeGap <= 1e-9, "\(size) budget: gap \(result.certificate.relativeGap)")
        check((result.certificate.maxKKTResidual ?? 1) <= 1e-9, "\(size) budget: KKT residual")
        check(result.totalSpend <= budget, "\(size) budget: overspent")
        let baseline = totalResponse(of: proportionalSplit(problem), in: problem)
        check(result.totalResponse >= baseline, "\(size) budget: worse than the proportional split")
        summary += "\(size),\(budget),\(result.certificate.objective),\(ms)\n"
        if let directory = instanceDirectory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var csv = "id,a,s,lo,hi\n"
            for cell in cells {
                guard case let .saturation(a, s) = cell.curve else { continue }
                csv += "\(cell.id),\(a),\(s),\(cell.lo),\(cell.hi)\n"
            }
            try csv.write(toFile: "\(directory)/cells_\(size).csv", atomically: true, encoding: .utf8)
        }

        if only == "budget" { continue }
        // 2. Channel caps and segment limits (built around a feasible point).
        var rng = SplitMix64(seed: 99 &+ UInt64(size))
        let point = cells.map { $0.lo + 0.25 * ($0.hi - $0.lo) }
        var channelTotal = [Double](repeating: 0, count: 6)
        var segmentTotal = [String: Double]()
        for (k, cell) in cells.enumerated() {
            channelTotal[k % 6] += point[k]
            segmentTotal[cell.segment!, default: 0] += point[k]
        }
        let caps = (0..<6).map { ChannelCap(channel: "ch\($0)", cap: channelTotal[$0] * (1 + 0.1 * Double($0))) }
        var limits: [SegmentLimit] = []
        for name in segmentTotal.keys.sorted() where rng.uniform(0, 1) < 0.2 {
            let total = segmentTotal[name]!
            limits.append(
                SegmentLimit(segment: name, minimum: total * rng.uniform(0.8, 1), maximum: total * rng.uniform(1, 1.6)))
        }
        let grouped = AllocationProblem(
            cells: cells, budget: budget, channelCaps: caps, segmentLimits: limits)
        let (groupedResult, groupedMs) = try measure(max(1, runs / 2)) { try allocate(grouped) }
        row("caps+segment limits", size, groupedMs, groupedResult)
        check(groupedResult.certificate.relativeGap <= 1e-9, "\(size) groups: gap \(groupedResult.certificate.relativeGap)")
        check(groupedResult.certificate.maxViolation <= 1e-9 * budget, "\(size) groups: violation")

        // 3. Minimum viable spend on 30 % of the cells.
        var mvsCells = cells
        var mrng = SplitMix64(seed: 7 &+ UInt64(size))
        for k in mvsCells.indices where mvsCells[k].lo == 0 && mrng.uniform(0, 1) < 0.3 {
            mvsCells[k].minimumSpend = mrng.uniform(0.1, 0.5) * mvsCells[k].hi
        }
        let mvs = AllocationProblem(cells: mvsCells, budget: budget)
        let (mvsResult, mvsMs) = try measure(max(1, runs / 2)) { try allocate(mvs) }
        row("minimum viable spend", size, mvsMs, mvsResult)
        check(mvsResult.certificate.relativeGap <= 1e-6, "\(size) mvs: gap \(mvsResult.certificate.relativeGap)")
        check(mvsResult.totalSpend <= budget, "\(size) mvs: overspent")
    } catch {
        failures.append("\(size): \(error)")
    }
}
if let directory = instanceDirectory {
    try? summary.write(toFile: "\(directory)/summary.csv", atomically: true, encoding: .utf8)
}
if failures.isEmpty {
    print("all checks passed")
} else {
    for failure in failures { print("CHECK FAILED: \(failure)") }
    exit(1)
}
