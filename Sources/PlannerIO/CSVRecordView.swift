import PlannerCore

/// A record seen in place: its fields are byte ranges of the reader's buffer, decoded only when a
/// caller asks. Valid only inside the call that receives it (the buffer is reused afterwards).
///
/// ```swift
/// func consume(_ record: CSVRecordView) {
///     let spend = record.withField(5) { ByteNumbers.decimal($0, places: 2) }
/// }
/// ```
public struct CSVRecordView {
    /// The buffer the ranges point into.
    public let base: UnsafePointer<UInt8>
    @usableFromInline let fieldRanges: UnsafePointer<CSVField>
    /// How many fields the record has.
    public let count: Int
    /// The physical line where the record starts. For ``CSVFileReader`` consumers it counts from
    /// the first line of the current part (1); ``CSVPartConsumer/commitPart(firstLine:)`` gives
    /// the offset.
    public let line: Int
    /// The record's bytes without its line end.
    public let rawRange: Range<Int>
    /// Why the record could not be split into fields, if it could not.
    public let error: CSVRecordError?

    init(
        base: UnsafePointer<UInt8>, fields: UnsafePointer<CSVField>, count: Int, line: Int, rawRange: Range<Int>,
        error: CSVRecordError?
    ) {
        self.base = base
        self.fieldRanges = fields
        self.count = count
        self.line = line
        self.rawRange = rawRange
        self.error = error
    }

    /// The range of field `index` (0-based).
    @inlinable
    public subscript(index: Int) -> CSVField { fieldRanges[index] }

    /// The record's raw bytes (without its line end).
    @inlinable
    public var raw: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + rawRange.lowerBound, count: rawRange.count)
    }

    /// Calls `body` with field `index`'s bytes, unescaped (doubled quotes made single) and without
    /// surrounding ASCII spaces and tabs. Unescaping copies; plain fields are passed in place.
    @inlinable
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let field = fieldRanges[index]
        var start = field.start, end = field.end
        while start < end && (base[start] == 0x20 || base[start] == 0x09) { start &+= 1 }
        while end > start && (base[end &- 1] == 0x20 || base[end &- 1] == 0x09) { end &-= 1 }
        if !field.hasEscapedQuotes { return try body(UnsafeBufferPointer(start: base + start, count: end &- start)) }
        let unescaped = CSVRecordView.unescape(UnsafeBufferPointer(start: base + start, count: end &- start))
        return try unescaped.withUnsafeBufferPointer { try body($0) }
    }

    /// Field `index`'s bytes without surrounding ASCII spaces and tabs: in place for a plain
    /// field, or unescaped into `scratch` for one with doubled quotes (`scratch` must hold
    /// ``raw``'s count; the result is valid until `scratch` is written again). No allocation and
    /// no closure, for per-row hot paths.
    @inlinable @inline(__always)
    public func trimmedField(_ index: Int, scratch: UnsafeMutablePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let field = fieldRanges[index]
        var start = field.start, end = field.end
        if field.hasEscapedQuotes {
            var n = 0, i = start
            while i < end {
                scratch[n] = base[i]
                n &+= 1
                i &+= base[i] == 0x22 && i &+ 1 < end && base[i &+ 1] == 0x22 ? 2 : 1
            }
            var first = 0
            while first < n && (scratch[first] == 0x20 || scratch[first] == 0x09) { first &+= 1 }
            while n > first && (scratch[n &- 1] == 0x20 || scratch[n &- 1] == 0x09) { n &-= 1 }
            return UnsafeBufferPointer(start: scratch + first, count: n &- first)
        }
        while start < end && (base[start] == 0x20 || base[start] == 0x09) { start &+= 1 }
        while end > start && (base[end &- 1] == 0x20 || base[end &- 1] == 0x09) { end &-= 1 }
        return UnsafeBufferPointer(start: base + start, count: end &- start)
    }

    /// Field `index`'s bytes, unescaped but not trimmed.
    public func value(_ index: Int) -> [UInt8] {
        let field = fieldRanges[index]
        let bytes = UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
        return field.hasEscapedQuotes ? Self.unescape(bytes) : Array(bytes)
    }

    /// Field `index` as text, or `nil` when it is not valid UTF-8.
    public func string(_ index: Int) -> String? { String(validating: value(index), as: UTF8.self) }

    /// Whether the whole record is valid UTF-8 (a fast path skips ASCII eight bytes at a time).
    public var isValidUTF8: Bool { UTF8Validation.isValid(raw) }

    /// Doubled quotes made single.
    @usableFromInline
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            out.append(bytes[i])
            i += bytes[i] == 0x22 && i + 1 < bytes.count && bytes[i + 1] == 0x22 ? 2 : 1
        }
        return out
    }
}

/// UTF-8 validation over raw bytes, without decoding.
public enum UTF8Validation {
    /// Whether `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    /// ASCII runs are skipped eight bytes at a time and three-byte sequences (the Indic scripts,
    /// U+0900-U+0DFF) take a short path.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i &+ 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i &+= 8 }
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                i &+= 1
                while i &+ 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i &+= 8 }
                continue
            }
            if b0 & 0xF0 == 0xE0 {
                guard i &+ 2 < n else { return false }
                let b1 = p[i &+ 1], b2 = p[i &+ 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b0 != 0xE0 || b1 >= 0xA0, b0 != 0xED || b1 <= 0x9F else { return false }
                i &+= 3
                continue
            }
            if b0 >= 0xC2 && b0 <= 0xDF {
                guard i &+ 1 < n, p[i &+ 1] & 0xC0 == 0x80 else { return false }
                i &+= 2
                continue
            }
            guard b0 >= 0xF0 && b0 <= 0xF4, i &+ 3 < n else { return false }
            let b1 = p[i &+ 1]
            guard b1 & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80, p[i &+ 3] & 0xC0 == 0x80, b0 != 0xF0 || b1 >= 0x90, b0 != 0xF4 || b1 <= 0x8F
            else { return false }
            i &+= 4
        }
        return true
    }
}
