import PlannerCore
import Testing

@testable import Festivals

/// Minutes between two moments.
func minutes(_ a: Moment, _ b: Moment) -> Double { abs(a.julianDay - b.julianDay) * 1440 }

func moment(_ text: String, offsetHours: Double = 0) -> Moment {
    // "YYYY-MM-DD HH:MM"
    let date = CivilDate(iso: text.prefix(10))!
    let hours = Double(text.dropFirst(11).prefix(2))! + Double(text.dropFirst(14).prefix(2))! / 60
    return Moment(local: date, hours: hours, offsetHours: offsetHours)
}

@Suite("Astronomy from Meeus's series")
struct AstronomyTests {
    @Test("the Moon's longitude matches Meeus example 47.a (1992-04-12 0h TD: 133.162655°)")
    func meeusMoon() {
        // JDE 2448724.5; Meeus, Astronomical Algorithms, 2nd ed., p. 342.
        let t = (2_448_724.5 - 2_451_545.0) / 36_525
        let moon = SunMoon.moon(centuries: t, latitude: true)
        #expect(abs(moon.longitude - 133.162655) < 0.00001)
        #expect(abs(moon.latitude - -3.229126) < 0.00001)
        #expect(abs(moon.distance - 368_409.7) < 0.1)
    }

    @Test("the Sun's longitude matches Meeus example 25.a (1992-10-13 0h TD: true 199.90988°, less 20.5″ aberration)")
    func meeusSun() {
        let t = (2_448_908.5 - 2_451_545.0) / 36_525
        #expect(abs(SunMoon.sunLongitude(centuries: t) - (199.90988 - 0.00569)) < 0.0005)
    }

    @Test(
        "new moons fall within 2 minutes of published times (NASA eclipse tables; PyEphem 4.2.1 agrees to the minute)",
        arguments: [
            ("2000-01-01 00:00", "2000-01-06 18:14"),  // NASA phases of the Moon 2000
            ("2017-08-10 00:00", "2017-08-21 18:30"),  // total solar eclipse, NASA: conjunction 18:30 UT
            ("2024-04-01 00:00", "2024-04-08 18:21"),  // total solar eclipse, NASA: 18:21 UT
            ("2024-10-20 00:00", "2024-11-01 12:47"),  // the new moon after Diwali 2024
        ])
    func newMoons(after: String, published: String) {
        let found = Events.newMoon(after: moment(after))
        #expect(minutes(found, moment(published)) < 2, "\(found)")
    }

    @Test(
        "sankrantis (Lahiri, calibrated) fall within 3 minutes of Drik Panchang's times, IST",
        arguments: [
            (9, 2024, "2024-01-15 02:54"),  // Makar Sankranti moment, Drik Panchang 2024
            (9, 2025, "2025-01-14 09:03"),  // Makar Sankranti moment, Drik Panchang 2025
            (0, 2024, "2024-04-13 21:15"),  // Mesha Sankranti moment, Drik Panchang 2024
        ])
    func sankrantis(rashi: Int, year: Int, published: String) {
        let found = Events.sankranti(rashi: rashi, year: year)
        #expect(minutes(found, moment(published, offsetHours: 5.5)) < 3, "\(found.text(offsetHours: 5.5))")
    }

    @Test("Diwali 2024's amavasya runs 2024-10-31 15:52 to 2024-11-01 18:16 IST (Drik Panchang), within 3 minutes")
    func amavasya() {
        let months = HinduCalendar.lunarMonths(from: moment("2024-10-01 00:00"), to: moment("2024-10-20 00:00"))
        let ashvina = months.first { $0.isNamed(6) }!
        let (start, end) = HinduCalendar.tithi(30, of: ashvina)
        #expect(minutes(start, moment("2024-10-31 15:52", offsetHours: 5.5)) < 3, "\(start.text(offsetHours: 5.5))")
        #expect(minutes(end, moment("2024-11-01 18:16", offsetHours: 5.5)) < 3, "\(end.text(offsetHours: 5.5))")
        #expect(SunMoon.tithi(moment("2024-11-01 06:00", offsetHours: 5.5)) == 30)
    }

    @Test(
        "sunrise and sunset at New Delhi (28.6139 N, 77.2090 E) within 1 minute of PyEphem 4.2.1 (centre at −0°50′: upper limb with refraction)",
        arguments: [
            ("2024-01-01", "2024-01-01 07:14", "2024-01-01 17:35"),  // timeanddate.com New Delhi: 07:14, 17:35
            ("2024-06-21", "2024-06-21 05:24", "2024-06-21 19:22"),
            ("2025-10-20", "2025-10-20 06:25", "2025-10-20 17:46"),
        ])
    func sunriseDelhi(day: String, rise: String, set: String) {
        let delhi = Place(latitude: 28.6139, longitude: 77.2090, offsetHours: 5.5)
        let date = CivilDate(iso: day)!
        #expect(minutes(Events.sunrise(date, at: delhi)!, moment(rise, offsetHours: 5.5)) < 1)
        #expect(minutes(Events.sunset(date, at: delhi)!, moment(set, offsetHours: 5.5)) < 1)
    }

    @Test("the nakshatra on Onam 2025 (2025-09-05) at Kochi's sunrise is Shravana (22)")
    func nakshatra() {
        let kochi = Place(latitude: 9.93, longitude: 76.27, offsetHours: 5.5)
        #expect(SunMoon.nakshatra(Events.sunrise(CivilDate(iso: "2025-09-05")!, at: kochi)!) == 22)
    }

    @Test("2023 has an adhika Shravana: two lunations named Shravana, the first one leap (Drik Panchang: 2023-07-18 to 08-16)")
    func adhika() {
        let months = HinduCalendar.lunarMonths(from: moment("2023-07-01 00:00"), to: moment("2023-09-01 00:00"))
        let shravana = months.filter { $0.name == 4 }
        #expect(shravana.count == 2)
        #expect(shravana.first?.isAdhika == true)
        #expect(shravana.first?.start.civilDate(offsetHours: 5.5) == CivilDate(iso: "2023-07-18"))
    }

    @Test("Vishti (Bhadra) rules the first half of purnima, shukla ashtami and krishna chaturdashi, the second of shukla chaturthi")
    func bhadra() {
        #expect(HinduCalendar.vishtiHalf(tithi: 15) == 0)
        #expect(HinduCalendar.vishtiHalf(tithi: 8) == 0)
        #expect(HinduCalendar.vishtiHalf(tithi: 29) == 0)
        #expect(HinduCalendar.vishtiHalf(tithi: 4) == 1)
        #expect(HinduCalendar.vishtiHalf(tithi: 1) == nil)
    }
}
