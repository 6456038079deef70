import ICUKit

/// The modern (drik) Hindu lunisolar and solar calendars, from true positions of the Sun and
/// the Moon with the Lahiri ayanamsha, after Reingold & Dershowitz, *Calendrical Calculations*,
/// "The Modern Hindu Calendars" (implemented from the text; the astronomical variant).
public enum HinduCalendar {
    /// Lunar month names, amanta, 0 = Chaitra ... 11 = Phalguna.
    public static let monthNames = [
        "chaitra", "vaishakha", "jyeshtha", "ashadha", "shravana", "bhadrapada",
        "ashvina", "kartika", "margashirsha", "pausha", "magha", "phalguna",
    ]
    /// Sidereal signs, 0 = Mesha ... 11 = Mina (with the Tamil and Malayalam month names users write).
    public static let rashiNames = [
        "mesha", "vrishabha", "mithuna", "karka", "simha", "kanya",
        "tula", "vrishchika", "dhanu", "makara", "kumbha", "mina",
    ]
    public static let rashiAliases: [String: Int] = [
        "chithirai": 0, "vaikasi": 1, "aani": 2, "aadi": 3, "avani": 4, "purattasi": 5, "aippasi": 6, "karthigai": 7,
        "margazhi": 8, "thai": 9, "masi": 10, "panguni": 11, "medam": 0, "chingam": 4, "kanni": 5, "thulam": 6,
        "makaram": 9, "kumbham": 10, "meenam": 11, "karkata": 3, "karkidakam": 3, "vrischika": 7, "meena": 11,
    ]
    /// Nakshatras, 1 = Ashvini ... 27 = Revati.
    public static let nakshatraNames = [
        "ashvini", "bharani", "krittika", "rohini", "mrigashira", "ardra", "punarvasu", "pushya", "ashlesha",
        "magha", "purva_phalguni", "uttara_phalguni", "hasta", "chitra", "swati", "vishakha", "anuradha", "jyeshtha",
        "mula", "purva_ashadha", "uttara_ashadha", "shravana", "dhanishta", "shatabhisha", "purva_bhadrapada",
        "uttara_bhadrapada", "revati",
    ]
    public static let nakshatraAliases: [String: Int] = ["thiruvonam": 22, "onam": 22, "pusam": 8, "poosam": 8, "thaipusam": 8]
    /// Every name and alias users write → 1...27.
    public static let nakshatraNumbers: [String: Int] = {
        var numbers = nakshatraAliases
        for (i, n) in nakshatraNames.enumerated() { numbers[n] = i + 1 }
        return numbers
    }()

    /// One lunation from new moon to new moon, named amanta.
    public struct LunarMonth: Sendable, Hashable {
        public let start: Moment
        public let end: Moment
        /// 0 = Chaitra ... 11 = Phalguna.
        public let name: Int
        /// A leap month (no sankranti inside): festivals skip it.
        public let isAdhika: Bool
        /// A second name when two sankrantis fall inside (kshaya): the month stands for both.
        public let kshayaName: Int?

        public func isNamed(_ month: Int) -> Bool { !isAdhika && (name == month || kshayaName == month) }
    }

    /// The lunations whose new moons open between `from` and `to`.
    public static func lunarMonths(from: Moment, to: Moment) -> [LunarMonth] {
        var months: [LunarMonth] = []
        var start = Events.newMoon(before: from)
        var startRashi = SunMoon.rashi(start)
        while start < to {
            let end = Events.newMoon(after: start.adding(days: 20))
            let endRashi = SunMoon.rashi(end)
            let passed = (endRashi - startRashi + 12) % 12
            let name = (startRashi + 1) % 12
            months.append(
                LunarMonth(start: start, end: end, name: name, isAdhika: passed == 0, kshayaName: passed >= 2 ? (startRashi + 2) % 12 : nil)
            )
            start = end
            startRashi = endRashi
        }
        return months
    }

    /// The moments tithi `tithi` (1...30) of a lunation begins and ends.
    public static func tithi(_ tithi: Int, of month: LunarMonth) -> (start: Moment, end: Moment) {
        let rate = Events.synodicRate
        let a = Double(tithi - 1) * 12, b = Double(tithi) * 12
        let start = tithi == 1 ? month.start : Events.elongation(a, near: month.start.adding(days: a / rate))
        let end = tithi == 30 ? month.end : Events.elongation(b, near: month.start.adding(days: b / rate))
        return (start, end)
    }

    /// Which half of a tithi (0 first, 1 second) the Vishti (Bhadra) karana rules, if either.
    /// Karanas are half-tithis numbered 0...59 from the new moon; 1...56 cycle through seven
    /// movable karanas of which the seventh is Vishti (so karanas 7, 14, ..., 56).
    public static func vishtiHalf(tithi: Int) -> Int? {
        for half in 0...1 {
            let karana = 2 * (tithi - 1) + half
            if (1...56).contains(karana) && karana % 7 == 0 { return half }
        }
        return nil
    }

    /// The regional rules for the first day of a solar month, given its sankranti.
    public enum MonthStart: String, Sendable, CaseIterable {
        /// The civil day of the sankranti (Odisha, Punjab).
        case orissa
        /// That day if the sankranti falls before sunset, else the next (Tamil Nadu).
        case tamil
        /// That day if before three fifths of the daytime (the end of madhyahna), else the next (Kerala).
        case malayali
        /// The next day if before midnight, the day after if after it: in civil days always the
        /// day after the sankranti's civil day (Bengal, Assam, Tripura).
        case bengal
        /// The civil day of the sankranti at the reference meridian, no sunrise rule.
        case civil
        /// The day of the first sunrise after the sankranti: Kerala's Vishu, whose Vishukkani is
        /// seen at that sunrise, so a Medam sankranti after sunrise puts Vishu on the next day
        /// (Drik Panchang 2022: sankranti 08:56 on 14 April, Vishu 15 April).
        case sunrise
    }

    /// The first civil day of the solar month that begins with `sankranti` at a place.
    public static func monthStart(_ sankranti: Moment, rule: MonthStart, at place: Place) -> CivilDate {
        let day = sankranti.civilDate(offsetHours: place.offsetHours)
        switch rule {
        case .orissa, .civil:
            return day
        case .tamil:
            guard let set = Events.sunset(day, at: place) else { return day }
            return sankranti < set ? day : day.adding(days: 1)
        case .malayali:
            guard let rise = Events.sunrise(day, at: place), let set = Events.sunset(day, at: place) else { return day }
            let cut = rise.adding(days: (set.julianDay - rise.julianDay) * 0.6)
            return sankranti < cut ? day : day.adding(days: 1)
        case .bengal:
            return day.adding(days: 1)
        case .sunrise:
            guard let rise = Events.sunrise(day, at: place) else { return day }
            return sankranti < rise ? day : day.adding(days: 1)
        }
    }
}
