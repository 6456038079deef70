// Reviews two large synthetic snapshots in-process and prints wall time, MB/s and peak RSS.
//
//   swift run -c release ReviewBenchmark [--rows N] [--old PATH] [--new PATH] [--data DIR]
//
// The old file is SyntheticCustomers seed 1 (as-of 2026-10-01); the new one the same customers
// with stated changes (IN-KA grows 20 %, 30 % of IN-TN lapse, 20 % of IN-MH's Marathi speakers
// write Hindi). Both are generated when missing, before timing starts. The review reads the old
// file twice (value cut points, then tiers) and the new file once, keeping 8 bytes per customer
// per file for the id match. Answers are checked: the stated changes are flagged, nothing else
// in the other regions, and the migration's arrivals are the added rows. A third file (seed 2,
// the same distribution) reviewed against the first must show no significant change.
import Locales
import PlannerCore
import PlannerIO
import Review
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

func fail(_ message: String) -> Never {
    let bytes = Array("ReviewBenchmark: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

let rows = Int(option("--rows") ?? "10000000")!
let oldPath = option("--old") ?? "/tmp/review-bench-\(rows)-old.csv"
let newPath = option("--new") ?? "/tmp/review-bench-\(rows)-new.csv"
let otherPath = option("--other") ?? "/tmp/review-bench-\(rows)-seed2.csv"
let asOf = CivilDate(year: 2026, month: 10, day: 1)!

func benchmark() throws(Diagnostic) {
    let root = try DataDirectory.locate(explicit: option("--data"))
    let catalog = try LocaleCatalog(directory: "\(root)/locales", countries: ["IN"])
    var drift = SyntheticCustomers.Drift()
    drift.grow = ["IN-KA": 0.2]
    drift.lapse = ["IN-TN": 0.3]
    drift.shifts = [.init(region: "IN-MH", from: "mr", to: "hi", share: 0.2)]
    var added = -1
    for (path, changes, seed) in [(oldPath, SyntheticCustomers.Drift(), UInt64(1)), (newPath, drift, 1), (otherPath, .init(), 2)] {
        var synth = try SyntheticCustomers(catalog: catalog, country: "IN", seed: seed, dirty: false, asOf: asOf)
        synth.drift = changes
        if access(path, R_OK) != 0 {
            print("generating \(rows) rows into \(path) ...")
            let start = now()
            let file = try AtomicFile.Writer(path: path)
            let report = try synth.generate(count: rows) { bytes throws(Diagnostic) in try file.append(bytes) }
            try file.commit()
            print("generated in \(fixed(now() - start, 1)) s; \(report.summary)")
        }
    }
    // The rows IN-KA gained: the new file's rows beyond the old one's.
    var request = SegmentReview.Request(old: oldPath, new: newPath, country: "IN", asOf: asOf)
    request.oldRejectsPath = "/tmp/review-bench-old.rejects.csv"
    request.newRejectsPath = "/tmp/review-bench-new.rejects.csv"
    let start = now()
    let review = try SegmentReview.run(request, catalog: catalog)
    let seconds = now() - start
    let bytes = fileSize(oldPath) * 2 + fileSize(newPath)
    guard let migration = review.migration else { fail("no migration") }
    added = review.new.customers - review.old.customers
    let flagged = review.segments.filter(\.significant)
    let expected = ["IN-KA/kn", "IN-MH/hi", "IN-MH/mr", "IN-TN/ta/at_risk", "IN-TN/ta/lapsed"]
    for id in expected where !flagged.contains(where: { $0.id == id }) { fail("\(id) not flagged") }
    for entry in flagged where !["IN-KA", "IN-TN", "IN-MH"].contains(entry.region) { fail("\(entry.id) flagged without a change") }
    guard migration.arrived.reduce(0, +) == added, migration.gone.reduce(0, +) == 0, migration.matched == rows else {
        fail("migration does not add up: \(migration.matched) matched, \(migration.arrived) arrived, \(added) added")
    }
    print(
        "review of \(review.old.customers) + \(review.new.customers) customers: \(fixed(seconds, 2)) s for \(bytes) bytes read "
            + "(old file twice, new once) = \(fixed(Double(bytes) / 1e6 / seconds, 0)) MB/s; peak RSS \(fixed(peakRSSMegabytes(), 1)) MB "
            + "(id match: 8 bytes per customer per file = \(fixed(Double(review.old.customers + review.new.customers) * 8 / 1e6, 0)) MB)")
    print(
        "check: \(review.segments.count) segments, \(flagged.count) significant (\(flagged.map(\.id).joined(separator: " "))), "
            + "\(migration.moved) of \(migration.matched) matched customers changed tier, \(added) arrived")
    // Two snapshots from the same distribution (seeds 1 and 2): nothing may change significantly.
    var same = request
    same.new = otherPath
    let sameStart = now()
    let control = try SegmentReview.run(same, catalog: catalog)
    let sameSeconds = now() - sameStart
    let noise = control.segments.filter(\.significant)
    guard noise.isEmpty else { fail("same-distribution snapshots flagged \(noise.map(\.id).joined(separator: " "))") }
    let largest = control.segments.map { abs($0.z.value) }.max() ?? 0
    print(
        "same distribution (seed 1 against seed 2): \(control.segments.count) segments, 0 significant (largest |z| \(fixed(largest, 2)), "
            + "threshold p < \(control.test.pThreshold.canonicalJSONText)), \(fixed(sameSeconds, 2)) s; peak RSS \(fixed(peakRSSMegabytes(), 1)) MB")
}

do {
    try benchmark()
} catch {
    fail(error.description)
}
