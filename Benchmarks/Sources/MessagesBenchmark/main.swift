import Locales
import Messages

// Renders one million personalised messages (name and amount varying) through the whole
// pipeline (template → our number policy → ICU MessageFormat → SMS encoding and segments) and
// reports the rate. Checks its answers: two renders against known text, and the totals.
//
//   swift run -c release --package-path Benchmarks MessagesBenchmark [COUNT] [LANGUAGE]
#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let language = arguments.count > 2 ? arguments[2] : "hi"
let root: String = {
    var directory = #filePath
    for _ in 0..<4 { directory = String(directory[..<directory.lastIndex(of: "/")!]) }
    return directory
}()

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let locales = try LocaleCatalog(directory: root + "/locales", countries: ["IN"])
let catalog = try TemplateCatalog(directory: root + "/templates", locales: locales)
let names = ["Asha", "Ravi", "Fatima", "Arjun", "Meenakshi", "Gurpreet", "Sneha", "Mohammed", "Lakshmi", "Zoya"]
let options = RenderOptions(registrations: false)

func values(_ i: Int) -> [String: String] {
    [
        "name": names[i % names.count], "credit": String(50 + (i * 7919) % 1950), "days": "7",
        "url": "https://fdco.in/w/\(String(i, radix: 36))",
    ]
}

// Answers checked before timing: the text for known inputs (ICU 72.1 here).
let first = try catalog.render(templateID: "win-back", language: "en", channel: .sms, values: values(0), options: options)
precondition(
    first.text
        == "We miss you, Asha! Enjoy Rs.50 off your next order, valid for 7 days. Order: https://fdco.in/w/0 -FOODCO. Opt out: SMS STOP to 1909",
    first.text)
let hindi = try catalog.render(templateID: "win-back", language: "hi", channel: .sms, values: values(1), options: options)
precondition(hindi.text.hasPrefix("हमें आपकी याद आई, Ravi! अगले ऑर्डर पर ₹169 की छूट"), hindi.text)

let start = now()
var segments = 0
var units = 0
for i in 0..<count {
    let message = try catalog.render(templateID: "win-back", language: language, channel: .sms, values: values(i), options: options)
    segments += message.sms!.segments
    units += message.sms!.units
}
let elapsed = now() - start
precondition(segments >= count && units > count * 50)
print("rendered \(count) personalised win-back SMS in \(language) (name and amount varying)")
print("  wall time      \(String(format: elapsed, places: 3)) s")
print("  rate           \(Int(Double(count) / elapsed)) messages/s")
print("  per message    \(String(format: elapsed / Double(count) * 1e6, places: 2)) µs")
print("  segments       \(segments) (mean \(String(format: Double(segments) / Double(count), places: 3))), UTF-16/septet units \(units)")
print("  peak RSS       \(String(format: peakRSSMegabytes(), places: 1)) MB")

func String(format value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int64((value * scale).rounded())
    let whole = scaled / Int64(scale), fraction = scaled % Int64(scale)
    let digits = Swift.String(fraction)
    return "\(whole)." + Swift.String(repeating: "0", count: places - digits.count) + digits
}
