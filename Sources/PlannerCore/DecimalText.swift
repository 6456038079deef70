/// Fixed-point text of numbers, without Foundation's locale-dependent formatting.
public enum DecimalText {
    /// `value` rounded half away from zero to `places` decimals: (0.88375, 4) → "0.8838".
    public static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        // Digits written backwards into the string's own buffer (one allocation: this runs for
        // every money and rate figure of every table).
        var magnitude = Int64(scaled).magnitude
        var digitCount = 1
        var probe = magnitude / 10
        while probe > 0 {
            digitCount += 1
            probe /= 10
        }
        let shown = max(digitCount, places + 1)
        let length = (negative ? 1 : 0) + shown + (places > 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = length
            for written in 0..<shown {
                if places > 0 && written == places {
                    at -= 1
                    buffer[at] = UInt8(ascii: ".")
                }
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            if negative { buffer[0] = UInt8(ascii: "-") }
            return length
        }
    }

    /// Tiny magnitudes (gaps, violations) as `1.234e-12`, deterministic; 0 as `0`.
    public static func scientific(_ x: Double) -> String {
        guard x != 0, x.isFinite else { return "0" }
        var exponent = 0
        var mantissa = abs(x)
        while mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        while mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        return (x < 0 ? "-" : "") + fixed(mantissa, places: 3) + "e" + String(exponent)
    }
}
