import Dispatch
import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Receives the records of one part of a chunk, on a worker thread. A reader has one consumer
/// per worker; each keeps part-local state that is committed (or thrown away) afterwards.
///
/// The reader splits each chunk into parts at guessed row boundaries and scans them in parallel.
/// A guess is checked afterwards: the part before must end exactly there. A wrong guess (a line
/// end inside a quoted field) is never committed; its bytes are scanned again in the next round.
public protocol CSVPartConsumer: AnyObject {
    /// A new part starts: forget any uncommitted part-local state.
    func beginPart()
    /// One record of the part, in file order. Its ``CSVRecordView/line`` counts from the part's
    /// first line (1).
    func consume(_ record: CSVRecordView)
    /// The part is kept: fold part-local state into the totals. The part started at physical line
    /// `firstLine` of the file, so a record's file line is `firstLine - 1 + record.line`. Called on
    /// the reader's thread, in file order, never concurrently.
    func commitPart(firstLine: Int) throws(Diagnostic)
    /// ``commitPart(firstLine:)`` with the file offset of the buffer's first byte, so that a
    /// record's ``CSVRecordView/rawRange`` plus `bufferOffset` is its byte range in the file
    /// (for reading the row again later with ``CSVRowReader``). By default it forwards.
    func commitPart(firstLine: Int, bufferOffset: Int) throws(Diagnostic)
}

extension CSVPartConsumer {
    /// Forwards to ``commitPart(firstLine:)``: consumers that keep no byte offsets need only that.
    public func commitPart(firstLine: Int, bufferOffset: Int) throws(Diagnostic) { try commitPart(firstLine: firstLine) }
}

/// Streams a large CSV file in big chunks with `read(2)` and scans each chunk on several threads.
///
/// Written for speed on purpose: no line reader, no `String` per field; a chunk is split into
/// one part per consumer at line ends, the parts are scanned concurrently by ``CSVScanner``, and
/// consumers see fields as byte ranges. Memory is the chunk buffer plus what consumers keep,
/// whatever the file size.
///
/// ```swift
/// let reader = try CSVFileReader(path: "customers.csv")
/// let header = try reader.readHeader()
/// try reader.read(consumers: [counterA, counterB])
/// ```
public final class CSVFileReader {
    /// The file read, as given; names it in diagnostics.
    public let path: String
    /// The file's size in bytes (0 for a pipe).
    public let size: Int
    private let fd: Int32
    private let capacity: Int
    private let maxRecordBytes: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var start = 0, filled = 0, eof = false, line = 1, consumed = 0, headerDone = false

    /// Opens `path`. `chunkBytes` is the buffer size; a record longer than `maxRecordBytes`
    /// (clamped to half the buffer) is cut at its first line end and reported.
    public init(path: String, chunkBytes: Int = 8 << 20, maxRecordBytes: Int = 1 << 20) throws(Diagnostic) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(.badRequest, path: path, message: "cannot open: \(String(cString: strerror(errno)))", hint: "check the path")
        }
        var info = stat()
        self.size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        self.path = path
        self.fd = fd
        self.capacity = max(chunkBytes, 64)
        self.maxRecordBytes = min(maxRecordBytes, self.capacity / 2)
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// Bytes of the file scanned so far.
    public var bytesConsumed: Int { consumed }

    private func fill() throws(Diagnostic) {
        if start > 0 {
            if filled > start { memmove(buffer, buffer + start, filled - start) }
            filled -= start
            start = 0
        }
        while filled < capacity && !eof {
            let n = Glibc.read(fd, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.internal, path: path, message: "read error: \(String(cString: strerror(errno)))")
            }
            if n == 0 { eof = true }
            filled += n
        }
    }

    /// Reads the first record (skipping a UTF-8 byte order mark and blank lines) as the header.
    /// `nil` for an empty file; a malformed header is a ``Diagnostic``.
    public func readHeader() throws(Diagnostic) -> (line: Int, fields: [[UInt8]])? {
        precondition(!headerDone, "the header is read once")
        headerDone = true
        try fill()
        if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            start = 3
            consumed = 3
        }
        let storage = CSVFieldStorage()
        var cursor = CSVCursor(position: start, line: line)
        var record = CSVScannedRecord()
        let outcome = CSVScanner.scanRecord(
            buffer, count: filled, cursor: &cursor, stopAt: filled, isFinal: eof, maxRecordBytes: maxRecordBytes, fields: storage,
            record: &record)
        switch outcome {
        case .endOfPart:
            consumed += cursor.position - start
            start = cursor.position
            return nil
        case .incomplete:
            throw Diagnostic(path: path, line: line, message: "the header row does not end")
        case .record:
            if let error = record.error {
                throw Diagnostic(path: path, line: record.line, message: "malformed CSV header: \(error.message)")
            }
            let view = CSVRecordView(
                base: buffer, fields: storage.pointer, count: storage.count, line: record.line,
                rawRange: record.start..<record.rawEnd, error: nil)
            let fields = (0..<view.count).map(view.value)
            consumed += cursor.position - start
            start = cursor.position
            line = cursor.line
            return (record.line, fields)
        }
    }

    /// Streams every remaining record through `consumers` (one worker thread each), calling
    /// `progress` with the bytes scanned after each chunk.
    public func read<Consumer: CSVPartConsumer>(
        consumers: [Consumer], progress: ((Int) -> Void)? = nil
    ) throws(Diagnostic) {
        precondition(!consumers.isEmpty)
        headerDone = true
        let parts = consumers.count
        let jobs = (0..<parts).map { PartJob(consumer: consumers[$0], maxRecordBytes: maxRecordBytes) }
        var skippingLine = false
        while true {
            try fill()
            if filled == start && eof { return }
            if skippingLine {
                // The rest of a too-long line already reported: up to and including its line end.
                var at = start
                while at < filled && buffer[at] != CSVScanner.lf { at += 1 }
                skippingLine = at == filled
                let next = skippingLine ? filled : at + 1
                if !skippingLine { line += 1 }
                consumed += next - start
                start = next
                progress?(consumed)
                continue
            }
            let base = UnsafePointer(buffer)
            var bounds = [start]
            for i in 1..<parts {
                let guess = max(start + (filled - start) * i / parts, bounds[i - 1])
                var at = guess
                while at < filled && buffer[at] != CSVScanner.lf { at += 1 }
                bounds.append(at < filled ? at + 1 : filled)
            }
            bounds.append(filled)
            for i in 0..<parts {
                jobs[i].prepare(base: base, count: filled, from: bounds[i], stopAt: bounds[i + 1], isFinal: eof)
            }
            let box = JobsBox(jobs: jobs)
            if parts == 1 {
                jobs[0].run()
            } else {
                DispatchQueue.concurrentPerform(iterations: parts) { box.jobs[$0].run() }
            }
            var position = start
            for i in 0..<parts {
                // A guessed boundary is right only when the part before ended exactly on it.
                guard bounds[i] == position else { break }
                try jobs[i].consumer.commitPart(firstLine: line, bufferOffset: consumed - start)
                line += jobs[i].lines
                position = jobs[i].end
                if jobs[i].stoppedEarly { break }
            }
            // A scan can end mid-line at the buffer's end only after a too-long record whose line
            // goes on: skip the rest of that line before the next record.
            skippingLine = !eof && position == filled && position > start && buffer[position - 1] != CSVScanner.lf
            consumed += position - start
            start = position
            progress?(consumed)
            if eof && start == filled { return }
        }
    }
}

/// One part's scan: runs on a worker thread, touching only its own consumer and storage.
private final class PartJob {
    let consumer: any CSVPartConsumer
    let storage = CSVFieldStorage()
    let maxRecordBytes: Int
    var base: UnsafePointer<UInt8>?
    var count = 0, from = 0, stopAt = 0, isFinal = false
    /// Results: where the scan ended, the line ends it crossed, whether it stopped at an
    /// incomplete record (so nothing after it is valid).
    var end = 0, lines = 0, stoppedEarly = false

    init(consumer: any CSVPartConsumer, maxRecordBytes: Int) {
        self.consumer = consumer
        self.maxRecordBytes = maxRecordBytes
    }

    func prepare(base: UnsafePointer<UInt8>, count: Int, from: Int, stopAt: Int, isFinal: Bool) {
        self.base = base
        self.count = count
        self.from = from
        self.stopAt = stopAt
        self.isFinal = isFinal
    }

    func run() {
        guard let base else { return }
        consumer.beginPart()
        var cursor = CSVCursor(position: from, line: 1)
        var record = CSVScannedRecord()
        stoppedEarly = false
        loop: while true {
            switch CSVScanner.scanRecord(
                base, count: count, cursor: &cursor, stopAt: stopAt, isFinal: isFinal, maxRecordBytes: maxRecordBytes,
                fields: storage, record: &record)
            {
            case .endOfPart:
                break loop
            case .incomplete:
                stoppedEarly = true
                break loop
            case .record:
                consumer.consume(
                    CSVRecordView(
                        base: base, fields: storage.pointer, count: storage.count, line: record.line,
                        rawRange: record.start..<record.rawEnd, error: record.error))
            }
        }
        end = cursor.position
        lines = cursor.line - 1
    }
}

/// The jobs handed to worker threads: each index is touched by one thread only.
private struct JobsBox: @unchecked Sendable {
    let jobs: [PartJob]
}
