import PlannerCore

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
    /// Tamil and Malayalam solar month names and other spellings users write → rashi index (0 = Mesha ... 11 = Mina).
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
    /// Other spellings and festival names users write for a nakshatra → 1...27 (`onam` → 22, Shravana).
    public static let nakshatraAliases: [String: Int] = ["thiruvonam": 22, "onam": 22, "pusam": 8, "poosam": 8, "thaipusam": 8]
    /// Every name and alias users write → 1...27.
    public static let nakshatraNumbers: [String: Int] = {
        var numbers = nakshatraAliases
        for (i, n) in nakshatraNames.enumerated() { numbers[n] = i + 1 }
        return numbers
    }()

    /// One lunation from new moon to new moon, named amanta.
    public struct LunarMonth: Sendable, Hashable {
        /// The new moon that opens the month.
        public let start: Moment
        /// The next new moon, which closes the month and opens the next.
        public let end: Moment
        /// 0 = Chaitra ... 11 = Phalguna.
        public let name: Int
        /// A leap month (no sankranti inside): festivals skip it.
        public let isAdhika: Bool
        /// A second name when two sankrantis fall inside (kshaya): the month stands for both.
        public let kshayaName: Int?

        /// Whether festivals of amanta month `month` (0 = Chaitra) fall in it: never an adhika month; a kshaya month answers to both names.
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
    ///
    /// The Tamil, Malayalam and Bengali rules are checked against Drik Panchang's published month
    /// starts for New Delhi, 1900-2050 (1,812 a calendar; `Tests/FestivalsTests/DrikSolarMonthTests`).
    public enum MonthStart: String, Sendable, CaseIterable {
        /// The civil day of the sankranti (Punjab's Vaisakhi; the rule Reingold & Dershowitz call
        /// the Orissa rule).
        case orissa
        /// The Odia calendar as Drik Panchang keeps it: the civil day of the sankranti if it comes
        /// before 22:22 local time, else the next day (``odiaCutoffHours``).
        case odia
        /// That day if the sankranti falls before sunset, else the next (Tamil Nadu).
        case tamil
        /// That day if before three fifths of the daytime (the end of madhyahna), else the next (Kerala).
        case malayali
        /// The next day if before midnight, the day after if after it: in civil days the day
        /// after the sankranti's civil day, except near midnight (see ``bengalDay``).
        case bengal
        /// The civil day of the sankranti at the reference meridian, no sunrise rule.
        case civil
        /// The day of the first sunrise after the sankranti: Kerala's Vishu, whose Vishukkani is
        /// seen at that sunrise, so a Medam sankranti after sunrise puts Vishu on the next day
        /// (Drik Panchang 2022: sankranti 08:56 on 14 April, Vishu 15 April).
        case sunrise
    }

    /// Where Drik Panchang's Tamil month boundary falls against our sunset: 2.8 minutes after it.
    /// Over 1,812 Tamil month starts (1900-2050) the latest sankranti that still opened its month
    /// that day came 2.71 minutes after our New Delhi sunset and the earliest that did not, 2.95
    /// minutes after; the difference is Drik's sankranti moment or sunset against ours (7″ of solar
    /// longitude), measured here rather than explained.
    static let tamilSunsetAllowance = 2.83 / 1440

    /// Drik Panchang's Odia month begins on the sankranti's civil day unless the sankranti comes
    /// late in the evening. Fitted on its 1,812 Odia month starts 1900-2050 at our astronomy: with
    /// the cutoff anywhere from 22:21.1 to 22:23.6 IST, 1,804 agree (the 8 others have sankrantis
    /// from 22:13 to 22:32, where the almanac decides by something we do not model).
    static let odiaCutoffHours = 22 + 22.0 / 60

    /// The Bengal rule near midnight, after Sewell & Dikshit (*The Indian Calendar*, 1896): a
    /// sankranti in the last minutes before or the first after midnight belongs to the day whose
    /// tithi (the one current at its sunrise) is still running at the sankranti; Karkata counts
    /// as before midnight and Makara as after. The zone, in IST at our astronomy, is fitted to
    /// Drik Panchang's 1,812 Bengali (Bisuddhasiddhanta) month starts 1900-2050: from midnight
    /// to 28.5 minutes after it (the widest tithi-decided case came at 24.8 minutes, the first
    /// plain one after the zone at 32.3), to 49.7 for Karkata (44.9 still before, 54.5 after), and
    /// for Tula from 21 minutes before midnight.
    static func bengalDay(_ sankranti: Moment, at place: Place) -> CivilDate {
        let day = sankranti.civilDate(offsetHours: place.offsetHours)
        let minutes = sankranti.localHours(offsetHours: place.offsetHours) * 60
        let rashi = Int((SunMoon.siderealSun(sankranti) + 1) / 30) % 12
        let afterMidnight = minutes < (rashi == 3 ? 49.7 : 28.5)
        let beforeMidnight = rashi == 6 && minutes >= 1440 - 21
        guard afterMidnight || beforeMidnight else { return day.adding(days: 1) }
        // The Hindu day (sunrise to sunrise) the sankranti falls in.
        let hinduDay = afterMidnight ? day.adding(days: -1) : day
        let counted: Bool
        switch rashi {
        case 3: counted = true
        case 9: counted = false
        default:
            guard let rise = Events.sunrise(hinduDay, at: place) else { return day.adding(days: 1) }
            let tithi = SunMoon.tithi(rise)
            let end = Events.elongation(Double(tithi % 30) * 12, near: rise.adding(days: 0.5))
            counted = end > sankranti
        }
        return hinduDay.adding(days: counted ? 1 : 2)
    }

    /// The first civil day of the solar month that begins with `sankranti` at a place.
    public static func monthStart(_ sankranti: Moment, rule: MonthStart, at place: Place) -> CivilDate {
        let day = sankranti.civilDate(offsetHours: place.offsetHours)
        switch rule {
        case .orissa, .civil:
            return day
        case .odia:
            return sankranti.localHours(offsetHours: place.offsetHours) < odiaCutoffHours ? day : day.adding(days: 1)
        case .tamil:
            guard let set = Events.sunset(day, at: place) else { return day }
            return sankranti < set.adding(days: tamilSunsetAllowance) ? day : day.adding(days: 1)
        case .malayali:
            guard let rise = Events.sunrise(day, at: place), let set = Events.sunset(day, at: place) else { return day }
            let cut = rise.adding(days: (set.julianDay - rise.julianDay) * 0.6)
            return sankranti < cut ? day : day.adding(days: 1)
        case .bengal:
            return bengalDay(sankranti, at: place)
        case .sunrise:
            guard let rise = Events.sunrise(day, at: place) else { return day }
            return sankranti < rise ? day : day.adding(days: 1)
        }
    }
}
