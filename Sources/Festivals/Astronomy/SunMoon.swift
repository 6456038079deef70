#if canImport(Glibc)
    import Glibc
#endif

/// Positions of the Sun and the Moon from published series: Jean Meeus, *Astronomical Algorithms*
/// (2nd ed., 1998), chapter 25 (the Sun, "low accuracy", about 0.01°) and chapter 47 (the Moon,
/// the main periodic terms of ELP-2000/82 from tables 47.A and 47.B, about 10″ in longitude).
///
/// Longitudes are referred to the mean equinox of date; the sidereal longitudes subtract the
/// mean Lahiri ayanamsha, so nutation cancels.
public enum SunMoon {
    static let radians = Double.pi / 180

    @inline(__always) static func normalised(_ degrees: Double) -> Double {
        let r = fmod(degrees, 360)
        return r < 0 ? r + 360 : r
    }

    /// The Sun's geocentric ecliptic longitude, mean equinox of date, with aberration (degrees).
    public static func sunLongitude(_ moment: Moment) -> Double {
        sunLongitude(centuries: moment.centuries)
    }

    static func sunLongitude(centuries t: Double) -> Double {
        let l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
        let m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * radians
        let c =
            (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m)
            + 0.000289 * sin(3 * m)
        return normalised(l0 + c - 0.00569)
    }

    /// The Sun's mean longitude (degrees), for the equation of time.
    static func sunMeanLongitude(centuries t: Double) -> Double {
        normalised(280.46646 + 36000.76983 * t + 0.0003032 * t * t)
    }

    /// Mean obliquity of the ecliptic (Meeus 22.2), degrees.
    static func obliquity(centuries t: Double) -> Double {
        23.439291111 - 0.013004167 * t - 0.0000001639 * t * t + 0.0000005036 * t * t * t
    }

    /// The Moon's geocentric ecliptic longitude, mean equinox of date (degrees).
    public static func moonLongitude(_ moment: Moment) -> Double { moon(centuries: moment.centuries, latitude: false).longitude }

    /// Mean lunar arguments (Meeus 47.1–47.5), degrees.
    struct Arguments {
        let lp: Double, d: Double, m: Double, mp: Double, f: Double, e: Double, t: Double
        init(centuries t: Double) {
            let t2 = t * t, t3 = t2 * t, t4 = t3 * t
            lp = 218.3164477 + 481267.88123421 * t - 0.0015786 * t2 + t3 / 538_841 - t4 / 65_194_000
            d = 297.8501921 + 445267.1114034 * t - 0.0018819 * t2 + t3 / 545_868 - t4 / 113_065_000
            m = 357.5291092 + 35999.0502909 * t - 0.0001536 * t2 + t3 / 24_490_000
            mp = 134.9633964 + 477198.8675055 * t + 0.0087414 * t2 + t3 / 69_699 - t4 / 14_712_000
            f = 93.2720950 + 483202.0175233 * t - 0.0036539 * t2 - t3 / 3_526_000 + t4 / 863_310_000
            e = 1 - 0.002516 * t - 0.0000074 * t2
            self.t = t
        }
    }

    /// The Moon's longitude, latitude (degrees) and distance (km).
    static func moon(centuries t: Double, latitude: Bool) -> (longitude: Double, latitude: Double, distance: Double) {
        let a = Arguments(centuries: t)
        let d = a.d * radians, m = a.m * radians, mp = a.mp * radians, f = a.f * radians
        var sumL = 0.0, sumR = 0.0, sumB = 0.0
        for term in longitudeTerms {
            let arg = Double(term.d) * d + Double(term.m) * m + Double(term.mp) * mp + Double(term.f) * f
            let scale = term.m == 0 ? 1 : (abs(term.m) == 1 ? a.e : a.e * a.e)
            sumL += Double(term.l) * scale * sin(arg)
            if latitude { sumR += Double(term.r) * scale * cos(arg) }
        }
        let a1 = (119.75 + 131.849 * t) * radians
        let a2 = (53.09 + 479264.290 * t) * radians
        let lp = a.lp * radians
        sumL += 3958 * sin(a1) + 1962 * sin(lp - f) + 318 * sin(a2)
        if latitude {
            for term in latitudeTerms {
                let arg = Double(term.d) * d + Double(term.m) * m + Double(term.mp) * mp + Double(term.f) * f
                let scale = term.m == 0 ? 1 : (abs(term.m) == 1 ? a.e : a.e * a.e)
                sumB += Double(term.b) * scale * sin(arg)
            }
            let a3 = (313.45 + 481266.484 * t) * radians
            sumB += -2235 * sin(lp) + 382 * sin(a3) + 175 * sin(a1 - f) + 175 * sin(a1 + f) + 127 * sin(lp - mp) - 115 * sin(lp + mp)
        }
        return (normalised(a.lp + sumL / 1_000_000), sumB / 1_000_000, 385_000.56 + sumR / 1000)
    }

    /// Mean Lahiri (Chitrapaksha) ayanamsha in degrees, advancing with the IAU general precession
    /// in longitude (5028.796″/century).
    ///
    /// At J2000.0 we use 23.8659°: the Swiss Ephemeris value of the Indian Calendar Reform
    /// Committee's definition (SE_SIDM_LAHIRI, 23.857092°) plus 32″, calibrated so that our
    /// sankranti moments match Drik Panchang's published ones (Makar Sankranti 2024 and 2025,
    /// Mesha Sankranti 2024) within 2 minutes instead of 13. The cause of the 32″ (Drik's
    /// ayanamsha variant or the 0.01° solar series) is not settled; the calibration changes no
    /// festival day in the 2001-2035 reference tables.
    public static func lahiriAyanamsha(_ moment: Moment) -> Double { ayanamsha(centuries: moment.centuries) }

    static func ayanamsha(centuries t: Double) -> Double {
        23.8659 + (5028.796195 * t + 1.1054348 * t * t) / 3600
    }

    /// The Sun's sidereal (nirayana) longitude, degrees.
    public static func siderealSun(_ moment: Moment) -> Double {
        let t = moment.centuries
        return normalised(sunLongitude(centuries: t) - ayanamsha(centuries: t))
    }

    /// The Moon's sidereal (nirayana) longitude, degrees.
    public static func siderealMoon(_ moment: Moment) -> Double {
        let t = moment.centuries
        return normalised(moon(centuries: t, latitude: false).longitude - ayanamsha(centuries: t))
    }

    /// Moon minus Sun, 0..<360 degrees: 0 at new moon, 180 at full moon.
    public static func elongation(_ moment: Moment) -> Double {
        let t = moment.centuries
        return normalised(moon(centuries: t, latitude: false).longitude - sunLongitude(centuries: t))
    }

    /// The tithi (lunar day) in force: 1...30 (1–15 shukla, 15 purnima; 16–30 krishna, 30 amavasya).
    public static func tithi(_ moment: Moment) -> Int { Int(elongation(moment) / 12) + 1 }

    /// The nakshatra (lunar mansion) in force: 1 (Ashvini) ... 27 (Revati); 22 is Shravana
    /// (Thiruvonam), 8 Pushya (Poosam).
    public static func nakshatra(_ moment: Moment) -> Int { Int(siderealMoon(moment) / (360.0 / 27)) + 1 }

    /// The sidereal sign (rashi) the Sun is in: 0 Mesha ... 11 Mina.
    public static func rashi(_ moment: Moment) -> Int { Int(siderealSun(moment) / 30) }

    // Meeus table 47.A: multiples of D, M, M′, F; Σl (1e-6 degree) and Σr (1e-3 km).
    struct LongitudeTerm {
        let d: Int8, m: Int8, mp: Int8, f: Int8, l: Int32, r: Int32
    }
    // Meeus table 47.B: multiples of D, M, M′, F; Σb (1e-6 degree).
    struct LatitudeTerm {
        let d: Int8, m: Int8, mp: Int8, f: Int8, b: Int32
    }

    static let longitudeTerms: [LongitudeTerm] = [
        (0, 0, 1, 0, 6_288_774, -20_905_355), (2, 0, -1, 0, 1_274_027, -3_699_111), (2, 0, 0, 0, 658_314, -2_955_968),
        (0, 0, 2, 0, 213_618, -569_925), (0, 1, 0, 0, -185_116, 48_888), (0, 0, 0, 2, -114_332, -3_149),
        (2, 0, -2, 0, 58_793, 246_158), (2, -1, -1, 0, 57_066, -152_138), (2, 0, 1, 0, 53_322, -170_733),
        (2, -1, 0, 0, 45_758, -204_586), (0, 1, -1, 0, -40_923, -129_620), (1, 0, 0, 0, -34_720, 108_743),
        (0, 1, 1, 0, -30_383, 104_755), (2, 0, 0, -2, 15_327, 10_321), (0, 0, 1, 2, -12_528, 0),
        (0, 0, 1, -2, 10_980, 79_661), (4, 0, -1, 0, 10_675, -34_782), (0, 0, 3, 0, 10_034, -23_210),
        (4, 0, -2, 0, 8_548, -21_636), (2, 1, -1, 0, -7_888, 24_208), (2, 1, 0, 0, -6_766, 30_824),
        (1, 0, -1, 0, -5_163, -8_379), (1, 1, 0, 0, 4_987, -16_675), (2, -1, 1, 0, 4_036, -12_831),
        (2, 0, 2, 0, 3_994, -10_445), (4, 0, 0, 0, 3_861, -11_650), (2, 0, -3, 0, 3_665, 14_403),
        (0, 1, -2, 0, -2_689, -7_003), (2, 0, -1, 2, -2_602, 0), (2, -1, -2, 0, 2_390, 10_056),
        (1, 0, 1, 0, -2_348, 6_322), (2, -2, 0, 0, 2_236, -9_884), (0, 1, 2, 0, -2_120, 5_751),
        (0, 2, 0, 0, -2_069, 0), (2, -2, -1, 0, 2_048, -4_950), (2, 0, 1, -2, -1_773, 4_130),
        (2, 0, 0, 2, -1_595, 0), (4, -1, -1, 0, 1_215, -3_958), (0, 0, 2, 2, -1_110, 0),
        (3, 0, -1, 0, -892, 3_258), (2, 1, 1, 0, -810, 2_616), (4, -1, -2, 0, 759, -1_897),
        (0, 2, -1, 0, -713, -2_117), (2, 2, -1, 0, -700, 2_354), (2, 1, -2, 0, 691, 0),
        (2, -1, 0, -2, 596, 0), (4, 0, 1, 0, 549, -1_423), (0, 0, 4, 0, 537, -1_117),
        (4, -1, 0, 0, 520, -1_571), (1, 0, -2, 0, -487, -1_739), (2, 1, 0, -2, -399, 0),
        (0, 0, 2, -2, -381, -4_421), (1, 1, 1, 0, 351, 0), (3, 0, -2, 0, -340, 0),
        (4, 0, -3, 0, 330, 0), (2, -1, 2, 0, 327, 0), (0, 2, 1, 0, -323, 1_165),
        (1, 1, -1, 0, 299, 0), (2, 0, 3, 0, 294, 0), (2, 0, -1, -2, 0, 8_752),
    ].map { LongitudeTerm(d: $0.0, m: $0.1, mp: $0.2, f: $0.3, l: $0.4, r: $0.5) }

    static let latitudeTerms: [LatitudeTerm] = [
        (0, 0, 0, 1, 5_128_122), (0, 0, 1, 1, 280_602), (0, 0, 1, -1, 277_693), (2, 0, 0, -1, 173_237),
        (2, 0, -1, 1, 55_413), (2, 0, -1, -1, 46_271), (2, 0, 0, 1, 32_573), (0, 0, 2, 1, 17_198),
        (2, 0, 1, -1, 9_266), (0, 0, 2, -1, 8_822), (2, -1, 0, -1, 8_216), (2, 0, -2, -1, 4_324),
        (2, 0, 1, 1, 4_200), (2, 1, 0, -1, -3_359), (2, -1, -1, 1, 2_463), (2, -1, 0, 1, 2_211),
        (2, -1, -1, -1, 2_065), (0, 1, -1, -1, -1_870), (4, 0, -1, -1, 1_828), (0, 1, 0, 1, -1_794),
        (0, 0, 0, 3, -1_749), (0, 1, -1, 1, -1_565), (1, 0, 0, 1, -1_491), (0, 1, 1, 1, -1_475),
        (0, 1, 1, -1, -1_410), (0, 1, 0, -1, -1_344), (1, 0, 0, -1, -1_335), (0, 0, 3, 1, 1_107),
        (4, 0, 0, -1, 1_021), (4, 0, -1, 1, 833), (0, 0, 1, -3, 777), (4, 0, -2, 1, 671),
        (2, 0, 0, -3, 607), (2, 0, 2, -1, 596), (2, -1, 1, -1, 491), (2, 0, -2, 1, -451),
        (0, 0, 3, -1, 439), (2, 0, 2, 1, 422), (2, 0, -3, -1, 421), (2, 1, -1, 1, -366),
        (2, 1, 0, 1, -351), (4, 0, 0, 1, 331), (2, -1, 1, 1, 315), (2, -2, 0, -1, 302),
        (0, 0, 1, 3, -283), (2, 1, 1, -1, -229), (1, 1, 0, -1, 223), (1, 1, 0, 1, 223),
        (0, 1, -2, -1, -220), (2, 1, -1, -1, -220), (1, 0, 1, 1, -185), (2, -1, -2, -1, 181),
        (0, 1, 2, 1, -177), (4, 0, -2, -1, 176), (4, -1, -1, -1, 166), (1, 0, 1, -1, -164),
        (4, 0, 1, -1, 132), (1, 0, -1, -1, -119), (4, -1, 0, -1, 115), (2, -2, 0, 1, 107),
    ].map { LatitudeTerm(d: $0.0, m: $0.1, mp: $0.2, f: $0.3, b: $0.4) }
}
