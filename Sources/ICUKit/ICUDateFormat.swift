import CICU
import PlannerCore

/// A date formatter from the system ICU, by skeleton (the locale's best pattern) or by pattern, in
/// an explicit time zone (never the process default).
///
/// ```swift
/// let long = try ICUDateFormat(locale: "ta_IN", skeleton: "yMMMMd", timeZone: "Asia/Kolkata")
/// try long.format(CivilDate(year: 2026, month: 11, day: 8)!)  // "8 நவம்பர், 2026"
/// ```
/// ICU date formatters are not thread-safe: calls are serialised by a lock.
public final class ICUDateFormat: Sendable {
    /// The ICU locale formatted for (`bn_IN@numbers=beng`).
    public let locale: String
    /// The Olson time zone moments are shown in (`Asia/Kolkata`).
    public let timeZone: String
    private let handle: LockedHandle

    /// A formatter for a skeleton such as `yMMMMd` or `EEEEdMMMM`.
    public init(locale: String, skeleton: String, timeZone: String) throws(ICUError) {
        try Self.checkZone(timeZone)
        var status: Int32 = 0
        let pointer = try skeleton.withUTF16 { s, sn throws(ICUError) in
            try timeZone.withUTF16 { z, zn throws(ICUError) in cp_icu_date_format_open_skeleton(locale, s, sn, z, zn, &status) }
        }
        guard let pointer, status <= 0 else { throw .syntax(pattern: skeleton, offset: 0, operation: "date skeleton for \(locale)") }
        self.locale = locale
        self.timeZone = timeZone
        self.handle = LockedHandle(pointer, close: { cp_icu_date_format_close($0) })
    }

    /// A formatter for an explicit pattern such as `d MMMM y`.
    public init(locale: String, pattern: String, timeZone: String) throws(ICUError) {
        try Self.checkZone(timeZone)
        var status: Int32 = 0
        let pointer = try pattern.withUTF16 { s, sn throws(ICUError) in
            try timeZone.withUTF16 { z, zn throws(ICUError) in cp_icu_date_format_open_pattern(locale, s, sn, z, zn, &status) }
        }
        guard let pointer, status <= 0 else { throw .syntax(pattern: pattern, offset: 0, operation: "date pattern for \(locale)") }
        self.locale = locale
        self.timeZone = timeZone
        self.handle = LockedHandle(pointer, close: { cp_icu_date_format_close($0) })
    }

    private static func checkZone(_ zone: String) throws(ICUError) {
        guard try zone.withUTF16({ p, n throws(ICUError) in cp_icu_time_zone_is_known(p, n) }) == 1 else {
            throw .unknownTimeZone(zone)
        }
    }

    /// Formats a moment given in milliseconds since 1970 UTC.
    public func format(epochMilliseconds millis: Double) throws(ICUError) -> String {
        try handle.withLock { pointer throws(ICUError) in
            try readUTF16("format date in \(locale)") { out, capacity, status in
                cp_icu_date_format_millis(pointer, millis, out, capacity, &status)
            }
        }
    }

    /// Formats a civil day (taken at noon in the formatter's time zone).
    public func format(_ date: CivilDate) throws(ICUError) -> String {
        try format(epochMilliseconds: try epochMilliseconds(of: date, hour: 12, timeZone: timeZone))
    }

    /// The pattern in use: for a skeleton, the locale's best pattern (e.g. `d MMMM, y` in ta_IN).
    public var pattern: String {
        get throws(ICUError) {
            try handle.withLock { pointer throws(ICUError) in
                try readUTF16("date pattern of \(locale)") { out, capacity, status in
                    cp_icu_date_format_pattern(pointer, out, capacity, &status)
                }
            }
        }
    }
}
