import CICU

/// U_BUFFER_OVERFLOW_ERROR: the output did not fit; retry with the length ICU asked for.
let bufferOverflow: Int32 = 15

/// Calls an ICU function that writes UTF-16 into a buffer and returns the full length, growing the
/// buffer once when it was too small.
func readUTF16(
    _ operation: @autoclosure () -> String, initialCapacity: Int = 128,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var capacity = initialCapacity
    for _ in 0..<2 {
        var status: Int32 = 0
        var buffer = [UInt16](repeating: 0, count: capacity)
        let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
        if status == bufferOverflow || Int(length) > capacity {
            capacity = Int(length) + 1
            continue
        }
        try ICUError.check(status, operation())
        return buffer.withUnsafeBufferPointer { decodeUTF16(UnsafeBufferPointer(rebasing: $0[0..<Int(length)])) }
    }
    throw ICUError.status(code: bufferOverflow, name: "U_BUFFER_OVERFLOW_ERROR", operation: operation())
}

/// UTF-16 to a String by transcoding straight into the String's UTF-8 storage: the standard
/// library's `String(decoding:as: UTF16.self)` takes a slow generic path that showed as 15 % of a
/// message render. Unpaired surrogates become U+FFFD, as with `String(decoding:)`.
func decodeUTF16(_ units: UnsafeBufferPointer<UInt16>) -> String {
    if units.isEmpty { return "" }
    return String(unsafeUninitializedCapacity: units.count * 3) { utf8 in
        var out = 0
        var i = 0
        let n = units.count
        while i < n {
            var scalar = UInt32(units[i])
            i += 1
            if scalar < 0x80 {
                utf8[out] = UInt8(scalar)
                out += 1
                continue
            }
            if scalar >= 0xD800 && scalar < 0xE000 {
                if scalar < 0xDC00, i < n, units[i] >= 0xDC00, units[i] < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                    i += 1
                } else {
                    scalar = 0xFFFD
                }
            }
            if scalar < 0x800 {
                utf8[out] = UInt8(0xC0 | (scalar >> 6))
                utf8[out + 1] = UInt8(0x80 | (scalar & 0x3F))
                out += 2
            } else if scalar < 0x10000 {
                utf8[out] = UInt8(0xE0 | (scalar >> 12))
                utf8[out + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                utf8[out + 2] = UInt8(0x80 | (scalar & 0x3F))
                out += 3
            } else {
                utf8[out] = UInt8(0xF0 | (scalar >> 18))
                utf8[out + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                utf8[out + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                utf8[out + 3] = UInt8(0x80 | (scalar & 0x3F))
                out += 4
            }
        }
        return out
    }
}

/// Calls an ICU function that writes ASCII into a buffer and returns its length.
func readASCII(
    _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var capacity = 64
    for _ in 0..<2 {
        var status: Int32 = 0
        var buffer = [CChar](repeating: 0, count: capacity)
        let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
        if status == bufferOverflow {
            capacity = Int(length) + 1
            continue
        }
        try ICUError.check(status, operation())
        return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    throw ICUError.status(code: bufferOverflow, name: "U_BUFFER_OVERFLOW_ERROR", operation: operation())
}

extension String {
    /// Runs `body` with this string's UTF-16 code units and their count.
    func withUTF16<R>(_ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> R) throws(ICUError) -> R {
        let units = utf16Units()
        return try units.withUnsafeBufferPointer { buffer throws(ICUError) in
            // A non-null pointer even for the empty string.
            let pointer = buffer.baseAddress ?? UnsafePointer(bitPattern: 2)!
            return try body(pointer, Int32(buffer.count))
        }
    }

    /// The UTF-16 code units, transcoded from the UTF-8 bytes in one pass (the view's iteration
    /// is several times slower for text beyond ASCII). UTF-16 never has more units than UTF-8 bytes.
    func utf16Units() -> [UInt16] {
        var copy = self
        return copy.withUTF8 { bytes in
            [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, n = 0
                while i < bytes.count {
                    let lead = UInt32(bytes[i])
                    var scalar: UInt32
                    if lead < 0x80 {
                        scalar = lead
                        i += 1
                    } else if lead < 0xE0 {
                        scalar = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if lead < 0xF0 {
                        scalar = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        scalar =
                            (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    if scalar >= 0x1_0000 {
                        out[n] = UInt16(0xD800 + ((scalar - 0x1_0000) >> 10))
                        out[n + 1] = UInt16(0xDC00 + (scalar & 0x3FF))
                        n += 2
                    } else {
                        out[n] = UInt16(scalar)
                        n += 1
                    }
                }
                count = n
            }
        }
    }
}
