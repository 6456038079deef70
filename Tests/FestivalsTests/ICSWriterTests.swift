import Foundation
import PlannerCore
import Testing

@testable import Festivals

@Suite("iCalendar output (RFC 5545)")
struct ICSWriterTests {
    @Test("all-day events with exclusive DTEND, CRLF line ends, fixed DTSTAMP and stable UIDs")
    func events() throws {
        let occurrences = try Data.india.occurrences(
            from: CivilDate(iso: "2026-10-01")!, to: CivilDate(iso: "2026-10-31")!, region: "IN-WB")
        let text = ICSWriter.calendar(occurrences, country: "IN") { $0.localNames["bn"] ?? "" }
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("UID:durga_puja-20261019-in@campaign-planner\r\n"))
        // Durga Puja 2026: Saptami 10-18 to Dashami 10-21, so DTEND is 10-22.
        #expect(text.contains("DTSTART;VALUE=DATE:20261018\r\nDTEND;VALUE=DATE:20261022\r\n"))
        #expect(text.contains("DTSTAMP:20000101T000000Z"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(ICSWriter.calendar(occurrences, country: "IN") == ICSWriter.calendar(occurrences, country: "IN"))
    }

    @Test("folding splits at 75 octets, never inside a UTF-8 sequence, continuation lines start with a space")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "দুর্গাপূজা ", count: 8)
        let folded = ICSWriter.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        for (i, part) in parts.enumerated() {
            #expect(part.utf8.count <= 75)
            if i > 0 { #expect(part.utf8.first == UInt8(ascii: " ")) }
        }
        // Unfolding (dropping CRLF and one space) gives the line back, byte for byte.
        let unfolded = parts.enumerated().flatMap { $0.offset == 0 ? Array($0.element.utf8) : Array($0.element.utf8.dropFirst()) }
        #expect(unfolded == Array(line.utf8))
        #expect(ICSWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }
}
