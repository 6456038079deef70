import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fixed-size records kept on disk in numbered buckets, so that a pass over millions of rows can
/// set aside a record per row and take them back one bucket at a time: memory is a small buffer
/// per bucket, not the records.
///
/// The records go to one scratch file in `TMPDIR`, created owner-only (`mkstemp`, mode 0600) and
/// unlinked at once, so it is gone when the spill is released or the process ends, however it
/// ends. Each bucket fills a buffer in memory; a full buffer is written as one block at the end of
/// the file and remembered by its offset. Records are raw bytes of `Record` (bitwise copyable):
/// the file is read only by the process that wrote it.
///
/// ```swift
/// let spill = try BucketSpill<UInt64>(buckets: 4, prefix: "keys")
/// try spill.append(42, to: 3)
/// let keys = try spill.read(3)  // [42]
/// ```
public final class BucketSpill<Record: BitwiseCopyable> {
    /// Bytes of buffers all buckets share when the caller names no size.
    public static var defaultBufferBytes: Int { 8 << 20 }

    private let fd: Int32
    private let directory: String
    private let perBucket: Int
    private var buffers: [[Record]]
    /// Per bucket, the file offset of each written block.
    private var blocks: [[Int]]
    private var counts: [Int]
    private var end = 0

    /// A spill of `buckets` buckets whose buffers share `bufferBytes` (at least 16 records each);
    /// `prefix` names the scratch file while it is being created.
    public init(buckets: Int, bufferBytes: Int = BucketSpill.defaultBufferBytes, prefix: String) throws(Diagnostic) {
        directory = FileBytes.temporaryDirectory
        var template = Array("\(directory)/\(prefix)-\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Self.failure("cannot create a scratch file", in: directory) }
        unlink(String(cString: template.map { $0 }))
        self.fd = fd
        perBucket = max(16, bufferBytes / MemoryLayout<Record>.stride / max(buckets, 1))
        buffers = [[Record]](repeating: [], count: buckets)
        blocks = [[Int]](repeating: [], count: buckets)
        counts = [Int](repeating: 0, count: buckets)
    }

    deinit { close(fd) }

    /// The number of buckets.
    public var bucketCount: Int { counts.count }

    /// Records appended to `bucket` so far.
    public func count(_ bucket: Int) -> Int { counts[bucket] }

    /// Records appended to all buckets so far.
    public var totalCount: Int { counts.reduce(0, +) }

    /// Adds `record` at the end of `bucket`.
    public func append(_ record: Record, to bucket: Int) throws(Diagnostic) {
        buffers[bucket].append(record)
        counts[bucket] += 1
        if buffers[bucket].count >= perBucket { try flush(bucket) }
    }

    /// The records of `bucket`, in the order they were appended.
    public func read(_ bucket: Int) throws(Diagnostic) -> [Record] { try read(bucket, range: 0..<counts[bucket]) }

    /// The records at `range` of `bucket` (positions in append order): a bucket read a piece at
    /// a time, so that its records need not all be in memory.
    public func read(_ bucket: Int, range: Range<Int>) throws(Diagnostic) -> [Record] {
        precondition(range.lowerBound >= 0 && range.upperBound <= counts[bucket], "a range outside the bucket")
        let stride = MemoryLayout<Record>.stride
        // Every written block holds exactly `perBucket` records (a buffer is written only when
        // full); the rest are in the buffer.
        let written = blocks[bucket].count * perBucket
        var failed = false
        let records = [Record](unsafeUninitializedCapacity: range.count) { storage, initialised in
            var filled = 0
            var position = range.lowerBound
            while !failed && position < min(range.upperBound, written) {
                let block = blocks[bucket][position / perBucket]
                let inBlock = position % perBucket
                let take = min(range.upperBound, (position / perBucket + 1) * perBucket) - position
                let target = UnsafeMutableRawPointer(storage.baseAddress! + filled)
                failed = !readFully(target, count: take * stride, at: block + inBlock * stride)
                filled += take
                position += take
            }
            while !failed && position < range.upperBound {
                (storage.baseAddress! + filled).initialize(to: buffers[bucket][position - written])
                filled += 1
                position += 1
            }
            initialised = failed ? 0 : filled
        }
        if failed { throw Self.failure("cannot read back a scratch file", in: directory) }
        return records
    }

    private func flush(_ bucket: Int) throws(Diagnostic) {
        let count = buffers[bucket].count
        guard count > 0 else { return }
        let bytes = count * MemoryLayout<Record>.stride
        let written = buffers[bucket].withUnsafeBytes { writeFully($0.baseAddress!, count: bytes, at: end) }
        guard written else { throw Self.failure("cannot write a scratch file", in: directory) }
        blocks[bucket].append(end)
        end += bytes
        buffers[bucket].removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawPointer, count: Int, at offset: Int) -> Bool {
        Self.fully(count) { done in pwrite(fd, bytes + done, count - done, off_t(offset + done)) }
    }

    private func readFully(_ bytes: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        Self.fully(count) { done in pread(fd, bytes + done, count - done, off_t(offset + done)) }
    }

    /// Calls `step` with the bytes moved so far until `count` have moved (a call moves some, or
    /// returns -1 with `errno` set, retried on EINTR); false when the file ends or fails first.
    private static func fully(_ count: Int, _ step: (Int) -> Int) -> Bool {
        var done = 0
        while done < count {
            let n = step(done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    private static func failure(_ what: String, in directory: String) -> Diagnostic {
        Diagnostic(
            .internal, path: directory, message: "\(what): \(String(cString: strerror(errno)))",
            hint: "check that the temporary directory (TMPDIR) is writable and has room: a customer file needs about 150 bytes a row")
    }
}
