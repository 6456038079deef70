// The audience of a plan for a large synthetic customer file, and personalised renders per second.
//
//   swift run -c release AudienceBenchmark [--customers N] [--renders R] [--threads T] [--count-only] [--data DIR]
//
// 1. Generates N customers (SyntheticCustomers, seed 2026, the example's region shares) unless
//    the file exists, and plans examples/festive-2026.yaml's brief for them (budget scaled by N).
// 2. Times AudienceBuilder.build (one streaming pass, holdout, ranking, cap, times, contacts and a
//    per-customer ICU render of every send) writing the real audience files into
//    /tmp/audience-bench-N/audience (with --count-only a sink that only counts); prints wall and
//    CPU time, sends per second and peak RSS. Checks: every line's assigned messages plus its reasons
//    equal its planned messages, and no held-out customer is sent a message.
// 3. Times R personalised renders of one SMS line on the audience's path (PersonalisedMessages:
//    ICU once per line, then each name put in; the SMS segments recounted on every text), a
//    different name each, on T threads (default 2), and prints renders per second (goal: 1M in
//    5 s on 2 cores).
import Audience
import Dispatch
import Export
import Locales
import Planner
import PlannerCore
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

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func fail(_ message: String) -> Never {
    let bytes = Array("AudienceBenchmark: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func fixed(_ value: Double, _ places: Int) -> String { DecimalText.fixed(value, places: places) }

/// Hands every batch to the real files (`--files`: sends.csv, holdout.csv and the channel files,
/// as `audience` writes them) or only counts; checks that no held-out customer of a segment is
/// among its sends (a segment's held-out customers come in its first batch).
final class Counter: AudienceSink {
    var sends = 0
    var heldOutSent = 0
    var segment = ""
    var held: Set<String> = []
    let files: AudienceFiles?
    init(files: AudienceFiles?) { self.files = files }
    func write(_ batch: AudienceBatch) throws(Diagnostic) {
        if batch.segment != segment {
            segment = batch.segment
            held = []
        }
        held.formUnion(batch.holdout.map(\.customerID))
        sends += batch.sends.count
        heldOutSent += batch.sends.filter { held.contains($0.customerID) }.count
        try files?.write(batch)
    }
}

let customers = Int(option("--customers") ?? "1000000")!
let renders = Int(option("--renders") ?? "1000000")!
let asOf = CivilDate(year: 2026, month: 10, day: 1)!

func benchmark() throws {
    let root = try DataDirectory.locate(explicit: option("--data"))
    let catalog = try LocaleCatalog(directory: "\(root)/locales", countries: ["IN"])
    let folder = "/tmp/audience-bench-\(customers)"
    try Directory.create(folder)
    let path = "\(folder)/customers.csv"
    if access(path, R_OK) != 0 {
        print("generating \(customers) customers into \(path) ...")
        let file = try AtomicFile.Writer(path: path)
        let shares = ["IN-DL": 0.35, "IN-MH": 0.12, "IN-KA": 0.10, "IN-WB": 0.08, "IN-TN": 0.07]
        let synth = try SyntheticCustomers(catalog: catalog, country: "IN", seed: 2026, dirty: false, asOf: asOf, regionShares: shares)
        try synth.generate(count: customers) { bytes throws(Diagnostic) in try file.append(bytes) }
        try file.commit()
    }
    var brief = try FileBytes.readText("\(root)/examples/festive-2026.yaml")
    brief = brief.replacingFirst("file: customers-festive-2026.csv", with: "file: customers.csv")
    brief = brief.replacingFirst("budget: 40000 ", with: "budget: \(40_000 * max(1, customers / 40_000)) ")
    try AtomicFile.write(brief, to: "\(folder)/brief.yaml")
    var start = now()
    let plan = try PlanBuilder.build(PlanRequest(briefPath: "\(folder)/brief.yaml", dataRoot: root, today: asOf))
    print("plan: \(plan.lines.count) lines, \(plan.totals.messages) messages, \(fixed(now() - start, 2)) s")

    start = now()
    let cpuStart = cpuSeconds()
    let files = CommandLine.arguments.contains("--count-only") ? nil : try AudienceFiles(directory: "\(folder)/audience")
    let counter = Counter(files: files)
    let result = try AudienceBuilder.build(AudienceRequest(plan: plan, planPath: "\(folder)/plan.json", dataRoot: root), sink: counter)
    if let files { _ = try files.finish(result, plan: plan) }
    let seconds = now() - start, cpu = cpuSeconds() - cpuStart
    for outcome in result.outcomes where outcome.assigned + outcome.skipped.values.reduce(0, +) != outcome.planned {
        fail("line \(outcome.line.id): assigned and reasons do not add up to the planned messages")
    }
    if counter.heldOutSent > 0 { fail("\(counter.heldOutSent) sends to held-out customers") }
    let assigned = result.outcomes.map(\.assigned).reduce(0, +)
    print(
        "audience: \(customers) customers, \(assigned) sends (of \(plan.totals.messages) planned) in \(fixed(seconds, 2)) s wall, "
            + "\(fixed(cpu, 2)) s CPU, \(fixed(Double(assigned) / seconds, 0)) sends/s, peak RSS \(fixed(peakRSSMegabytes(), 1)) MB")

    // The audience's own path: one SMS line (a UCS-2 language), a different name each time.
    guard let line = plan.lines.first(where: { $0.channel == "sms" }) ?? plan.lines.first else { fail("the plan has no lines") }
    let messages = try PersonalisedMessages(plan: plan, line: line, dataRoot: root)
    let names = ["Asha Rao", "Ravi Kumar", "अनीता शर्मा", "Meera Iyer", "Vikram Singh", "லக்ஷ்மி", "Arjun Das", "কিরণ পাল"]
    let threads = max(1, Int(option("--threads") ?? "2")!)
    start = now()
    let renderCPU = cpuSeconds()
    // Each thread renders its share of the names (i = thread, thread + threads, ...).
    let tallies = Tallies(threads)
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        var segments = 0, missing = 0
        for i in stride(from: t, to: renders, by: threads) {
            let name = names[i % names.count] + (i % 3 == 0 ? "" : " \(i % 97)")
            guard let message = try? messages.render(name: name) else {
                missing += 1
                continue
            }
            if !message.text.utf8.containsBytes(of: names[i % names.count]) { missing += 1 }
            segments += message.smsSegments
        }
        tallies.set(t, segments: segments, missing: missing)
    }
    let renderSeconds = now() - start
    if tallies.missing > 0 { fail("\(tallies.missing) renders failed or lack the name") }
    let segments = tallies.segments
    print(
        "renders: \(renders) personalised \(line.channel) renders on \(threads) threads (line \(line.id), \(line.language)) in \(fixed(renderSeconds, 2)) s wall, "
            + "\(fixed(cpuSeconds() - renderCPU, 2)) s CPU, \(fixed(Double(renders) / renderSeconds, 0)) renders/s, \(segments) SMS segments")
}

/// Per-thread render counts, each slot written by its own thread only.
final class Tallies: @unchecked Sendable {
    private var counts: [(segments: Int, missing: Int)]
    init(_ n: Int) { counts = Array(repeating: (0, 0), count: n) }
    func set(_ t: Int, segments: Int, missing: Int) { counts[t] = (segments, missing) }
    var segments: Int { counts.map(\.segments).reduce(0, +) }
    var missing: Int { counts.map(\.missing).reduce(0, +) }
}

extension String.UTF8View {
    /// Whether `text`'s UTF-8 bytes occur in these.
    func containsBytes(of text: String) -> Bool {
        let needle = Array(text.utf8), hay = Array(self)
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] && Array(hay[start..<(start + needle.count)]) == needle {
            return true
        }
        return false
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { fail("the example brief has no '\(target)'") }
        return replacingCharacters(in: range, with: replacement)
    }
}

do { try benchmark() } catch let error as Diagnostic { fail(error.message) } catch { fail("\(error)") }
