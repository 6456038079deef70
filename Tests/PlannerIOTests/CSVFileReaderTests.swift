import Foundation
import PlannerCore
import PlannerIO
import Testing

/// Collects what a consumer sees, committing part by part with file line numbers.
final class CollectingConsumer: CSVPartConsumer {
    var part: [CSVTokenizer.CSVRecord] = []
    var committed: [CSVTokenizer.CSVRecord] = []

    func beginPart() { part = [] }

    func consume(_ record: CSVRecordView) {
        let raw = ArraySlice(Array(record.raw))
        if let error = record.error {
            part.append(.error(line: record.line, reason: error.message, raw: raw))
        } else {
            part.append(.fields(line: record.line, values: (0..<record.count).map(record.value), raw: raw))
        }
    }

    func commitPart(firstLine: Int) throws(Diagnostic) {
        for record in part {
            switch record {
            case .fields(let line, let values, let raw): committed.append(.fields(line: firstLine - 1 + line, values: values, raw: raw))
            case .error(let line, let reason, let raw): committed.append(.error(line: firstLine - 1 + line, reason: reason, raw: raw))
            }
        }
    }
}

@Suite("Streaming CSV reader: chunks, parallel parts, byte ranges")
struct CSVFileReaderTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "csv-reader-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every record through the streaming reader, in file order.
    static func stream(_ bytes: [UInt8], chunk: Int, workers: Int, maxRecord: Int = 1 << 20) throws -> [CSVTokenizer.CSVRecord] {
        let path = try temporaryFile(bytes)
        defer { unlink(path) }
        let reader = try CSVFileReader(path: path, chunkBytes: chunk, maxRecordBytes: maxRecord)
        let consumers = (0..<workers).map { _ in CollectingConsumer() }
        var all: [CSVTokenizer.CSVRecord] = []
        if let header = try reader.readHeader() {
            all.append(.fields(line: header.line, values: header.fields, raw: []))
        }
        // Records from several consumers interleave part by part, so collect through one shared log.
        let log = SharedLog()
        let logging = consumers.map { LoggingConsumer(inner: $0, log: log) }
        try reader.read(consumers: logging)
        return all + log.records
    }

    /// The reference: the in-memory tokenizer over the whole input.
    static func reference(_ bytes: [UInt8]) -> [CSVTokenizer.CSVRecord] {
        var tokenizer = CSVTokenizer(bytes: bytes)
        var out: [CSVTokenizer.CSVRecord] = []
        while let record = tokenizer.next() {
            if out.isEmpty, case .fields(let line, let values, _) = record {
                out.append(.fields(line: line, values: values, raw: []))
            } else {
                out.append(record)
            }
        }
        return out
    }

    /// Random CSV built from pieces that exercise every path: quotes, doubled quotes, newlines
    /// inside quotes, CRLF, blank lines, broken quoting (seeded, so failures reproduce).
    static func randomCSV(seed: UInt64, rows: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        func next() -> Int { Int(random.next() % 1000) }
        let pieces = ["a", "bb", "12.5", "", "\"q,x\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "தமிழ்", "\"\"", "x\"y", "\"ab\"c", " sp "]
        var text = "\u{FEFF}id,v,w\n"
        for i in 0..<rows {
            let fields = 1 + next() % 4
            text += (0..<fields).map { _ in pieces[next() % pieces.count] }.joined(separator: ",")
            let end = next() % 10
            text += end == 0 ? "\r\n" : end == 1 ? "\n\n" : "\n"
            if i == rows - 1 && next() % 2 == 0 { text.removeLast() }
        }
        return Array(text.utf8)
    }

    // Chunks of 128 bytes allow records up to 64 bytes (half a chunk); the random records are
    // shorter, so the streamed result must equal the whole-input tokenizer's exactly.
    @Test(
        "streamed records equal the tokenizer's, for any chunk size and worker count",
        arguments: [(128, 1), (128, 2), (131, 2), (256, 3), (1 << 16, 2)])
    func matchesTokenizer(chunk: Int, workers: Int) throws {
        for seed in 0..<12 as Range<UInt64> {
            let bytes = Self.randomCSV(seed: seed, rows: [0, 1, 2, 3, 5, 10, 50, 200][Int(seed) % 8])
            #expect(try Self.stream(bytes, chunk: chunk, workers: workers) == Self.reference(bytes), "seed \(seed)")
        }
    }

    @Test("a split guessed at a line end inside a quoted field is caught and scanned again")
    func speculation() throws {
        // Every record spans two lines, so about half the guessed split points fall inside quotes.
        var text = "id,note\n"
        for i in 0..<2000 { text += "\(i),\"line one\nline two, with a comma\"\n" }
        let bytes = Array(text.utf8)
        let streamed = try Self.stream(bytes, chunk: 4096, workers: 2)
        #expect(streamed.count == 2001)
        #expect(streamed == Self.reference(bytes))
        #expect(streamed.last?.line == 4000)
    }

    @Test("an unclosed quote longer than the limit is cut at its line and reading resumes")
    func recordTooLong() throws {
        var text = "id,name\n1,\"open\n"
        for i in 2...40 { text += "\(i),row\(i)\n" }
        let records = try Self.stream(Array(text.utf8), chunk: 128, workers: 2, maxRecord: 48)
        // Line 2 opens a quote that never closes: cut at line 2's end; lines 3... read as rows.
        #expect(records[1] == .error(line: 2, reason: CSVRecordError.recordTooLong.message, raw: ArraySlice(Array("1,\"open".utf8))))
        #expect(records.count == 41)
        #expect(
            records.last == .fields(line: 41, values: [Array("40".utf8), Array("row40".utf8)], raw: ArraySlice(Array("40,row40".utf8))))
    }

    @Test("a line many chunks long is one reject (its first bytes up to the limit), and the next line keeps its number", arguments: [1, 2])
    func lineLongerThanChunks(workers: Int) throws {
        // 10,000 bytes on line 2 with 128-byte chunks (the limit is then 64): 80 chunks of one line.
        let long = "1," + String(repeating: "x", count: 10_000)
        let text = "id,name\n\(long)\n2,after\n3,\(String(repeating: "y", count: 300))"
        let records = try Self.stream(Array(text.utf8), chunk: 128, workers: workers, maxRecord: 1 << 20)
        #expect(records.count == 4)
        #expect(
            records[1] == .error(line: 2, reason: CSVRecordError.recordTooLong.message, raw: ArraySlice(Array(long.utf8.prefix(64)))))
        #expect(records[2] == .fields(line: 3, values: [Array("2".utf8), Array("after".utf8)], raw: ArraySlice(Array("2,after".utf8))))
        // The last line, too long and without a line end, is one reject too.
        if case .error(let line, _, let raw) = records[3] {
            #expect(line == 4 && raw.count == 64)
        } else {
            Issue.record("expected the last line rejected, got \(records[3])")
        }
    }

    @Test("an empty file has no header")
    func empty() throws {
        let path = try Self.temporaryFile([])
        #expect(try CSVFileReader(path: path).readHeader() == nil)
    }

    @Test(
        "decimals from bytes, rounded half away from zero on the first dropped digit",
        arguments: [
            ("1234.5", 2, Int64(123_450)), ("1,23,456.78", 2, 12_345_678), ("-3", 2, -300), ("0.005", 2, 1), ("0.0049", 2, 0),
            ("+7", 0, 7), ("2.5", 0, 3), (".5", 2, 50),
        ])
    func decimals(text: String, places: Int, expected: Int64) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteNumbers.decimal($0, places: places) } == expected)
    }

    @Test("not numbers", arguments: ["", "-", "12a", "1.2.3", ",5", "1e5", "n/a", "1234567890123456789"])
    func notNumbers(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { ByteNumbers.decimal($0, places: 2) } == nil)
        #expect(Array("1.5".utf8).withUnsafeBufferPointer { ByteNumbers.integer($0) } == nil)
    }

    @Test(
        "UTF-8 validation agrees with the standard library",
        arguments: [
            [0x41], [0xC3, 0xA9], [0xE0, 0xAE, 0xA4], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xE0, 0xAE], [0xFF], Array("plain ascii text, long enough".utf8) + [0x80], Array("தமிழ் and more text".utf8),
        ] as [[UInt8]])
    func utf8(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil))
    }

    @Test("the rejects file quotes the raw row and keeps its bytes; an uncommitted writer leaves nothing")
    func rejects() throws {
        let directory = NSTemporaryDirectory() + "rejects-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let writer = try RejectsWriter(path: directory + "/r.csv")
        try writer.append(line: 7, reason: "bad_number", raw: Array("1,\"a \"\"b\"\"\",x".utf8))
        try writer.append(line: 9, reason: "invalid_utf8", raw: [0x41, 0xFF])
        try writer.commit()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/r.csv")))
        #expect(
            bytes == Array("line,reason,raw\n7,bad_number,\"1,\"\"a \"\"\"\"b\"\"\"\"\"\",x\"\n9,invalid_utf8,\"A".utf8) + [0xFF]
                + Array("\"\n".utf8))
        do { _ = try RejectsWriter(path: directory + "/dropped.csv") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["r.csv"])
    }
}

/// Records committed by any consumer, in commit (file) order.
final class SharedLog {
    var records: [CSVTokenizer.CSVRecord] = []
}

final class LoggingConsumer: CSVPartConsumer {
    let inner: CollectingConsumer
    let log: SharedLog

    init(inner: CollectingConsumer, log: SharedLog) {
        self.inner = inner
        self.log = log
    }

    func beginPart() { inner.beginPart() }
    func consume(_ record: CSVRecordView) { inner.consume(record) }
    func commitPart(firstLine: Int) throws(Diagnostic) {
        inner.committed = []
        try inner.commitPart(firstLine: firstLine)
        log.records += inner.committed
    }
}
