import ICUKit
import PlannerCore
import Testing

@Suite("Civil dates to and from ICU calendars")
struct CalendarTests {
    let india = "Asia/Kolkata"

    @Test("1 Shawwal 1448 (Umm al-Qura) is 2027-03-09")
    func shawwal() throws {
        let calendar = try ICUCalendar(.islamicUmalqura, timeZone: india)
        #expect(try calendar.civilDate(era: 0, year: 1448, month: 10, day: 1) == CivilDate(year: 2027, month: 3, day: 9))
        let back = try calendar.date(of: CivilDate(year: 2027, month: 3, day: 9)!)
        #expect(back.year == 1448 && back.month == 10 && back.day == 1)
    }

    @Test("Chinese leap month: 2025's leap sixth month began on 2025-07-25")
    func chineseLeapMonth() throws {
        let calendar = try ICUCalendar(.chinese, timeZone: "Asia/Shanghai")
        #expect(try calendar.civilDate(extendedYear: 4662, month: 6, isLeapMonth: true, day: 1) == CivilDate(year: 2025, month: 7, day: 25))
        let fields = try calendar.date(of: CivilDate(year: 2025, month: 8, day: 1)!)
        #expect(fields.extendedYear == 4662 && fields.month == 6 && fields.isLeapMonth && fields.day == 8)
    }

    @Test("a leap month that does not exist is an error, not ICU's silent normalisation")
    func missingLeapMonth() throws {
        let calendar = try ICUCalendar(.chinese, timeZone: "Asia/Shanghai")
        #expect(throws: ICUError.self) { try calendar.civilDate(extendedYear: 4663, month: 6, isLeapMonth: true, day: 1) }
    }

    @Test("Adar I exists only in Hebrew leap years")
    func adarI() throws {
        let calendar = try ICUCalendar(.hebrew, timeZone: "Asia/Jerusalem")
        #expect(try calendar.civilDate(era: 0, year: 5787, month: 6, day: 1) == CivilDate(year: 2027, month: 2, day: 8))
        #expect(throws: ICUError.self) { try calendar.civilDate(era: 0, year: 5786, month: 6, day: 1) }
    }

    @Test("day 30 of a 29-day Islamic month is an error")
    func day30() throws {
        let calendar = try ICUCalendar(.islamicCivil, timeZone: india)
        // In the tabular (civil) calendar, even months have 29 days except Dhu al-Hijja in leap years.
        #expect(throws: ICUError.self) { try calendar.civilDate(era: 0, year: 1448, month: 2, day: 30) }
    }

    @Test(
        "Persian Nowruz 1405 and the Indian national new year 1948",
        arguments: [
            (CalendarType.persian, "Asia/Tehran", 1405, CivilDate(year: 2026, month: 3, day: 21)!),
            (CalendarType.indian, "Asia/Kolkata", 1948, CivilDate(year: 2026, month: 3, day: 22)!),
        ])
    func newYears(type: CalendarType, zone: String, year: Int, expected: CivilDate) throws {
        let calendar = try ICUCalendar(type, timeZone: zone)
        #expect(try calendar.civilDate(era: 0, year: year, month: 1, day: 1) == expected)
    }

    @Test("every calendar type opens and round-trips a civil day", arguments: CalendarType.allCases)
    func roundTrip(type: CalendarType) throws {
        let calendar = try ICUCalendar(type, timeZone: india)
        let day = CivilDate(year: 2026, month: 11, day: 8)!
        let fields = try calendar.date(of: day)
        #expect(
            try calendar.civilDate(
                era: fields.era, year: fields.year, month: fields.month, isLeapMonth: fields.isLeapMonth, day: fields.day) == day)
    }

    @Test("an unknown time zone is refused (ICU would silently use GMT)")
    func unknownZone() {
        #expect(throws: ICUError.unknownTimeZone("Asia/Kolkatta")) { try ICUCalendar(.gregorian, timeZone: "Asia/Kolkatta") }
    }
}

@Suite("CivilDate arithmetic")
struct CivilDateTests {
    @Test("day numbers round-trip over four centuries and weekdays are right")
    func dayNumbers() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2026, month: 11, day: 8)!.weekday == 7)  // a Sunday
        for n in stride(from: -80_000, through: 80_000, by: 97) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test("parsing is exact", arguments: ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-01", ""])
    func invalid(text: String) { #expect(CivilDate(iso: text) == nil) }

    @Test("formatting pads")
    func description() { #expect(CivilDate(year: 900, month: 3, day: 4)!.description == "0900-03-04") }
}
