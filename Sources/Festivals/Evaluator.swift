import Foundation
import ICUKit
import PlannerCore
import PlannerIO

/// A small thread-safe memo table.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private var table: [Key: Value] = [:]
    private let lock = NSLock()

    func value(_ key: Key, compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        if let hit = table[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = try compute()
        lock.lock()
        table[key] = value
        lock.unlock()
        return value
    }
}

/// Where a date is computed: the place whose sunrise counts and the region whose shifts and
/// rulings apply (`nil`: the country's reference city, national rulings only).
struct Observer {
    let region: String?
    let latitude: Double
    let longitude: Double
    let timeZone: String
}

/// A festival known only from a year table (`rule: {type: table}`), asked for a year outside it:
/// a listing of every festival skips it, a request that names it fails with `diagnostic`.
struct OutsideTableYears: Error {
    let festivalID: String
    let years: ClosedRange<Int>
    let year: Int
    let diagnostic: Diagnostic
}

/// Computes festival days year by year; shared astronomy (lunations, zone offsets) is memoised.
final class Evaluator: Sendable {
    let country: String
    let festivals: [String: Festival]
    let corrections: [ICUCorrection]
    let tableLocations: [String: Diagnostic]
    let overrides: [String: [FestivalOverride]]
    private let calendars = Memo<CalendarType, ICUCalendar>()
    private let lunations = Memo<Int, [HinduCalendar.LunarMonth]>()
    private let offsets = Memo<String, Double>()
    private let timeZone: String

    init(
        country: String, timeZone: String, festivals: [String: Festival], corrections: [ICUCorrection],
        tableLocations: [String: Diagnostic], overrides: [FestivalOverride]
    ) {
        self.country = country
        self.overrides = Dictionary(grouping: overrides, by: \.festival)
        self.timeZone = timeZone
        self.festivals = festivals
        self.corrections = corrections
        self.tableLocations = tableLocations
    }

    /// The zone's offset from UT in hours in a year (read at local noon on January 1).
    func offsetHours(_ zone: String, year: Int) throws -> Double {
        try offsets.value("\(zone)|\(year)") {
            let day = CivilDate(year: year, month: 1, day: 1)!
            let local = try epochMilliseconds(of: day, hour: 12, timeZone: zone)
            let utc = try epochMilliseconds(of: day, hour: 12, timeZone: "UTC")
            return (utc - local) / 3_600_000
        }
    }

    func place(_ observer: Observer, year: Int) throws -> Place {
        Place(latitude: observer.latitude, longitude: observer.longitude, offsetHours: try offsetHours(observer.timeZone, year: year))
    }

    func calendar(_ type: CalendarType) throws -> ICUCalendar {
        try calendars.value(type) { try ICUCalendar(type, timeZone: "UTC") }
    }

    /// The principal days of a festival that fall in a Gregorian year (usually one; none or two
    /// for rules on a calendar whose year is shorter or longer than the Gregorian).
    func dates(_ festival: Festival, year: Int, observer: Observer, depth: Int = 0) throws -> [CivilDate] {
        // A convention kept in the observer's region replaces the rule there.
        if let region = observer.region,
            let convention = festival.conventions.first(where: { $0.regions.contains(region) && $0.applies(in: year) })
        {
            return try dates(festival, rule: convention.rule, year: year, observer: observer, depth: depth)
        }
        return try dates(festival, rule: festival.rule, year: year, observer: observer, depth: depth)
    }

    /// The days a Hindu lunar rule's ``HinduLunarRule/alternativeKala`` gives in a year, with
    /// that kala; `nil` for a rule without one.
    func alternativeDates(
        _ festival: Festival, rule: Rule, year: Int, observer: Observer
    ) throws -> (kala: HinduLunarRule.Kala, dates: [CivilDate])? {
        guard case .hinduLunar(var lunar) = rule, let kala = lunar.alternativeKala else { return nil }
        lunar.kala = kala
        lunar.alternativeKala = nil
        return (kala, try dates(festival, rule: .hinduLunar(lunar), year: year, observer: observer))
    }

    /// The principal days a rule gives for a festival in a Gregorian year.
    func dates(_ festival: Festival, rule: Rule, year: Int, observer: Observer, depth: Int = 0) throws -> [CivilDate] {
        switch rule {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day).map { [$0] } ?? []
        case .nthWeekday(let month, let weekday, let n):
            if n == -1 {
                let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
                return [last.adding(days: -((last.weekday - weekday + 7) % 7))]
            }
            let first = CivilDate(year: year, month: month, day: 1)!
            let date = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
            return date.month == month ? [date] : []
        case .weekdayRelative(let weekday, let month, let day, let after):
            guard let anchor = CivilDate(year: year, month: month, day: day) else { return [] }
            if after { return [anchor.adding(days: (weekday - anchor.weekday + 6) % 7 + 1)] }
            return [anchor.adding(days: -((anchor.weekday - weekday + 6) % 7 + 1))]
        case .easter(let church, let offset):
            return [Self.easter(year: year, church: church).adding(days: offset)]
        case .icu(let rule):
            return try icuDates(rule, year: year, region: observer.region)
        case .hinduLunar(let rule):
            return try hinduLunarDates(rule, year: year, observer: observer)
        case .sankranti(let rashi, let start, let offset):
            let place = try place(observer, year: year)
            let moment = Events.sankranti(rashi: rashi, year: year)
            return [HinduCalendar.monthStart(moment, rule: start, at: place).adding(days: offset)]
        case .solarNakshatra(let rule):
            return try solarNakshatraDates(rule, year: year, observer: observer)
        case .relative(let id, let offset):
            guard let other = festivals[id], depth < 8 else { return [] }
            var result: [CivilDate] = []
            for y in [year - 1, year, year + 1] {
                for date in try resolved(other, year: y, observer: observer, depth: depth + 1).map(\.date) {
                    let shifted = date.adding(days: offset)
                    if shifted.year == year { result.append(shifted) }
                }
            }
            return result
        case .wanderingYear(let anchor, let length):
            let jan1 = CivilDate(year: year, month: 1, day: 1)!
            var k = Int((Double(anchor.days(to: jan1)) / Double(length)).rounded(.down))
            var result: [CivilDate] = []
            while true {
                let date = anchor.adding(days: k * length)
                if date.year > year { break }
                if date.year == year { result.append(date) }
                k += 1
            }
            return result
        case .table(let dates, let years):
            guard years.contains(year) else {
                var diagnostic = tableLocations[festival.id] ?? Diagnostic(message: "")
                diagnostic.fault = .badRequest
                diagnostic.message =
                    "festival '\(festival.id)' (\(festival.name)) has no rule, only dates typed for \(years.lowerBound)-\(years.upperBound): \(year) is outside them"
                diagnostic.hint =
                    "ask for years \(years.lowerBound)-\(years.upperBound), name the festivals you need (\(OptionText.mention("festival")), or a brief's festivals list), or add the year's date with its source"
                throw OutsideTableYears(festivalID: festival.id, years: years, year: year, diagnostic: diagnostic)
            }
            return dates[year] ?? []
        }
    }

    /// Dates after the override layer, each with the ruling's source when one applies. Rulings
    /// of the observer's region beat national ones; a ruling replaces the computed day nearest
    /// it (within 20 days, even across a year's end: a Hari Raya Haji moved from January 1 to
    /// December 31), and stands alone when no computed day is near.
    func resolved(_ festival: Festival, year: Int, observer: Observer, depth: Int = 0) throws -> [(date: CivilDate, source: String?)] {
        let all = overrides[festival.id] ?? []
        func rulings(_ y: Int) -> [FestivalOverride] {
            let regional = all.filter { $0.year == y && $0.region == observer.region }
            return regional.isEmpty ? all.filter { $0.year == y && $0.region == country } : regional
        }
        let near = rulings(year - 1) + rulings(year) + rulings(year + 1)
        var computed = try dates(festival, year: year, observer: observer, depth: depth)
        if near.isEmpty { return computed.map { ($0, nil) } }
        // Computed days of the neighbouring years, which a ruling may pull into this one.
        for y in [year - 1, year + 1] where !rulings(y).isEmpty {
            computed += try dates(festival, year: y, observer: observer, depth: depth)
        }
        var result: [(date: CivilDate, source: String?)] = []
        var used = Set<Int>()
        for date in computed.sorted() {
            if let i = near.indices.filter({ !used.contains($0) && abs(near[$0].date.days(to: date)) <= 20 })
                .min(by: { abs(near[$0].date.days(to: date)) < abs(near[$1].date.days(to: date)) })
            {
                used.insert(i)
                if near[i].date.year == year { result.append((near[i].date, near[i].source)) }
            } else if date.year == year {
                result.append((date, nil))
            }
        }
        for (i, ruling) in near.enumerated() where !used.contains(i) && ruling.year == year {
            result.append((ruling.date, ruling.source))
        }
        return result.sorted { $0.date < $1.date }
    }

    // MARK: Easter

    /// Easter Sunday: the anonymous Gregorian computus (Meeus ch. 8), or the Julian computus
    /// converted to the Gregorian calendar for the Orthodox churches.
    static func easter(year: Int, church: Rule.Church) -> CivilDate {
        switch church {
        case .western:
            let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
            let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
            let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
            let m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
            return CivilDate(year: year, month: month, day: day)!
        case .orthodox:
            let a = year % 4, b = year % 7, c = year % 19
            let d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7
            let month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1
            // Julian date to Gregorian: the calendars differ by (century − century/4 − 2) days.
            let gap = year / 100 - year / 400 - 2
            return CivilDate(year: year, month: month, day: day)!.adding(days: gap)
        }
    }

    // MARK: ICU calendars

    func icuDates(_ rule: ICURule, year: Int, region: String?) throws -> [CivilDate] {
        let calendar = try calendar(rule.calendar)
        let first = try calendar.date(of: CivilDate(year: year, month: 1, day: 1)!).extendedYear
        let last = try calendar.date(of: CivilDate(year: year, month: 12, day: 31)!).extendedYear
        let shift = region.flatMap { rule.regionShift[$0] } ?? rule.shift
        var result: [CivilDate] = []
        for extended in (first - 1)...(last + 1) {
            // A leap month or a 30th day the year does not have: no festival that year.
            guard
                let date = try? calendar.civilDate(
                    extendedYear: extended, month: rule.month, isLeapMonth: rule.isLeapMonth, day: rule.day)
            else { continue }
            let corrected = date.adding(days: correction(rule, extendedYear: extended, calendar: calendar) + shift)
            if corrected.year == year { result.append(corrected) }
        }
        return result
    }

    /// Days to add to ICU's date for a documented ICU error in the month's first day.
    func correction(_ rule: ICURule, extendedYear: Int, calendar: ICUCalendar) -> Int {
        for fix in corrections
        where fix.calendar == rule.calendar.rawValue && fix.extended_year == extendedYear && fix.month == rule.month
            && (fix.leap ?? false) == rule.isLeapMonth
        {
            // Apply only when this ICU still makes the documented error.
            guard
                let icuFirst = try? calendar.civilDate(
                    extendedYear: extendedYear, month: rule.month, isLeapMonth: rule.isLeapMonth, day: 1),
                icuFirst == fix.icu
            else { return 0 }
            return fix.icu.days(to: fix.official)
        }
        return 0
    }

    // MARK: Hindu lunisolar

    /// Lunations opening from mid-November of the year before to the end of the year.
    func lunarMonths(year: Int) -> [HinduCalendar.LunarMonth] {
        lunations.value(year) {
            HinduCalendar.lunarMonths(
                from: Moment(utc: CivilDate(year: year - 1, month: 11, day: 15)!),
                to: Moment(utc: CivilDate(year: year, month: 12, day: 31)!))
        }
    }

    func hinduLunarDates(_ rule: HinduLunarRule, year: Int, observer: Observer) throws -> [CivilDate] {
        let place = try place(observer, year: year)
        var result: [CivilDate] = []
        for month in lunarMonths(year: year) where month.isNamed(rule.month) {
            var (start, end) = HinduCalendar.tithi(rule.tithi, of: month)
            if rule.avoidBhadra, let half = HinduCalendar.vishtiHalf(tithi: rule.tithi) {
                let middle = Events.elongation(
                    Double(rule.tithi - 1) * 12 + 6, near: Moment(julianDay: (start.julianDay + end.julianDay) / 2))
                if half == 0 { start = middle } else { end = middle }
            }
            var day =
                rule.holikaBhadra
                ? Self.holikaDay(start, end, rule: rule, at: place) : Self.day(holding: start, end, rule: rule, at: place)
            if let star = rule.nakshatra { day = Self.nakshatraDay(day, star: star, start, end, rule: rule, at: place) }
            if day.year == year && !result.contains(day) { result.append(day) }
        }
        return result
    }

    /// The civil day whose `kala` window the tithi [start, end) holds, by the rule's tie and
    /// none policies.
    static func day(holding start: Moment, _ end: Moment, rule: HinduLunarRule, at place: Place) -> CivilDate {
        let first = start.civilDate(offsetHours: place.offsetHours).adding(days: -1)
        let last = end.civilDate(offsetHours: place.offsetHours).adding(days: 1)
        var best: (day: CivilDate, share: Double)? = nil
        var matches: [(day: CivilDate, share: Double)] = []
        var day = first
        while day <= last {
            if let window = window(rule.kala, on: day, at: place) {
                let share: Double
                if window.1 <= window.0 {
                    share = (start <= window.0 && window.0 < end) ? 1 : 0
                } else {
                    let overlap = min(window.1.julianDay, end.julianDay) - max(window.0.julianDay, start.julianDay)
                    share = max(0, overlap / (window.1.julianDay - window.0.julianDay))
                }
                if share > 0 { matches.append((day, share)) }
            }
            day = day.adding(days: 1)
        }
        switch (matches.count, rule.tie) {
        case (0, _):
            switch rule.none {
            case .start: return start.civilDate(offsetHours: place.offsetHours)
            case .end: return end.civilDate(offsetHours: place.offsetHours)
            case .nextMorning:
                // Three muhurtas (3 × 48 min) of the tithi after a sunrise inside it.
                var day = start.civilDate(offsetHours: place.offsetHours)
                while day <= end.civilDate(offsetHours: place.offsetHours) {
                    if let rise = Events.sunrise(day, at: place), start <= rise, rise.adding(days: 0.1) <= end { return day }
                    day = day.adding(days: 1)
                }
                return start.civilDate(offsetHours: place.offsetHours)
            }
        case (1, _), (_, .first): return matches[0].day
        case (_, .second): return matches[matches.count - 1].day
        case (_, .most):
            for match in matches where best == nil || match.share > best!.share + 1e-9 { best = match }
            return best!.day
        }
    }

    /// Holika Dahan (`bhadra: holika`): the first evening whose pradosha the purnima holds, when
    /// Bhadra (the purnima's first half) is over before that night's midnight; when Bhadra runs
    /// past it, the next evening if the purnima holds three and a half praharas (7/8 of the
    /// daytime) after that sunrise, else the first evening (in Bhadra's tail). Drik Panchang 2016,
    /// 2023 and 2026 keep the second evening (purnima ending before it) by this rule.
    static func holikaDay(_ start: Moment, _ end: Moment, rule: HinduLunarRule, at place: Place) -> CivilDate {
        let first = day(holding: start, end, rule: rule, at: place)
        let bhadraEnd = Moment(julianDay: (start.julianDay + end.julianDay) / 2)
        guard let set = Events.sunset(first, at: place), let nextRise = Events.sunrise(first.adding(days: 1), at: place),
            let nextSet = Events.sunset(first.adding(days: 1), at: place)
        else { return first }
        let midnight = Moment(julianDay: (set.julianDay + nextRise.julianDay) / 2)
        guard bhadraEnd > midnight, end > nextRise else { return first }
        let held = end.julianDay - nextRise.julianDay, daytime = nextSet.julianDay - nextRise.julianDay
        return held >= daytime * 7 / 8 ? first.adding(days: 1) : first
    }

    /// The day after `day` when the tithi holds three muhurtas after its sunrise and the
    /// nakshatra holds in its kala window but not in `day`'s (Vijayadashami with Shravana), else `day`.
    static func nakshatraDay(
        _ day: CivilDate, star: Int, _ start: Moment, _ end: Moment, rule: HinduLunarRule, at place: Place
    ) -> CivilDate {
        // A nakshatra lasts about a day: it holds in a window of hours iff it holds at one end.
        func holds(_ window: (Moment, Moment)?) -> Bool {
            guard let window else { return false }
            return SunMoon.nakshatra(window.0) == star || SunMoon.nakshatra(window.1) == star
        }
        let next = day.adding(days: 1)
        guard let rise = Events.sunrise(next, at: place), start <= rise, rise.adding(days: 0.1) <= end,
            !holds(window(rule.kala, on: day, at: place)), holds(window(rule.kala, on: next, at: place))
        else { return day }
        return next
    }

    /// The window of a day in which a tithi is looked for (a point when both ends are equal).
    static func window(_ kala: HinduLunarRule.Kala, on day: CivilDate, at place: Place) -> (Moment, Moment)? {
        guard let rise = Events.sunrise(day, at: place), let set = Events.sunset(day, at: place) else { return nil }
        let length = set.julianDay - rise.julianDay
        switch kala {
        case .sunrise: return (rise, rise)
        case .arunodaya:
            // The last four ghatikas (96 minutes) of the night, up to sunrise.
            return (rise.adding(days: -96.0 / 1440), rise)
        case .daytime: return (rise, set)
        case .purvahna: return (rise, rise.adding(days: length / 2))
        case .pratah: return (rise, rise.adding(days: length / 3))
        case .madhyahna: return (rise.adding(days: length * 0.4), rise.adding(days: length * 0.6))
        case .aparahna: return (rise.adding(days: length * 0.6), rise.adding(days: length * 0.8))
        case .pradosha: return (set, set.adding(days: 0.1))
        case .nishita:
            guard let next = Events.sunrise(day.adding(days: 1), at: place) else { return nil }
            let night = next.julianDay - set.julianDay
            return (set.adding(days: night * 7 / 15), set.adding(days: night * 8 / 15))
        case .moonrise:
            guard let rise = Events.moonrise(after: Moment(local: day, hours: 12, offsetHours: place.offsetHours), at: place) else {
                return nil
            }
            return (rise, rise)
        }
    }

    // MARK: Solar months

    func solarNakshatraDates(_ rule: SolarNakshatraRule, year: Int, observer: Observer) throws -> [CivilDate] {
        let place = try place(observer, year: year)
        let startMoment = Events.sankranti(rashi: rule.rashi, year: year)
        let nextRashi = (rule.rashi + 1) % 12
        let endMoment = Events.siderealSun(Double(nextRashi * 30), near: startMoment.adding(days: 30.4))
        let first = HinduCalendar.monthStart(startMoment, rule: rule.monthStart, at: place)
        let next = HinduCalendar.monthStart(endMoment, rule: rule.monthStart, at: place)
        // Every span of the nakshatra that starts before the month ends, placed on a day by the kala rule.
        let width = 360.0 / 27
        let target = Double(rule.nakshatra - 1) * width
        var chosen: [CivilDate] = []
        var probe = Moment(local: first, hours: 0, offsetHours: place.offsetHours)
        let stop = Moment(local: next, hours: 0, offsetHours: place.offsetHours)
        while probe < stop {
            let ahead = SunMoon.normalised(target - SunMoon.siderealMoon(probe))
            let start = Events.siderealMoon(target, near: probe.adding(days: ahead / 13.176))
            let end = Events.siderealMoon(target + width, near: start.adding(days: width / 13.176))
            let lunar = HinduLunarRule(month: 0, tithi: 1, kala: rule.kala, tie: .most, none: .start, scheme: "")
            let day = Self.day(holding: start, end, rule: lunar, at: place)
            if day >= first.adding(days: rule.skipFirstDays) && day < next { chosen.append(day) }
            probe = end.adding(days: 1)
        }
        if let near = rule.nearTithi, chosen.count > 1 {
            // Thaipusam is the Pusam of the full moon that falls in Thai ("the full moon day of the
            // Tamil month of Thai, coinciding with Pusam"): a nakshatra whose tithi ends before the
            // sankranti belongs to the month before.
            let inMonth = chosen.filter { day in
                let end = Events.elongation(
                    Double(near % 30) * 12, near: Moment(local: day, hours: 12, offsetHours: place.offsetHours))
                return startMoment <= end && end < endMoment
            }
            if !inMonth.isEmpty { chosen = inMonth }
            func distance(_ d: CivilDate) -> Int {
                guard let rise = Events.sunrise(d, at: place) else { return 99 }
                let t = SunMoon.tithi(rise)
                let gap = abs(t - near)
                return min(gap, 30 - gap)
            }
            chosen = [chosen.min { distance($0) < distance($1) }!]
        }
        return Array(chosen.prefix(1)).filter { $0.year == year }
    }
}
