// A whole country's festivals over 200 years (1901-2100), computed from a cold catalog.
// Target: under a second in release. Run: cd Benchmarks && swift run -c release FestivalsBenchmark [IN|MY]
import PlannerCore
import Festivals
import Foundation
import Locales

let country = CommandLine.arguments.dropFirst().first ?? "IN"
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let locales = try LocaleCatalog(directory: "\(root)/locales", countries: [country])
let start = Date()
let catalog = try FestivalCatalog(directory: "\(root)/calendars", country: country, locales: locales)
var count = 0
var rulesOnly = 0
for festival in catalog.festivals {
    if case .table = festival.rule { continue }
    rulesOnly += 1
    for year in 1901...2100 { count += try catalog.dates(of: festival.id, year: year).count }
}
let seconds = Date().timeIntervalSince(start)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("country \(country): \(rulesOnly) rule-based festivals x 200 years = \(count) days in \(String(format: "%.3f", seconds)) s")
print("peak RSS \(usage.ru_maxrss / 1024) MB")
// Check the answer: Diwali 2026 (DoPT) / Chinese New Year 2030 (HKO).
let check = country == "IN" ? ("diwali", 2026, "2026-11-08") : ("chinese_new_year", 2030, "2030-02-03")
let got = try catalog.dates(of: check.0, year: check.1)
guard got == [CivilDate(iso: check.2)!] else { fatalError("\(check.0) \(check.1): got \(got), expected \(check.2)") }
print(seconds < 1 ? "OK: under 1 s" : "SLOW: over the 1 s target")
