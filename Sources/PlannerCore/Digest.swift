#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// MD5 (RFC 1321) and SHA-256 (FIPS 180-4), written here because the package takes no crypto
/// dependency. SHA-256 fingerprints the customer file a plan was made from; MD5 is not used for
/// security but because every SQL engine has it (`md5(text)` in PostgreSQL, DuckDB, MySQL,
/// Spark, BigQuery's `TO_HEX(MD5(...))`), so a warehouse can recompute the audience's holdout.
public enum Digest {
    /// The lower-case hexadecimal text of `bytes` (`900150983cd24fb0...`).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 16-byte MD5 digest of `bytes`.
    public static func md5(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var state = MD5()
        state.update(bytes)
        return state.finish()
    }

    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var state = SHA256()
        state.update(bytes)
        return state.finish()
    }
}

/// An incremental MD5 (RFC 1321): `update` any number of times, then `finish` once.
public struct MD5: Sendable {
    private var a0: UInt32 = 0x6745_2301, b0: UInt32 = 0xEFCD_AB89, c0: UInt32 = 0x98BA_DCFE, d0: UInt32 = 0x1032_5476
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// A fresh state (the RFC's initial words).
    public init() { buffer.reserveCapacity(64) }

    /// Per-round left rotations (RFC 1321, section 3.4).
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]
    /// `floor(abs(sin(i + 1)) × 2^32)`, computed once rather than copied as a table.
    private static let constants: [UInt32] = (0..<64).map { i in
        var value = Double(i + 1).sinAbsolute * 4_294_967_296
        value.round(.down)
        return UInt32(value)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        length &+= UInt64(bytes.count)
        for byte in bytes {
            buffer.append(byte)
            if buffer.count == 64 {
                block(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Pads the message and returns its 16-byte digest.
    public mutating func finish() -> [UInt8] {
        let bits = length &* 8
        var pad: [UInt8] = [0x80]
        while (buffer.count + pad.count) % 64 != 56 { pad.append(0) }
        for i in 0..<8 { pad.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
        for byte in pad {
            buffer.append(byte)
            if buffer.count == 64 {
                block(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        var out: [UInt8] = []
        for word in [a0, b0, c0, d0] {
            for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt32(i)))) }
        }
        return out
    }

    private mutating func block(_ chunk: [UInt8]) {
        var m = [UInt32](repeating: 0, count: 16)
        for i in 0..<16 {
            m[i] =
                UInt32(chunk[4 * i]) | UInt32(chunk[4 * i + 1]) << 8 | UInt32(chunk[4 * i + 2]) << 16 | UInt32(chunk[4 * i + 3]) << 24
        }
        var a = a0, b = b0, c = c0, d = d0
        for i in 0..<64 {
            var f: UInt32
            let g: Int
            switch i {
            case 0..<16:
                f = (b & c) | (~b & d)
                g = i
            case 16..<32:
                f = (d & b) | (~d & c)
                g = (5 * i + 1) % 16
            case 32..<48:
                f = b ^ c ^ d
                g = (3 * i + 5) % 16
            default:
                f = c ^ (b | ~d)
                g = (7 * i) % 16
            }
            f = f &+ a &+ Self.constants[i] &+ m[g]
            a = d
            d = c
            c = b
            b = b &+ (f << Self.shifts[i] | f >> (32 - Self.shifts[i]))
        }
        a0 = a0 &+ a
        b0 = b0 &+ b
        c0 = c0 &+ c
        d0 = d0 &+ d
    }
}

/// An incremental SHA-256 (FIPS 180-4): `update` any number of times, then `finish` once.
public struct SHA256: Sendable {
    private var h: [UInt32] = [
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// A fresh state (the standard's initial hash value, section 5.3.3).
    public init() { buffer.reserveCapacity(64) }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes
    /// (section 4.2.2), computed once in exact integer arithmetic rather than copied as a table.
    private static let k: [UInt32] = {
        var primes: [UInt64] = []
        var n: UInt64 = 2
        while primes.count < 64 {
            if primes.allSatisfy({ n % $0 != 0 }) { primes.append(n) }
            n += 1
        }
        // floor(cbrt(p) × 2^32) mod 2^32: the largest r with r^3 <= p × 2^96, by bisection on
        // 128-bit products (cbrt(311) × 2^32 < 2^36, so r^3 < 2^108).
        return primes.map { p in
            var low: UInt64 = 0, high: UInt64 = 1 << 37
            while low < high {
                let mid = (low + high + 1) / 2
                if cube(mid, atMost: p) { low = mid } else { high = mid - 1 }
            }
            return UInt32(truncatingIfNeeded: low)
        }
    }()

    /// Whether r^3 <= p × 2^96, in 128-bit arithmetic.
    private static func cube(_ r: UInt64, atMost p: UInt64) -> Bool {
        let square = r.multipliedFullWidth(by: r)  // < 2^74
        // square × r as (high, low) 128-bit words.
        let lowPart = square.low.multipliedFullWidth(by: r)
        let highPart = square.high.multipliedFullWidth(by: r)
        let (low, high) = (lowPart.low, highPart.low &+ lowPart.high)
        // p × 2^96: high word p << 32, low word 0.
        let limitHigh = p << 32
        return high < limitHigh || (high == limitHigh && low == 0)
    }

    /// Adds `bytes` to the message (whole 64-byte blocks straight from contiguous storage).
    public mutating func update(_ bytes: some Collection<UInt8>) {
        length &+= UInt64(bytes.count)
        let done: Void? = bytes.withContiguousStorageIfAvailable { raw in
            var at = 0
            while !buffer.isEmpty, at < raw.count {
                buffer.append(raw[at])
                at += 1
                if buffer.count == 64 {
                    buffer.withUnsafeBufferPointer { block($0.baseAddress!) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            while raw.count - at >= 64 {
                block(raw.baseAddress! + at)
                at += 64
            }
            buffer.append(contentsOf: raw[at...])
        }
        guard done == nil else { return }
        for byte in bytes {
            buffer.append(byte)
            if buffer.count == 64 {
                buffer.withUnsafeBufferPointer { block($0.baseAddress!) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Pads the message and returns its 32-byte digest.
    public mutating func finish() -> [UInt8] {
        let bits = length &* 8
        var pad: [UInt8] = [0x80]
        while (buffer.count + pad.count) % 64 != 56 { pad.append(0) }
        for i in (0..<8).reversed() { pad.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
        for byte in pad {
            buffer.append(byte)
            if buffer.count == 64 {
                buffer.withUnsafeBufferPointer { block($0.baseAddress!) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        var out: [UInt8] = []
        for word in h {
            for i in (0..<4).reversed() { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt32(i)))) }
        }
        return out
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }

    private mutating func block(_ chunk: UnsafePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            compress(chunk, w)
        }
    }

    private mutating func compress(_ chunk: UnsafePointer<UInt8>, _ w: UnsafeMutableBufferPointer<UInt32>) {
        let k = Self.k
        for t in 0..<16 {
            w[t] =
                UInt32(chunk[4 * t]) << 24 | UInt32(chunk[4 * t + 1]) << 16 | UInt32(chunk[4 * t + 2]) << 8 | UInt32(chunk[4 * t + 3])
        }
        for t in 16..<64 {
            let s0 = Self.rotr(w[t - 15], 7) ^ Self.rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = Self.rotr(w[t - 2], 17) ^ Self.rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        for t in 0..<64 {
            let sum1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
            let choose = (e & f) ^ (~e & g)
            let t1 = hh &+ sum1 &+ choose &+ k[t] &+ w[t]
            let sum0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = sum0 &+ majority
            hh = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
        }
        h[0] = h[0] &+ a
        h[1] = h[1] &+ b
        h[2] = h[2] &+ c
        h[3] = h[3] &+ d
        h[4] = h[4] &+ e
        h[5] = h[5] &+ f
        h[6] = h[6] &+ g
        h[7] = h[7] &+ hh
    }
}

extension Double {
    /// `|sin(self)|` from the C library, for MD5's constants (RFC 1321, section 3.4).
    fileprivate var sinAbsolute: Double { abs(sin(self)) }
}
