import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads single records of a CSV file again by their byte range, as a streaming pass recorded it
/// (``CSVPartConsumer/commitPart(firstLine:bufferOffset:)``): a pass that keeps only a compact
/// record per row and fetches the row's text fields later, when it needs them, with `pread(2)`.
///
/// One reader per thread (it owns a buffer); the file is never mapped, so reading rows again
/// adds nothing to the process's resident memory beyond the row itself.
///
/// ```swift
/// let rows = try CSVRowReader(path: "customers.csv")
/// let name = try rows.withRecord(offset: 1024, length: 96) { $0.string(1) }
/// ```
public final class CSVRowReader {
    /// The file read, as given; names it in diagnostics.
    public let path: String
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let storage = CSVFieldStorage()

    /// Opens `path` for reading rows by offset.
    public init(path: String) throws(Diagnostic) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Diagnostic(.badRequest, path: path, message: "cannot open: \(String(cString: strerror(errno)))", hint: "check the path")
        }
        self.fd = fd
        self.path = path
        capacity = 4096
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// Calls `body` with the record stored at `offset` (its first byte) and `length` bytes (its
    /// raw text without the line end). The view is valid only inside `body`. A file that changed
    /// since the offsets were taken (bytes missing, or another record there) is an error.
    public func withRecord<R>(offset: Int, length: Int, _ body: (CSVRecordView) throws(Diagnostic) -> R) throws(Diagnostic) -> R {
        if length > capacity {
            buffer.deallocate()
            capacity = length
            buffer = .allocate(capacity: capacity)
        }
        var done = 0
        while done < length {
            let n = pread(fd, buffer + done, length - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw Diagnostic(
                    .badInput, path: path, message: "the file changed while it was read: the row at byte \(offset) is gone",
                    hint: "do not change the file during the run")
            }
            done += n
        }
        var cursor = CSVCursor(position: 0, line: 1)
        var record = CSVScannedRecord()
        storage.count = 0
        let outcome = CSVScanner.scanRecord(
            buffer, count: length, cursor: &cursor, stopAt: length, isFinal: true, maxRecordBytes: max(length, 1), fields: storage,
            record: &record)
        guard case .record = outcome, record.error == nil, record.rawEnd == length else {
            throw Diagnostic(
                .badInput, path: path, message: "the file changed while it was read: no whole row at byte \(offset)",
                hint: "do not change the file during the run")
        }
        return try body(
            CSVRecordView(
                base: buffer, fields: storage.pointer, count: storage.count, line: record.line, rawRange: record.start..<record.rawEnd,
                error: nil))
    }
}
