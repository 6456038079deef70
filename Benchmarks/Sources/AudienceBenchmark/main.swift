// The audience of a plan for a large synthetic customer file, and personalised renders per second.
//
//   swift run -c release AudienceBenchmark [--customers N] [--renders R] [--data DIR]
//
// 1. Generates N customers (SyntheticCustomers, seed 2026, the example's region shares) unless
//    the file exists, and plans examples/festive-2026.yaml's brief for them (budget scaled by N).
// 2. Times AudienceBuilder.build (one streaming pass, holdout, ranking, cap, times, contacts and a
//    per-customer ICU render of every send) with a sink that only counts; prints wall and CPU
//    time, sends per second and peak RSS. Checks: every line's assigned messages plus its reasons
//    equal its planned messages, and no held-out customer is sent a message.
// 3. Times R personalised renders (festive-offer, SMS, Hindi, a different name each) and prints
//    renders per second (goal: 1M in 5 s on 2 cores).
import Audience
import Locales
import Messages
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

/// Counts sends and checks that no held-out customer is among them.
final class Counter: AudienceSink {
    var sends = 0
    var heldOutSent = 0
    func write(_ batch: AudienceBatch) throws(Diagnostic) {
        sends += batch.sends.count
        let held = Set(batch.holdout.map(\.customerID))
        heldOutSent += batch.sends.filter { held.contains($0.customerID) }.count
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
    let counter = Counter()
    let result = try AudienceBuilder.build(AudienceRequest(plan: plan, planPath: "\(folder)/plan.json", dataRoot: root), sink: counter)
    let seconds = now() - start, cpu = cpuSeconds() - cpuStart
    for outcome in result.outcomes where outcome.assigned + outcome.skipped.values.reduce(0, +) != outcome.planned {
        fail("line \(outcome.line.id): assigned and reasons do not add up to the planned messages")
    }
    if counter.heldOutSent > 0 { fail("\(counter.heldOutSent) sends to held-out customers") }
    let assigned = result.outcomes.map(\.assigned).reduce(0, +)
    print(
        "audience: \(customers) customers, \(assigned) sends (of \(plan.totals.messages) planned) in \(fixed(seconds, 2)) s wall, "
            + "\(fixed(cpu, 2)) s CPU, \(fixed(Double(assigned) / seconds, 0)) sends/s, peak RSS \(fixed(peakRSSMegabytes(), 1)) MB")

    let templates = try TemplateCatalog(directory: "\(root)/templates", locales: catalog)
    let names = ["Asha Rao", "Ravi Kumar", "अनीता शर्मा", "Meera Iyer", "Vikram Singh", "லக்ஷ்மி", "Arjun Das", "কিরণ পাল"]
    var values = ["discount": "20", "min_order": "299", "deadline": "2026-11-08", "url": "https://fdco.in/d/AB12CD", "festival_name": "दीपावली"]
    start = now()
    var units = 0
    for i in 0..<renders {
        values["name"] = names[i % names.count] + (i % 3 == 0 ? "" : " \(i % 97)")
        do {
            let message = try templates.render(
                templateID: "festive-offer", language: "hi", channel: .sms, values: values, options: RenderOptions(registrations: false))
            units += message.sms?.segments ?? 0
        } catch {
            fail("render: \(error.diagnostic.message)")
        }
    }
    let renderSeconds = now() - start
    guard units >= renders else { fail("renders without SMS segments") }
    print("renders: \(renders) personalised SMS renders in \(fixed(renderSeconds, 2)) s, \(fixed(Double(renders) / renderSeconds, 0)) renders/s")
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { fail("the example brief has no '\(target)'") }
        return replacingCharacters(in: range, with: replacement)
    }
}

do { try benchmark() } catch let error as Diagnostic { fail(error.message) } catch { fail("\(error)") }
