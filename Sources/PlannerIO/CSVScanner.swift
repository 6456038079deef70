import CCSVScan

/// One field of a CSV record as a byte range of the buffer being scanned: nothing is copied or
/// decoded until a caller asks for the value.
public struct CSVField: Sendable, Equatable {
    /// Offset of the first content byte (after an opening quote).
    public var start: Int
    /// Offset just past the last content byte (before a closing quote).
    public var end: Int
    /// The field was quoted and holds doubled quotes (`""`), so its bytes must be unescaped.
    public var hasEscapedQuotes: Bool

    /// A field spanning `start..<end` of the buffer.
    public init(start: Int, end: Int, hasEscapedQuotes: Bool) {
        self.start = start
        self.end = end
        self.hasEscapedQuotes = hasEscapedQuotes
    }
}

/// Why a record could not be read as fields. The record is still delimited (its raw bytes and
/// line are known), so a caller can reject it and go on.
public enum CSVRecordError: UInt8, Sendable, Equatable, CaseIterable {
    /// `ab"c`: a quote in a field that did not start with one.
    case quoteInUnquotedField
    /// `"ab"c`: text between a closing quote and the next comma or line end.
    case textAfterClosingQuote
    /// An opening quote with no closing quote before the end of the input.
    case unclosedQuote
    /// A record longer than the reader's limit (usually a stray quote swallowing lines); reading
    /// resumes at the line after the one where it started.
    case recordTooLong

    /// The reason in words, as diagnostics print it.
    public var message: String {
        switch self {
        case .quoteInUnquotedField: "a quote inside an unquoted field"
        case .textAfterClosingQuote: "text after a closing quote"
        case .unclosedQuote: "a quoted field is never closed"
        case .recordTooLong: "a record longer than the limit (a quote never closed?)"
        }
    }
}

/// Growable storage for the field ranges of the record being scanned, reused from record to record
/// so scanning allocates nothing per row.
@usableFromInline
final class CSVFieldStorage {
    // Touched once per field on the hot path: no dynamic exclusivity checks (one thread owns it).
    @exclusivity(unchecked) @usableFromInline var pointer: UnsafeMutablePointer<CSVField>
    @exclusivity(unchecked) @usableFromInline var capacity: Int
    @exclusivity(unchecked) @usableFromInline var count = 0

    init(capacity: Int = 32) {
        self.capacity = capacity
        self.pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    @inline(__always)
    func append(_ start: Int, _ end: Int, _ escaped: Bool) {
        if count == capacity { grow() }
        pointer[count] = CSVField(start: start, end: end, hasEscapedQuotes: escaped)
        count += 1
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = bigger
        capacity *= 2
    }
}

/// Where a scan is: the byte offset and the 1-based physical line there, plus the classified
/// 64-byte block the scan is in (bit i: byte `blockBase + i` is `,` `"` CR or LF).
struct CSVCursor {
    var position: Int
    var line: Int
    var blockBase = Int.min
    var blockMask: UInt64 = 0

    init(position: Int, line: Int) {
        self.position = position
        self.line = line
    }
}

/// What one call to ``CSVScanner/scanRecord`` found.
struct CSVScannedRecord {
    var start = 0
    var rawEnd = 0
    var line = 0
    var error: CSVRecordError?
}

/// The RFC 4180 state machine, over a raw byte buffer, shared by ``CSVTokenizer`` (whole inputs)
/// and ``CSVFileReader`` (large files in chunks, in parallel).
///
/// Written for speed on purpose: unquoted and quoted runs are skipped eight bytes at a time (a
/// SWAR search for `,` `"` CR LF), fields are recorded as ranges, and nothing is allocated per
/// record.
enum CSVScanner {
    enum Outcome {
        /// A record was scanned into the field storage and `record`.
        case record
        /// No record starts before `stopAt` (blank lines up to it were skipped).
        case endOfPart
        /// The record starting at the cursor runs past the end of a buffer that is not the last one.
        case incomplete
    }

    static let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// The offset of the next `,` `"` CR or LF at or after `from`, or `count`, classifying 64
    /// bytes at a time and remembering the block (bits are only read, never cleared, so a block
    /// can be asked again from any offset inside it).
    @inline(__always)
    static func nextSpecial(_ p: UnsafePointer<UInt8>, _ from: Int, _ count: Int, _ base: inout Int, _ mask: inout UInt64) -> Int {
        var pos = from
        while pos < count {
            if pos >= base && pos < base &+ 64 {
                let m = mask & (~0 << UInt64(truncatingIfNeeded: pos &- base))
                if m != 0 { return base &+ m.trailingZeroBitCount }
                pos = base &+ 64
                if pos >= count { break }
            }
            base = pos
            if pos &+ 64 <= count {
                mask = cp_csv_specials64(p + pos)
            } else {
                mask = 0
                var i = pos
                while i < count {
                    let b = p[i]
                    if b == comma || b == quote || b == lf || b == cr { mask |= 1 << UInt64(i &- pos) }
                    i &+= 1
                }
            }
        }
        return count
    }

    /// Scans the next record at `cursor`, skipping blank lines first (but not past `stopAt`).
    ///
    /// - Parameters:
    ///   - count: the bytes valid in the buffer; a record may run past `stopAt` up to `count`.
    ///   - isFinal: no bytes follow `count`: a record cut at the end is complete (or unclosed).
    ///   - maxRecordBytes: a record longer than this (that does not end in the buffer) is cut at
    ///     the end of its first line (or the buffer's end) as ``CSVRecordError/recordTooLong``,
    ///     its raw text kept to this many bytes.
    /// - Complexity: O(record length).
    static func scanRecord(
        _ p: UnsafePointer<UInt8>, count: Int, cursor: inout CSVCursor, stopAt: Int, isFinal: Bool, maxRecordBytes: Int,
        fields: CSVFieldStorage, record: inout CSVScannedRecord
    ) -> Outcome {
        var pos = cursor.position
        var line = cursor.line
        let limit = min(stopAt, count)
        while pos < limit {
            let b = p[pos]
            if b == lf {
                line &+= 1
            } else if b != cr {
                break
            }
            pos &+= 1
        }
        if pos >= limit {
            cursor = CSVCursor(position: pos, line: line)
            return .endOfPart
        }
        let start = pos, startLine = line
        var base = cursor.blockBase, mask = cursor.blockMask
        defer {
            cursor.blockBase = base
            cursor.blockMask = mask
        }
        fields.count = 0
        var error: CSVRecordError?
        var atEnd = false
        fieldLoop: while true {
            var fieldStart = pos
            if pos < count && p[pos] == quote {
                pos &+= 1
                fieldStart = pos
                var escaped = false
                while true {
                    pos = nextSpecial(p, pos, count, &base, &mask)
                    if pos >= count {
                        if !isFinal { return incomplete(p, count, start, startLine, maxRecordBytes, &cursor, fields, &record) }
                        error = error ?? .unclosedQuote
                        fields.append(fieldStart, count, escaped)
                        atEnd = true
                        break fieldLoop
                    }
                    let special = p[pos]
                    if special != quote {
                        if special == lf { line &+= 1 }
                        pos &+= 1
                        continue
                    }
                    if pos &+ 1 < count {
                        if p[pos &+ 1] == quote {
                            escaped = true
                            pos &+= 2
                            continue
                        }
                    } else if !isFinal {
                        return incomplete(p, count, start, startLine, maxRecordBytes, &cursor, fields, &record)
                    }
                    break
                }
                let fieldEnd = pos
                pos &+= 1
                if pos >= count {
                    if !isFinal { return incomplete(p, count, start, startLine, maxRecordBytes, &cursor, fields, &record) }
                    fields.append(fieldStart, fieldEnd, escaped)
                    atEnd = true
                    break fieldLoop
                }
                let b = p[pos]
                if b == comma {
                    fields.append(fieldStart, fieldEnd, escaped)
                    pos &+= 1
                    continue fieldLoop
                }
                if b == lf || b == cr {
                    fields.append(fieldStart, fieldEnd, escaped)
                    break fieldLoop
                }
                error = error ?? .textAfterClosingQuote
            }
            while true {
                pos = nextSpecial(p, pos, count, &base, &mask)
                if pos >= count {
                    if !isFinal { return incomplete(p, count, start, startLine, maxRecordBytes, &cursor, fields, &record) }
                    fields.append(fieldStart, count, false)
                    atEnd = true
                    break fieldLoop
                }
                if p[pos] == quote {
                    error = error ?? .quoteInUnquotedField
                    pos &+= 1
                    continue
                }
                break
            }
            fields.append(fieldStart, pos, false)
            if p[pos] == comma {
                pos &+= 1
                continue fieldLoop
            }
            break fieldLoop
        }
        let rawEnd = pos
        if !atEnd {
            if p[pos] == cr { pos &+= 1 }
            if pos < count && p[pos] == lf {
                pos &+= 1
                line &+= 1
            }
        }
        record = CSVScannedRecord(start: start, rawEnd: rawEnd, line: startLine, error: error)
        cursor = CSVCursor(position: pos, line: line)
        return .record
    }

    /// A record that runs past the buffer: wait for more bytes, unless it is already too long, in
    /// which case it ends at its first line end and is reported.
    private static func incomplete(
        _ p: UnsafePointer<UInt8>, _ count: Int, _ start: Int, _ startLine: Int, _ maxRecordBytes: Int,
        _ cursor: inout CSVCursor, _ fields: CSVFieldStorage, _ record: inout CSVScannedRecord
    ) -> Outcome {
        guard count - start > maxRecordBytes else { return .incomplete }
        var end = start
        while end < count && p[end] != lf { end &+= 1 }
        let next = end < count ? end + 1 : end
        // The reject keeps the first `maxRecordBytes` bytes; a line that does not end in the buffer
        // is skipped to its end by the reader (`CSVFileReader`), so it is one reject, not one a chunk.
        let kept = min(end > start && p[end - 1] == cr ? end - 1 : end, start + maxRecordBytes)
        fields.count = 0
        fields.append(start, kept, false)
        record = CSVScannedRecord(start: start, rawEnd: kept, line: startLine, error: .recordTooLong)
        cursor = CSVCursor(position: next, line: end < count ? startLine + 1 : startLine)
        return .record
    }
}
