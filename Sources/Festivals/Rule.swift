import ICUKit
import PlannerCore

/// How a festival's principal day is found in a Gregorian year. Decoded from a `rule:` mapping
/// with a `type:` key (see `calendars/README.md` for the grammar).
public enum Rule: Sendable, Hashable {
    /// A fixed Gregorian month and day.
    case fixed(month: Int, day: Int)
    /// The nth weekday of a month (n = −1: the last). Weekday is ISO: 1 = Monday ... 7 = Sunday.
    case nthWeekday(month: Int, weekday: Int, n: Int)
    /// The last `weekday` strictly before (or first strictly after) a month and day.
    case weekdayRelative(weekday: Int, month: Int, day: Int, after: Bool)
    /// Easter Sunday plus `offset` days (Western: Gregorian computus; Orthodox: Julian computus).
    case easter(church: Church, offset: Int)
    /// A month and day in an ICU calendar, shifted by whole days (per region where set).
    case icu(ICURule)
    /// A tithi of a Hindu lunar month, held in a time window of the day.
    case hinduLunar(HinduLunarRule)
    /// The first day of a solar month by a regional rule, plus `offset` days.
    case sankranti(rashi: Int, monthStart: HinduCalendar.MonthStart, offset: Int)
    /// The day a nakshatra holds at sunrise within a solar month (Onam, Thaipusam).
    case solarNakshatra(SolarNakshatraRule)
    /// Another festival's day plus `offset` days.
    case relative(to: String, offset: Int)
    /// A 365-day (vague) year anchored on a known day: the Shahenshahi Parsi calendar.
    case wanderingYear(anchor: CivilDate, length: Int)
    /// Dates typed per year, only where no rule exists; an error outside `years`.
    case table(dates: [Int: [CivilDate]], years: ClosedRange<Int>)

    /// Which Easter computus: `western` (Gregorian) or `orthodox` (Julian, shown as a Gregorian date).
    public enum Church: String, Sendable, Hashable { case western, orthodox }
}

/// A date in an ICU calendar.
public struct ICURule: Sendable, Hashable {
    /// The ICU calendar the month and day are in.
    public var calendar: CalendarType
    /// The month in that calendar, 1-based (ICU's month plus one, as in ``CalendarDate``).
    public var month: Int
    /// The day of the month, 1-based.
    public var day: Int
    /// Whether the month is a leap month (Chinese, Dangi); a year without it has no festival.
    public var isLeapMonth: Bool
    /// Days added to ICU's date (India's Islamic days: Umm al-Qura + 1).
    public var shift: Int
    /// Per-region replacement of `shift` (ISO 3166-2 code → days).
    public var regionShift: [String: Int]
}

/// A Hindu lunisolar festival day.
public struct HinduLunarRule: Sendable, Hashable {
    /// Amanta month, 0 = Chaitra ... 11 = Phalguna (purnimanta months are converted on load).
    public var month: Int
    /// 1...30: shukla 1–15, krishna 16–30 (amavasya).
    public var tithi: Int
    /// The part of the day in which the tithi must hold.
    public var kala: Kala
    /// Which day to keep when the tithi holds in the window on two days (default `most`).
    public var tie: Tie
    /// Which day to keep when the tithi holds in the window on neither day.
    public var none: NoneRule
    /// Leave out the half of the tithi ruled by the Vishti (Bhadra) karana: Raksha Bandhan and
    /// Holika Dahan are never kept in Bhadra.
    public var avoidBhadra: Bool = false
    /// Holika Dahan's Bhadra rule (Drik Panchang's stated muhurta rules, after the Dharmasindhu):
    /// the first evening whose pradosha the purnima holds, unless Bhadra (its first half) lasts
    /// past that night's midnight; then the next evening when the purnima holds for three and a
    /// half praharas (7/8 of the daytime) after that sunrise, else Bhadra's tail on the first night.
    public var holikaBhadra: Bool = false
    /// Vijayadashami's nakshatra rule: the day after the kala day is kept when the tithi holds
    /// for at least three muhurtas after its sunrise and this nakshatra (Shravana) holds in its
    /// kala window but not in the first day's (Drik Panchang 2019: dashami 12:38 7 Oct - 14:50 8 Oct, Shravana in the 8 October
    /// aparahna, Dussehra 8 October).
    public var nakshatra: Int? = nil
    /// A kala that part of the country keeps instead (`sunrise`: the udaya tithi). In a year in
    /// which it gives another day, the festival's day is disputed: the occurrence's uncertainty
    /// covers that day too and its rule names it (Bhai Dooj 2023: 14 November by the aparahna,
    /// 15 November by the udaya tithi; news reports of both days).
    public var alternativeKala: Kala? = nil
    /// How the month was written (for the description).
    public var scheme: String

    /// The part of the day in which the tithi must hold.
    public enum Kala: String, Sendable, Hashable, CaseIterable {
        /// At sunrise (udaya).
        case sunrise
        /// Sunrise to sunset.
        case daytime
        /// The 96 minutes (four ghatikas) before sunrise: with `tie: most` the day whose dawn the
        /// tithi covers most (Naraka Chaturdashi's Abhyang Snan before sunrise).
        case arunodaya
        /// Sunrise to midday.
        case purvahna
        /// The first third of the daytime (pratahkala in the wide sense): Sharad Navratri's
        /// Ghatasthapana is done while the pratipada holds in it (Chaitra Navratri keeps the sunrise rule).
        case pratah
        /// The third fifth of the daytime.
        case madhyahna
        /// The fourth fifth of the daytime.
        case aparahna
        /// Sunset to 2 h 24 min after it.
        case pradosha
        /// The middle fifteenth of the night (the eighth muhurta).
        case nishita
        /// At moonrise.
        case moonrise
    }
    /// When the tithi holds in the window on two days.
    /// `first` or `second` keeps that day; `most` (the default) the day whose window the tithi covers the larger share of.
    public enum Tie: String, Sendable, Hashable { case first, second, most }
    /// When it holds on neither day: the day the tithi begins (`start`) or ends (`end`), or
    /// `next_morning`: the day whose sunrise the tithi holds for at least three muhurtas (2 h 24 min)
    /// after it, else the day it begins (Raksha Bandhan when Bhadra covers the first day's aparahna).
    public enum NoneRule: String, Sendable, Hashable {
        /// `start`: the day the tithi begins; `end`: the day it ends.
        case start, end
        /// The day whose sunrise the tithi holds for three muhurtas after, else the day it begins.
        case nextMorning = "next_morning"
    }
}

/// A nakshatra within a solar month.
public struct SolarNakshatraRule: Sendable, Hashable {
    /// The sidereal sign whose sankranti starts the solar month, 0 = Mesha ... 11 = Mina.
    public var rashi: Int
    /// The regional rule for which civil day the solar month starts on after the sankranti.
    public var monthStart: HinduCalendar.MonthStart
    /// 1 = Ashvini ... 27 = Revati.
    public var nakshatra: Int
    /// Days at the start of the month that do not count (Onam: a Thiruvonam in the first days
    /// belongs to the previous cycle).
    public var skipFirstDays: Int
    /// The part of the day in which the nakshatra must hold (default: sunrise).
    public var kala: HinduLunarRule.Kala
    /// When two days qualify, prefer the one whose sunrise tithi is nearest this one.
    public var nearTithi: Int?
}

extension Rule {
    /// A one-line description of the rule, for users.
    public var text: String {
        func weekday(_ w: Int) -> String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][w - 1] }
        func month(_ m: Int) -> String {
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
        }
        func signed(_ n: Int) -> String { n == 0 ? "" : (n > 0 ? " + \(n)" : " - \(-n)") }
        switch self {
        case .fixed(let m, let d): return "\(month(m)) \(d)"
        case .nthWeekday(let m, let w, let n):
            return n == -1
                ? "last \(weekday(w)) of \(month(m))" : "\(["", "1st", "2nd", "3rd", "4th", "5th"][min(n, 5)]) \(weekday(w)) of \(month(m))"
        case .weekdayRelative(let w, let m, let d, let after): return "\(weekday(w)) \(after ? "after" : "before") \(month(m)) \(d)"
        case .easter(let church, let offset): return "\(church == .western ? "Western" : "Orthodox") Easter\(signed(offset))"
        case .icu(let r):
            let shift = r.shift == 0 ? "" : " \(r.shift > 0 ? "+" : "-")\(abs(r.shift)) day\(abs(r.shift) == 1 ? "" : "s")"
            return "\(r.calendar.rawValue) \(r.isLeapMonth ? "leap " : "")month \(r.month) day \(r.day)\(shift)"
        case .hinduLunar(let r):
            let paksha = r.tithi <= 15 ? "shukla" : "krishna"
            let n = r.tithi <= 15 ? r.tithi : r.tithi - 15
            return
                "\(HinduCalendar.monthNames[r.month].titled) \(paksha) \(n) (amanta), tithi at \(r.kala.rawValue)\(r.avoidBhadra ? " outside Bhadra" : "")\(r.holikaBhadra ? " (Holika Bhadra rule)" : "")\(r.nakshatra.map { " or next day with \(HinduCalendar.nakshatraNames[$0 - 1])" } ?? "")\(r.alternativeKala.map { " (some keep it at \($0.rawValue))" } ?? "")"
        case .sankranti(let rashi, let start, let offset):
            return "\(HinduCalendar.rashiNames[rashi].titled) sankranti, \(start.rawValue) month start\(signed(offset))"
        case .solarNakshatra(let r):
            return
                "\(HinduCalendar.nakshatraNames[r.nakshatra - 1].titled) nakshatra at \(r.kala.rawValue) in solar \(HinduCalendar.rashiNames[r.rashi].titled) (\(r.monthStart.rawValue))"
        case .relative(let id, let offset): return "\(id)\(signed(offset))"
        case .wanderingYear(let anchor, let length): return "\(length)-day year from \(anchor)"
        case .table(_, let years): return "table \(years.lowerBound)-\(years.upperBound)"
        }
    }
}

extension String {
    /// The first letter upper-cased (`ashvina` → `Ashvina`), without Foundation's locale rules.
    fileprivate var titled: String { prefix(1).uppercased() + dropFirst() }
}
