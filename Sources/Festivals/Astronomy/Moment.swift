import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// An instant on Universal Time, as a Julian day number with a fraction (UT1 ≈ UTC for our needs).
///
/// Positions are computed in Terrestrial Time: ``julianEphemerisDay`` adds ΔT.
public struct Moment: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Julian day in UT (2451545.0 = 2000-01-01 12:00 UT).
    public var julianDay: Double

    /// The moment at Julian day `julianDay`, in UT.
    public init(julianDay: Double) { self.julianDay = julianDay }

    /// The moment at a UT wall-clock time on a civil day.
    public init(utc date: CivilDate, hours: Double = 0) {
        julianDay = Double(date.dayNumber) + 2_440_587.5 + hours / 24
    }

    /// The moment at a local wall-clock time `hours` on `date`, in a zone `offsetHours` east of UT.
    public init(local date: CivilDate, hours: Double, offsetHours: Double) {
        self.init(utc: date, hours: hours - offsetHours)
    }

    /// Julian day in Terrestrial Time (UT + ΔT).
    public var julianEphemerisDay: Double { julianDay + Moment.deltaT(julianDay: julianDay) / 86_400 }

    /// Julian centuries of TT since J2000.0.
    public var centuries: Double { (julianEphemerisDay - 2_451_545.0) / 36_525 }

    /// The moment `days` later (fractional; earlier when negative).
    public func adding(days: Double) -> Moment { Moment(julianDay: julianDay + days) }

    /// The civil day this moment falls on in a zone `offsetHours` east of UT.
    public func civilDate(offsetHours: Double) -> CivilDate {
        CivilDate(dayNumber: Int((julianDay + offsetHours / 24 - 2_440_587.5).rounded(.down)))
    }

    /// Local hours since midnight in a zone `offsetHours` east of UT.
    public func localHours(offsetHours: Double) -> Double {
        let days = julianDay + offsetHours / 24 - 2_440_587.5
        return (days - days.rounded(.down)) * 24
    }

    /// `YYYY-MM-DD HH:MM` in a zone `offsetHours` east of UT.
    public func text(offsetHours: Double) -> String {
        let date = civilDate(offsetHours: offsetHours)
        let minutes = Int((localHours(offsetHours: offsetHours) * 60).rounded())
        let h = minutes / 60, m = minutes % 60
        return "\(date) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// Chronological order.
    public static func < (a: Moment, b: Moment) -> Bool { a.julianDay < b.julianDay }

    /// `YYYY-MM-DD HH:MM UT`, to the minute, for messages and tests.
    public var description: String { text(offsetHours: 0) + " UT" }

    /// ΔT = TT − UT in seconds: the polynomial fits of Espenak and Meeus (NASA, "Polynomial
    /// expressions for Delta T", 2006), good to a few seconds 1900–2020 and an estimate after.
    public static func deltaT(julianDay: Double) -> Double {
        let y = 2000 + (julianDay - 2_451_544.5) / 365.2425
        switch y {
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow(t, 3) - 0.0004473624 * pow(t, 4) + pow(t, 5) / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow(t, 3) - 0.000197 * pow(t, 4)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow(t, 3)
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + pow(t, 3) / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - pow(t, 3) / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow(t, 3) + 0.000651814 * pow(t, 4) + 0.00002373599 * pow(t, 5)
        case ..<2050:
            let t = y - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        case ..<2150:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        }
    }
}
