/// FuzzCSV: the input bytes as a customer CSV, through every CSV reader of PlannerIO and the
/// segment reader.
///
/// Feeds: `CSVTokenizer` (every record, every field decoded as UTF-8), `CSVTable(bytes:path:)`,
/// `CSVFileReader` with a small chunk (64–512 bytes, chosen from the input's length, so records
/// cross chunk and part boundaries and the guessed split is wrong often) and two consumers that
/// read every field through `CSVRecordView`, then `SegmentReader` (automatic column mapping, the
/// real `locales/` for IN, two workers, small chunks, a rejects file) on the same file.
///
/// A thrown `Diagnostic` is an accepted answer. A bug is a crash: a trap (index out of range,
/// overflow, force unwrap, precondition), a sanitizer report, a hang (libFuzzer's -timeout) or a
/// blow-up in memory (-rss_limit_mb).
import PlannerCore
import FuzzSupport
import Locales
import PlannerIO
import Segments

/// Reads every field of every record it is given, as the segment reader's hot path does.
final class FieldReader: CSVPartConsumer {
    var fields = 0
    func beginPart() { fields = 0 }
    func consume(_ record: CSVRecordView) {
        guard record.error == nil else { return }
        _ = record.isValidUTF8
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, record.raw.count))
        defer { scratch.deallocate() }
        for index in 0..<record.count {
            _ = record.withField(index) { ByteNumbers.decimal($0, places: 2) }
            _ = ByteNumbers.integer(record.trimmedField(index, scratch: scratch))
            _ = record.string(index)
            fields += 1
        }
    }
    func commitPart(firstLine: Int) throws(Diagnostic) {}
}

enum Setup {
    static let csv = Fuzz.scratch + "/customers.csv"
    static let rejects = Fuzz.scratch + "/customers.rejects.csv"
    static let reader: SegmentReader = {
        do {
            // 2026-10-01: the as-of date of the example brief's customer file.
            var reader = try SegmentReader(catalog: Fuzz.locales, country: "IN", asOf: CivilDate(year: 2026, month: 10, day: 1)!)
            reader.workers = 2
            return reader
        } catch {
            fatalError("segment reader setup: \(error)")
        }
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    var tokenizer = CSVTokenizer(bytes: bytes)
    while let record = tokenizer.next() {
        if case .fields(_, let values, _) = record {
            for value in values { _ = String(validating: value, as: UTF8.self) }
        }
    }
    _ = try? CSVTable(bytes: bytes, path: "fuzz.csv")

    Fuzz.write(bytes, to: Setup.csv)
    let chunk = 64 << (bytes.count & 3)
    if let file = try? CSVFileReader(path: Setup.csv, chunkBytes: chunk, maxRecordBytes: chunk) {
        if (try? file.readHeader()) != nil { try? file.read(consumers: [FieldReader(), FieldReader()]) }
    }
    var reader = Setup.reader
    reader.chunkBytes = 4 * chunk
    _ = try? reader.read(path: Setup.csv, rejectsPath: Setup.rejects)
    return 0
}

@main
enum FuzzCSV {
    static func main() { Fuzz.main(fuzzCSV) }
}
