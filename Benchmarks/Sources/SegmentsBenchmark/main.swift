// Segments a large synthetic customer file in-process and prints wall time, MB/s and peak RSS.
//
//   swift run -c release SegmentsBenchmark [--rows N] [--file PATH] [--workers W] [--chunk BYTES] [--runs R] [--by value_tier|activity]
//
// The file is generated with SyntheticCustomers (seed 1, as-of 2026-10-01) when it does not exist
// yet, in a child-free streaming loop, before timing starts. Generation streams 1 MB at a time, so
// it does not raise the peak RSS reported for the read. Answers are checked: every row accepted
// (the file is clean), the cube's customers equal the rows, and every run gives the same cube.
import PlannerCore
import Locales
import PlannerIO
import Segments

#if canImport(Glibc)
    import Glibc
#endif

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func fixed(_ value: Double, _ places: Int) -> String { DecimalText.fixed(value, places: places) }

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// User plus system CPU seconds of the whole process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func fail(_ message: String) -> Never {
    let bytes = Array("SegmentsBenchmark: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

let rows = Int(option("--rows") ?? "10000000")!
let path = option("--file") ?? "/tmp/segments-bench-\(rows).csv"
let runs = Int(option("--runs") ?? "3")!
let asOf = CivilDate(year: 2026, month: 10, day: 1)!

func benchmark() throws(Diagnostic) {
    let root = try DataDirectory.locate(explicit: option("--data"))
    let catalog = try LocaleCatalog(directory: "\(root)/locales", countries: ["IN"])
    if access(path, R_OK) != 0 {
        print("generating \(rows) rows into \(path) ...")
        let start = now()
        let file = try AtomicFile.Writer(path: path)
        let synth = try SyntheticCustomers(catalog: catalog, country: "IN", seed: 1, dirty: false, asOf: asOf)
        try synth.generate(count: rows) { bytes throws(Diagnostic) in try file.append(bytes) }
        try file.commit()
        print("generated in \(DecimalText.fixed(now() - start, places: 1)) s")
    }
    var reader = try SegmentReader(catalog: catalog, country: "IN", asOf: asOf)
    if let workers = option("--workers") { reader.workers = Int(workers)! }
    if let by = option("--by") {
        guard let dimension = SegmentDimension(rawValue: by) else { fail("--by: value_tier or activity") }
        reader.dimension = dimension
    }
    if let chunk = option("--chunk") { reader.chunkBytes = Int(chunk)! }
    var first: SegmentCube?
    var best = Double.infinity
    var size = 0
    for run in 1...runs {
        let start = now(), cpuStart = cpuSeconds()
        let result = try reader.read(path: path) { done, total in size = total }
        let seconds = now() - start, cpu = cpuSeconds() - cpuStart
        best = min(best, seconds)
        let report = result.report
        guard report.rejectedTotal == 0, report.accepted == report.rowsRead, result.cube.total.customers == report.accepted else {
            fail("answers do not add up: \(report.rowsRead) read, \(report.accepted) accepted, \(report.rejectSummary)")
        }
        if let first, first != result.cube { fail("run \(run) gave a different cube") }
        first = first ?? result.cube
        let megabytes = Double(size) / 1e6
        print(
            "run \(run): \(report.rowsRead) rows, \(size) bytes in \(fixed(seconds, 3)) s = \(fixed(megabytes / seconds, 0)) MB/s, "
                + "\(fixed(Double(report.rowsRead) / 1e6 / seconds, 2)) M rows/s, CPU \(fixed(cpu, 3)) s, workers \(reader.workers), "
                + "peak RSS so far \(fixed(peakRSSMegabytes(), 1)) MB")
    }
    let total = first!.total
    print(
        "best \(fixed(best, 3)) s (\(fixed(Double(size) / 1e6 / best, 0)) MB/s); peak RSS \(fixed(peakRSSMegabytes(), 1)) MB; "
            + "check: \(total.customers) customers, spend \(total.spend), \(first!.cells.count) cells, \(total.imputedLanguage) imputed")
}

do {
    try benchmark()
} catch {
    fail(error.description)
}
