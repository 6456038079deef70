import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// A place on Earth where days begin: the reference city of a region, with its clock.
public struct Place: Hashable, Sendable {
    /// Degrees, north positive.
    public var latitude: Double
    /// Degrees, east positive.
    public var longitude: Double
    /// The zone's standard offset from UT in hours (Asia/Kolkata: 5.5). Festival zones have no
    /// daylight saving time; the offset is read from ICU's zone data per year.
    public var offsetHours: Double

    /// A place at `latitude` and `longitude` (degrees, north and east positive), `offsetHours` east of UT.
    public init(latitude: Double, longitude: Double, offsetHours: Double) {
        self.latitude = latitude
        self.longitude = longitude
        self.offsetHours = offsetHours
    }
}

/// Rising and setting, new moons, sankrantis, tithi and nakshatra boundaries.
///
/// Every search is an iteration on a smooth, monotonic longitude, converging to under a second
/// of time; the accuracy is that of ``SunMoon`` (about a minute for tithi boundaries).
public enum Events {
    static let radians = Double.pi / 180
    /// Mean daily motion of Moon minus Sun and of the Sun (degrees a day).
    static let synodicRate = 360 / 29.530588853
    static let solarRate = 360 / 365.256363

    @inline(__always) static func signed(_ degrees: Double) -> Double {
        var r = fmod(degrees, 360)
        if r >= 180 { r -= 360 }
        if r < -180 { r += 360 }
        return r
    }

    /// The moment nearest `near` at which Moon − Sun equals `degrees` (0 = new moon, 180 = full
    /// moon, 12·(n−1) = the start of tithi n).
    public static func elongation(_ degrees: Double, near: Moment) -> Moment {
        solve(degrees, near: near, rate: synodicRate, tolerance: 1e-6, angle: SunMoon.elongation)
    }

    /// The moment nearest `near` at which `angle` (degrees, growing about `rate` a day) equals
    /// `degrees`: steps of the remaining angle over the rate, until it misses by under `tolerance`.
    static func solve(
        _ degrees: Double, near: Moment, rate: Double, tolerance: Double, angle: (Moment) -> Double
    ) -> Moment {
        var t = near
        for _ in 0..<12 {
            let miss = signed(degrees - angle(t))
            t = t.adding(days: miss / rate)
            if abs(miss) < tolerance { break }
        }
        return t
    }

    /// The first moment at or after `after` at which Moon − Sun equals `degrees`.
    public static func nextElongation(_ degrees: Double, after: Moment) -> Moment {
        let ahead = SunMoon.normalised(degrees - SunMoon.elongation(after))
        var t = elongation(degrees, near: after.adding(days: ahead / synodicRate))
        if t < after { t = elongation(degrees, near: t.adding(days: 29.53)) }
        return t
    }

    /// The new moon (conjunction) at or after `after`.
    public static func newMoon(after: Moment) -> Moment { nextElongation(0, after: after) }

    /// The new moon before `before`.
    public static func newMoon(before: Moment) -> Moment {
        let behind = SunMoon.normalised(SunMoon.elongation(before))
        var t = elongation(0, near: before.adding(days: -behind / synodicRate))
        if t >= before { t = elongation(0, near: t.adding(days: -29.53)) }
        return t
    }

    /// The moment nearest `near` at which the Sun's sidereal longitude equals `degrees`
    /// (30·k: the sankranti into sign k, 0 = Mesha).
    public static func siderealSun(_ degrees: Double, near: Moment) -> Moment {
        solve(degrees, near: near, rate: solarRate, tolerance: 1e-7, angle: SunMoon.siderealSun)
    }

    /// The sankranti into sign `rashi` (0 Mesha ... 11 Mina) in a Gregorian year.
    public static func sankranti(rashi: Int, year: Int) -> Moment {
        // Mesha sankranti falls near April 14 in our era; each sign follows about 30.44 days later.
        let guess = Moment(utc: CivilDate(year: year, month: 4, day: 14)!).adding(days: Double(rashi) * 30.4369)
        var t = siderealSun(Double(rashi * 30), near: guess)
        // Makara and Kumbha, Mina fall early in the next Gregorian year: keep the one in `year`.
        let y = t.civilDate(offsetHours: 0).year
        if y > year { t = siderealSun(Double(rashi * 30), near: t.adding(days: -365.2564)) }
        if y < year { t = siderealSun(Double(rashi * 30), near: t.adding(days: 365.2564)) }
        return t
    }

    /// The moment nearest `near` at which the Moon's sidereal longitude equals `degrees`.
    public static func siderealMoon(_ degrees: Double, near: Moment) -> Moment {
        solve(degrees, near: near, rate: 13.176, tolerance: 1e-6, angle: SunMoon.siderealMoon)
    }

    // MARK: Rising and setting

    /// Sunrise (upper limb on the horizon with standard refraction: altitude −0°50′, Meeus ch. 15)
    /// on a civil day at a place; `nil` in polar day or night.
    public static func sunrise(_ date: CivilDate, at place: Place) -> Moment? { sunEvent(date, place, rising: true) }

    /// Sunset, same convention as ``sunrise(_:at:)``.
    public static func sunset(_ date: CivilDate, at place: Place) -> Moment? { sunEvent(date, place, rising: false) }

    static func sunEvent(_ date: CivilDate, _ place: Place, rising: Bool) -> Moment? {
        let h0 = -0.8333 * radians
        let phi = place.latitude * radians
        var t = Moment(local: date, hours: rising ? 6 : 18, offsetHours: place.offsetHours)
        for _ in 0..<4 {
            let c = t.centuries
            let lambda = SunMoon.sunLongitude(centuries: c) * radians
            let eps = SunMoon.obliquity(centuries: c) * radians
            let alpha = atan2(cos(eps) * sin(lambda), cos(lambda)) / radians
            let delta = asin(sin(eps) * sin(lambda))
            let eot = signed(SunMoon.sunMeanLongitude(centuries: c) - 0.0057183 - alpha) / 15  // hours
            let cosH = (sin(h0) - sin(phi) * sin(delta)) / (cos(phi) * cos(delta))
            guard cosH > -1, cosH < 1 else { return nil }
            let h = acos(cosH) / radians / 15
            // Apparent noon, in local clock hours on `date`.
            let transit = 12 - place.longitude / 15 - eot + place.offsetHours
            t = Moment(local: date, hours: rising ? transit - h : transit + h, offsetHours: place.offsetHours)
        }
        return t
    }

    /// The Moon's geocentric altitude (degrees) less the altitude at which its upper limb rises.
    static func moonAltitude(_ t: Moment, at place: Place) -> Double {
        let c = t.centuries
        let moon = SunMoon.moon(centuries: c, latitude: true)
        let eps = SunMoon.obliquity(centuries: c) * radians
        let l = moon.longitude * radians, b = moon.latitude * radians
        let alpha = atan2(sin(l) * cos(eps) - tan(b) * sin(eps), cos(l))
        let delta = asin(sin(b) * cos(eps) + cos(b) * sin(eps) * sin(l))
        let d = t.julianDay - 2_451_545.0
        let gmst = SunMoon.normalised(280.46061837 + 360.98564736629 * d) * radians
        let hourAngle = gmst + place.longitude * radians - alpha
        let phi = place.latitude * radians
        let altitude = asin(sin(phi) * sin(delta) + cos(phi) * cos(delta) * cos(hourAngle)) / radians
        let parallax = asin(6378.14 / moon.distance) / radians
        // Meeus ch. 15: the upper limb rises when the geocentric altitude is 0.7275·π − 0°34′.
        return altitude - (0.7275 * parallax - 0.5667)
    }

    /// The first moonrise (upper limb with refraction and parallax, Meeus ch. 15) after `after`
    /// within about a day, or `nil`.
    public static func moonrise(after: Moment, at place: Place) -> Moment? {
        func f(_ t: Moment) -> Double { moonAltitude(t, at: place) }
        var a = after, fa = f(a)
        let step = 1.0 / 48
        for _ in 0..<50 {
            let b = a.adding(days: step)
            let fb = f(b)
            if fa < 0, fb >= 0 {
                var lo = a, hi = b
                for _ in 0..<20 {
                    let mid = Moment(julianDay: (lo.julianDay + hi.julianDay) / 2)
                    if f(mid) < 0 { lo = mid } else { hi = mid }
                }
                return hi
            }
            a = b
            fa = fb
        }
        return nil
    }
}
