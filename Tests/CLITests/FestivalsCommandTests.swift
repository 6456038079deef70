import Foundation
import Testing

@Suite("campaign-planner festivals")
struct FestivalsCommandTests {
    @Test("--region IN-WB --year 2026 --format csv: the exact header, Durga Puja and Kali Puja, sorted rows")
    func bengal() throws {
        let result = try CLI.run(["festivals", "--country", "IN", "--region", "IN-WB", "--year", "2026", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,name,local_name,date,start,end,uncertainty_days,regions,languages,rule,source")
        #expect(lines.contains { $0.hasPrefix("durga_puja,Durga Puja,দুর্গাপূজা,2026-10-19,2026-10-18,2026-10-21,") })
        #expect(lines.contains { $0.hasPrefix("kali_puja,Kali Puja,কালীপুজো,2026-11-08,") })
    }

    @Test("--region IN-TN lists Pongal and Puthandu; --language bn --region IN-DL lists Durga Puja")
    func tamilAndBengaliInDelhi() throws {
        let tamil = try CLI.run(["festivals", "--region", "IN-TN", "--year", "2026", "--format", "csv"])
        #expect(tamil.stdout.contains("\npongal,") && tamil.stdout.contains("\nputhandu,"))
        let delhi = try CLI.run(["festivals", "--language", "bn", "--region", "IN-DL", "--year", "2026", "--format", "csv"])
        #expect(delhi.stdout.contains("\ndurga_puja,"))
    }

    @Test(
        "a listing of every festival outside Losar's table years lists the rest (exit 0) and names Losar on standard error",
        arguments: [["--from", "2001-01-01", "--to", "2035-12-31"], ["--year", "1950"], ["--year", "2080"]])
    func skipsTableOnly(range: [String]) throws {
        let result = try CLI.run(["festivals", "--country", "IN"] + range + ["--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: skipped festival 'losar' (Losar) for "))
        #expect(result.stderr.contains("only dates typed for 2010-2035"))
        #expect(result.stdout.contains("\ndiwali,Diwali,"))
        let years = Set(result.stdout.split(separator: "\n").dropFirst().map { Int($0.split(separator: ",")[3].prefix(4))! })
        #expect(years.count == (range[0] == "--year" ? 1 : 35))
    }

    @Test("--format ics writes CRLF iCalendar; Losar named for a year outside its table is a usage error naming it (exit 64)")
    func icsAndErrors() throws {
        let ics = try CLI.run(["festivals", "--country", "MY", "--year", "2027", "--format", "ics"])
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.stdout.contains("DTSTART;VALUE=DATE:20270206\r\n"))
        let outside = try CLI.run(["festivals", "--festival", "losar", "--year", "2001"])
        #expect(outside.status == 64)
        #expect(outside.stderr.contains("losar") && outside.stderr.contains("2010-2035") && outside.stderr.contains("--festival"))
        let named = try CLI.run(["festivals", "--region", "IN-SK", "--year", "2050", "--festival", "diwali,holi", "--format", "csv"])
        #expect(named.status == 0)
        #expect(named.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] } == ["holi", "diwali"])
        let unknown = try CLI.run(["festivals", "--year", "2026", "--festival", "diwalee"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown festival 'diwalee'"))
        // Without --year or --from/--to: the current year (UTC), as the help says (Malaysia: no
        // table-only festival whose years could run out).
        let thisYear = try CLI.run(["festivals", "--country", "MY", "--format", "csv"])
        #expect(thisYear.status == 0)
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!
        let years = Set(thisYear.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[3].prefix(4) })
        #expect(years == [Substring(String(year))])
        let both = try CLI.run(["festivals", "--year", "2026", "--from", "2026-01-01", "--to", "2026-02-01"])
        #expect(both.status == 64)
    }
}
