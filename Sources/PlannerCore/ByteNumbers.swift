/// Numbers parsed straight from ASCII bytes, without making a `String`.
public enum ByteNumbers {
    /// 1 for `1 true yes y t`, 0 for `0 false no n f` or empty (any case), -1 for anything else:
    /// the yes/no flags of customer exports (opt-ins, conversions). Inlinable: the segment
    /// reader calls it once a row per flag.
    @inlinable
    public static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Int8 {
        guard bytes.count <= 5 else { return -1 }
        var key: UInt64 = 0
        for b in bytes { key = key << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        switch key {
        case 0x31, 0x79, 0x74, 0x79_6573, 0x7472_7565: return 1  // 1 y t yes true
        case 0, 0x30, 0x6E, 0x66, 0x6E6F, 0x66_616C_7365: return 0  // (empty) 0 n f no false
        default: return -1
        }
    }

    /// A non-negative or negative integer (`-12`, `+7`, `1,234`); `nil` for anything else or on
    /// overflow. Commas are taken as digit grouping (`1,23,456`).
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.contains(0x2E) else { return nil }
        return decimal(bytes, places: 0)
    }

    /// A decimal as an integer count of `10^-places` units, rounded half away from zero on the
    /// first dropped digit: (`"1,234.505"`, 2) → 123451. Accepts a sign, digit-grouping commas
    /// before the point and one decimal point; `nil` for anything else (empty, letters, two
    /// points) or past 18 digits.
    public static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, places: Int) -> Int64? {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n && (bytes[i] == 0x2D || bytes[i] == 0x2B) {
            negative = bytes[i] == 0x2D
            i += 1
        }
        var value: Int64 = 0, digits = 0, fraction = -1
        var dropped: UInt8?
        while i < n {
            let b = bytes[i]
            i += 1
            if b >= 0x30 && b <= 0x39 {
                if fraction >= 0 {
                    if fraction == places {
                        if dropped == nil { dropped = b &- 0x30 }
                        continue
                    }
                    fraction += 1
                }
                digits += 1
                guard digits <= 18 else { return nil }
                value = value &* 10 &+ Int64(b &- 0x30)
            } else if b == 0x2E && fraction < 0 {
                fraction = 0
            } else if b == 0x2C && fraction < 0 && digits > 0 {
                continue
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        for _ in max(fraction, 0)..<places {
            guard value <= Int64.max / 10 else { return nil }
            value *= 10
        }
        if let dropped, dropped >= 5 { value += 1 }
        return negative ? -value : value
    }
}
