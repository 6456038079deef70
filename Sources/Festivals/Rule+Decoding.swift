import ICUKit
import PlannerCore

/// Decodes a `rule:` mapping; every mistake is a `DecodingError` at the offending field, which
/// `DataFile` turns into file, line and field.
struct DecodedRule: Decodable {
    let rule: Rule

    enum Key: String, CodingKey {
        case type, month, day, weekday, n, church, offset, calendar, leap, shift, region_shift, scheme, paksha, tithi,
            kala, alt_kala, tie, none, rashi, month_start, nakshatra, skip_first_days, near_tithi, to, anchor, length, dates, valid,
            solar_month, bhadra
    }

    static let weekdays = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let type = try c.decode(String.self, forKey: .type)
        func fail(_ key: Key, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: message)
        }
        func int(_ key: Key, _ range: ClosedRange<Int>) throws -> Int {
            let value = try c.decode(Int.self, forKey: key)
            guard range.contains(value) else { throw fail(key, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)") }
            return value
        }
        func weekday() throws -> Int {
            let text = try c.decode(String.self, forKey: .weekday).lowercased()
            guard let w = Self.weekdays[String(text.prefix(3))] else { throw fail(.weekday, "'\(text)' is not a weekday (mon ... sun)") }
            return w
        }
        func name<T>(_ key: Key, _ table: [String: T], what: String) throws -> T {
            let text = try c.decode(String.self, forKey: key).lowercased()
            guard let value = table[text] else {
                throw fail(key, "'\(text)' is not a \(what) (one of: \(table.keys.sorted().joined(separator: ", ")))")
            }
            return value
        }
        func monthDay() throws -> (Int, Int) {
            let m = try int(.month, 1...12)
            let d = try int(.day, 1...31)
            guard d <= CivilDate.daysIn(month: m, year: 2000) else { throw fail(.day, "month \(m) has no day \(d)") }
            return (m, d)
        }
        let offset = try c.decodeIfPresent(Int.self, forKey: .offset) ?? 0
        var rashis: [String: Int] = HinduCalendar.rashiAliases
        for (i, n) in HinduCalendar.rashiNames.enumerated() { rashis[n] = i }
        let starts = Dictionary(uniqueKeysWithValues: HinduCalendar.MonthStart.allCases.map { ($0.rawValue, $0) })
        switch type {
        case "fixed":
            let (m, d) = try monthDay()
            rule = .fixed(month: m, day: d)
        case "nth_weekday":
            let n = try c.decode(Int.self, forKey: .n)
            guard (1...5).contains(n) || n == -1 else { throw fail(.n, "n must be 1...5, or -1 for the last") }
            rule = .nthWeekday(month: try int(.month, 1...12), weekday: try weekday(), n: n)
        case "weekday_before", "weekday_after":
            let (m, d) = try monthDay()
            rule = .weekdayRelative(weekday: try weekday(), month: m, day: d, after: type == "weekday_after")
        case "easter":
            let church = try c.decodeIfPresent(String.self, forKey: .church) ?? "western"
            guard let value = Rule.Church(rawValue: church) else { throw fail(.church, "church must be western or orthodox") }
            rule = .easter(church: value, offset: offset)
        case "icu":
            let name = try c.decode(String.self, forKey: .calendar)
            guard let calendar = CalendarType(rawValue: name), calendar != .gregorian else {
                throw fail(.calendar, "'\(name)' is not an ICU calendar we use (islamic-umalqura, chinese, hebrew, persian, indian, ...)")
            }
            rule = .icu(
                ICURule(
                    calendar: calendar, month: try int(.month, 1...13), day: try int(.day, 1...31),
                    isLeapMonth: try c.decodeIfPresent(Bool.self, forKey: .leap) ?? false,
                    shift: try c.decodeIfPresent(Int.self, forKey: .shift) ?? 0,
                    regionShift: try c.decodeIfPresent([String: Int].self, forKey: .region_shift) ?? [:]))
        case "hindu_lunar":
            var months: [String: Int] = [:]
            for (i, n) in HinduCalendar.monthNames.enumerated() { months[n] = i }
            months["ashwin"] = 6
            months["ashvin"] = 6
            months["margashirsha"] = 8
            months["agrahayana"] = 8
            months["bhadra"] = 5
            months["shravan"] = 4
            months["sravana"] = 4
            var month = try name(.month, months, what: "lunar month")
            let scheme = try c.decodeIfPresent(String.self, forKey: .scheme) ?? "amanta"
            guard scheme == "amanta" || scheme == "purnimanta" else { throw fail(.scheme, "scheme must be amanta or purnimanta") }
            let paksha = try c.decode(String.self, forKey: .paksha)
            guard paksha == "shukla" || paksha == "krishna" else { throw fail(.paksha, "paksha must be shukla or krishna") }
            let n = try int(.tithi, 1...15)
            // Purnimanta months end at the full moon: their krishna half is the previous amanta month's.
            if scheme == "purnimanta" && paksha == "krishna" { month = (month + 11) % 12 }
            let kala = try name(
                .kala, Dictionary(uniqueKeysWithValues: HinduLunarRule.Kala.allCases.map { ($0.rawValue, $0) }), what: "kala")
            let kalas = Dictionary(uniqueKeysWithValues: HinduLunarRule.Kala.allCases.map { ($0.rawValue, $0) })
            let alternative = c.contains(.alt_kala) ? try name(.alt_kala, kalas, what: "kala") : nil
            let tie = try c.decodeIfPresent(String.self, forKey: .tie) ?? "most"
            guard let tieRule = HinduLunarRule.Tie(rawValue: tie) else { throw fail(.tie, "tie must be first, second or most") }
            let none = try c.decodeIfPresent(String.self, forKey: .none) ?? "start"
            guard let noneRule = HinduLunarRule.NoneRule(rawValue: none) else {
                throw fail(.none, "none must be start, end or next_morning")
            }
            let bhadra = try c.decodeIfPresent(String.self, forKey: .bhadra) ?? "keep"
            guard ["keep", "avoid", "holika"].contains(bhadra) else { throw fail(.bhadra, "bhadra must be keep, avoid or holika") }
            var star: Int? = nil
            if c.contains(.nakshatra) { star = try name(.nakshatra, HinduCalendar.nakshatraNumbers, what: "nakshatra") }
            rule = .hinduLunar(
                HinduLunarRule(
                    month: month, tithi: paksha == "shukla" ? n : n + 15, kala: kala, tie: tieRule, none: noneRule,
                    avoidBhadra: bhadra == "avoid", holikaBhadra: bhadra == "holika", nakshatra: star, alternativeKala: alternative,
                    scheme: scheme))
        case "sankranti":
            rule = .sankranti(
                rashi: try name(.rashi, rashis, what: "rashi"), monthStart: try name(.month_start, starts, what: "month start rule"),
                offset: offset)
        case "solar_nakshatra":
            let nakshatras = HinduCalendar.nakshatraNumbers
            let near = try c.decodeIfPresent(Int.self, forKey: .near_tithi)
            if let near, !(1...30).contains(near) { throw fail(.near_tithi, "near_tithi must be 1...30") }
            rule = .solarNakshatra(
                SolarNakshatraRule(
                    rashi: try name(.solar_month, rashis, what: "solar month (rashi)"),
                    monthStart: try name(.month_start, starts, what: "month start rule"),
                    nakshatra: try name(.nakshatra, nakshatras, what: "nakshatra"),
                    skipFirstDays: try c.decodeIfPresent(Int.self, forKey: .skip_first_days) ?? 0,
                    kala: try c.decodeIfPresent(String.self, forKey: .kala).map { text in
                        guard let kala = HinduLunarRule.Kala(rawValue: text) else { throw fail(.kala, "'\(text)' is not a kala") }
                        return kala
                    } ?? .sunrise, nearTithi: near))
        case "relative":
            rule = .relative(to: try c.decode(String.self, forKey: .to), offset: offset)
        case "wandering_year":
            let anchor = try c.decode(CivilDate.self, forKey: .anchor)
            rule = .wanderingYear(anchor: anchor, length: try int(.length, 300...400))
        case "table":
            let raw = try c.decode([String: [CivilDate]].self, forKey: .dates)
            var dates: [Int: [CivilDate]] = [:]
            for (key, list) in raw {
                guard let year = Int(key) else { throw fail(.dates, "'\(key)' is not a year") }
                for date in list where date.year != year {
                    throw fail(.dates, "\(date) is listed under year \(year)")
                }
                dates[year] = list.sorted()
            }
            guard let low = dates.keys.min(), let high = dates.keys.max() else { throw fail(.dates, "a table needs at least one year") }
            rule = .table(dates: dates, years: low...high)
        default:
            throw fail(
                .type,
                "unknown rule type '\(type)' (fixed, nth_weekday, weekday_before, weekday_after, easter, icu, hindu_lunar, sankranti, solar_nakshatra, relative, wandering_year, table)"
            )
        }
    }
}
