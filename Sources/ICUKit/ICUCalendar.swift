import CICU
import PlannerCore

/// The ICU calendar systems we convert civil dates to and from.
public enum CalendarType: String, CaseIterable, Sendable {
    /// The proleptic Gregorian calendar, as ICU computes it (the civil calendar itself).
    case gregorian
    /// The Saudi Umm al-Qura Hijri calendar, from its published tables.
    case islamicUmalqura = "islamic-umalqura"
    /// The arithmetic Hijri calendar counted from the civil (Friday) epoch.
    case islamicCivil = "islamic-civil"
    /// The arithmetic Hijri calendar counted from the astronomical (Thursday) epoch.
    case islamicTabular = "islamic-tbla"
    /// ICU's astronomical Hijri calendar: computed crescent visibility, not an official sighting.
    case islamic
    /// The Chinese lunisolar calendar (Lunar New Year, Mid-Autumn), with leap months.
    case chinese
    /// The Korean lunisolar calendar (Seollal, Chuseok), computed for Korea's meridian.
    case dangi
    /// The Hebrew lunisolar calendar, 13 ICU months with Adar I only in leap years.
    case hebrew
    /// The Persian solar Hijri calendar (Nowruz).
    case persian
    /// The Indian national (Saka) calendar; not the lunisolar Hindu calendars, which `Festivals` computes.
    case indian
    /// The Coptic calendar.
    case coptic
    /// The Ethiopian calendar (Amete Mihret era).
    case ethiopic
}

/// A date as an ICU calendar names it.
///
/// `month` is ICU's month plus one: 1-based for most calendars; for Hebrew ICU numbers 13 months
/// (Tishri = 1 ... Adar I = 6, only in leap years, Adar = 7, Nisan = 8 ... Elul = 13); for Chinese
/// and Dangi a leap month repeats its number with `isLeapMonth` set.
public struct CalendarDate: Hashable, Sendable, CustomStringConvertible {
    /// ICU's era field (Gregorian: 1 = AD; Chinese: the 60-year cycle); 0 when the date is given by `extendedYear`.
    public var era: Int
    /// The year within `era`, as ICU counts it (Chinese: 1 to 60 within the cycle).
    public var year: Int
    /// A single running year number (ICU's EXTENDED_YEAR): for Chinese, year 4663 began in 2026.
    public var extendedYear: Int
    /// The month, 1-based (ICU's 0-based month plus one); see the type's note on Hebrew and leap months.
    public var month: Int
    /// Whether this is the intercalary repeat of `month` (Chinese and Dangi leap months).
    public var isLeapMonth: Bool
    /// The day of the month, 1-based.
    public var day: Int

    /// A calendar date from its fields; leave `era`/`year` or `extendedYear` at 0 for the one not used.
    public init(era: Int = 0, year: Int = 0, extendedYear: Int = 0, month: Int, isLeapMonth: Bool = false, day: Int) {
        self.era = era
        self.year = year
        self.extendedYear = extendedYear
        self.month = month
        self.isLeapMonth = isLeapMonth
        self.day = day
    }

    /// All fields on one line, for error messages (`era 1 year 43 (extended 4663) month 1 day 1`).
    public var description: String {
        "era \(era) year \(year) (extended \(extendedYear)) month \(month)\(isLeapMonth ? " (leap)" : "") day \(day)"
    }
}

/// Converts civil (proleptic Gregorian) days to and from one ICU calendar, in one time zone.
///
/// ICU normalises impossible fields silently (a leap month the year does not have, day 30 of a
/// 29-day month, Adar I in a common Hebrew year); every conversion into a civil date here reads the
/// fields back and throws ``ICUError/nonexistentDate(calendar:fields:normalised:)`` when they differ.
///
/// The ICU handle is mutable, so calls are serialised by a lock; open one calendar per thread for
/// parallel work.
public final class ICUCalendar: Sendable {
    /// The calendar system this converts to and from.
    public let type: CalendarType
    /// The Olson time zone (`Asia/Kolkata`) in which a civil day's midnight is taken.
    public let timeZone: String
    private let handle: LockedHandle

    /// Opens an ICU calendar; throws for a time zone ICU does not know or a calendar it cannot open.
    public init(_ type: CalendarType, timeZone: String) throws(ICUError) {
        guard try timeZone.withUTF16({ p, n throws(ICUError) in cp_icu_time_zone_is_known(p, n) }) == 1 else {
            throw .unknownTimeZone(timeZone)
        }
        var status: Int32 = 0
        let pointer = try timeZone.withUTF16 { p, n throws(ICUError) in
            cp_icu_calendar_open(type.rawValue, p, n, &status)
        }
        guard let pointer, status <= 0 else { throw .unknownCalendar(type.rawValue) }
        self.type = type
        self.timeZone = timeZone
        self.handle = LockedHandle(pointer, close: { cp_icu_calendar_close($0) })
    }

    /// The calendar's date for a civil day.
    public func date(of civil: CivilDate) throws(ICUError) -> CalendarDate {
        var fields = cp_icu_calendar_fields()
        var status: Int32 = 0
        handle.withLock {
            cp_icu_calendar_fields_of_civil_date($0, Int32(civil.year), Int32(civil.month), Int32(civil.day), &fields, &status)
        }
        try ICUError.check(status, "calendar \(type.rawValue) fields of \(civil)")
        return CalendarDate(
            era: Int(fields.era), year: Int(fields.year), extendedYear: Int(fields.extended_year),
            month: Int(fields.month) + 1, isLeapMonth: fields.is_leap_month != 0, day: Int(fields.day))
    }

    /// The civil day of a date given by era and year.
    public func civilDate(era: Int, year: Int, month: Int, isLeapMonth: Bool = false, day: Int) throws(ICUError) -> CivilDate {
        try civilDate(CalendarDate(era: era, year: year, month: month, isLeapMonth: isLeapMonth, day: day), extended: false)
    }

    /// The civil day of a date given by extended year (Chinese: 4663 began in 2026).
    public func civilDate(extendedYear: Int, month: Int, isLeapMonth: Bool = false, day: Int) throws(ICUError) -> CivilDate {
        try civilDate(CalendarDate(extendedYear: extendedYear, month: month, isLeapMonth: isLeapMonth, day: day), extended: true)
    }

    private func civilDate(_ wanted: CalendarDate, extended: Bool) throws(ICUError) -> CivilDate {
        var fields = cp_icu_calendar_fields(
            era: Int32(wanted.era), year: Int32(wanted.year), extended_year: Int32(wanted.extendedYear),
            month: Int32(wanted.month - 1), is_leap_month: wanted.isLeapMonth ? 1 : 0, day: Int32(wanted.day), day_of_week: 0)
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, status: Int32 = 0
        handle.withLock { cp_icu_calendar_civil_date_of_fields($0, &fields, extended ? 1 : 0, &y, &m, &d, &status) }
        try ICUError.check(status, "calendar \(type.rawValue) civil date of \(wanted)")
        guard let civil = CivilDate(year: Int(y), month: Int(m), day: Int(d)) else {
            throw .nonexistentDate(calendar: type.rawValue, fields: wanted.description, normalised: "\(y)-\(m)-\(d)")
        }
        let back = try date(of: civil)
        let same =
            back.month == wanted.month && back.isLeapMonth == wanted.isLeapMonth && back.day == wanted.day
            && (extended ? back.extendedYear == wanted.extendedYear : (back.era == wanted.era && back.year == wanted.year))
        guard same else {
            throw .nonexistentDate(calendar: type.rawValue, fields: wanted.description, normalised: back.description)
        }
        return civil
    }
}

/// Milliseconds since 1970 UTC of a local wall-clock time in a time zone.
public func epochMilliseconds(of date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0, timeZone: String) throws(ICUError)
    -> Double
{
    guard try timeZone.withUTF16({ p, n throws(ICUError) in cp_icu_time_zone_is_known(p, n) }) == 1 else {
        throw .unknownTimeZone(timeZone)
    }
    var status: Int32 = 0
    let millis = try timeZone.withUTF16 { p, n throws(ICUError) in
        cp_icu_civil_to_millis(
            p, n, Int32(date.year), Int32(date.month), Int32(date.day), Int32(hour), Int32(minute), Int32(second), &status)
    }
    try ICUError.check(status, "time of \(date) in \(timeZone)")
    return millis
}
