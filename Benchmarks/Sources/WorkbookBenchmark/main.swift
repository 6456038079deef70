// Writes a plan-sized and a large workbook, prints wall time, throughput and peak RSS, and
// checks the answers: same bytes twice, and the totals' cached values equal the hand sums.
import PlannerCore
import Foundation
import Workbook

#if canImport(Glibc)
    import Glibc
#endif

func workbook(rows: Int) -> (Workbook, budget: Double) {
    var sheet = Sheet(name: "Allocation")
    sheet.columns = [
        Column("Segment"), Column("Language"), Column("Start"), Column("Audience", total: .sum(.indianInteger)),
        Column("Budget", total: .sum(.inrLakh)), Column("Share", total: .sum(.percent)),
    ]
    var budget = 0.0
    for i in 0..<rows { budget += Double(i % 1000) * 100 + 0.25 }
    sheet.rows = (0..<rows).map { i in
        let value = Double(i % 1000) * 100 + 0.25
        return [
            .text("Segment \(i % 500) · தமிழ்"), .text(["hi", "bn", "ta", "ur"][i % 4]),
            .date(CivilDate(dayNumber: 20_000 + i % 365)), .number(Double(i * 7 % 100_000), .indianInteger),
            .number(value, .inrLakh), .formula("E\(i + 2)/E$\(rows + 2)", cached: value / budget, .percent),
        ]
    }
    var book = Workbook(title: "benchmark")
    book.addSheet(sheet)
    return (book, budget)
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

var failed = false
for rows in [500, 50_000] {
    let (book, budget) = workbook(rows: rows)
    let start = Date()
    let bytes = try book.xlsxBytes()
    let seconds = Date().timeIntervalSince(start)
    let xml = try book.parts().reduce(0) { $0 + $1.xml.utf8.count }
    let again = try book.xlsxBytes()
    let sheetXML = try book.parts().first { $0.path == "xl/worksheets/sheet1.xml" }!.xml
    // The cached Budget total must equal the sum in whole paise: Σ ((i mod 1000) × 10000 + 25).
    let paise = (0..<rows).reduce(0) { $0 + ($1 % 1000) * 10_000 + 25 }
    let marker = "<f>SUM(E2:E\(rows + 1))</f><v>"
    let cached = sheetXML.range(of: marker).flatMap { Double(sheetXML[$0.upperBound...].prefix { $0 != "<" }) }
    let ok = bytes == again && cached.map { Int(($0 * 100).rounded()) == paise } == true && abs(budget * 100 - Double(paise)) < 1
    failed = failed || !ok
    print(
        "rows \(rows): \(String(format: "%.3f", seconds)) s, \(xml / 1024) KiB of XML at \(String(format: "%.1f", Double(xml) / seconds / 1_048_576)) MB/s, "
            + "xlsx \(bytes.count / 1024) KiB, peak RSS \(String(format: "%.0f", peakRSSMegabytes())) MB, deterministic+totals \(ok ? "ok" : "WRONG")"
    )
}
exit(failed ? 1 : 0)
