/// FuzzMapping: the input as a CSV header line followed by a column-mapping file.
///
/// Feeds: the first line, split at commas (and trimmed as the segment reader does), is the header
/// of a customer file; the rest is the YAML text of a `--columns` mapping file. It runs
/// `ColumnMapping(yaml:path:)` then `resolve(header:path:)`, and also `ColumnMapping(flags:)` with
/// each remaining line as a `--map field=column` flag, resolved against the same header.
///
/// A thrown `Diagnostic` is an accepted answer. A bug is a crash (trap, sanitizer report), a hang
/// or a blow-up in memory.
import PlannerCore
import FuzzSupport
import PlannerIO
import Segments

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: Fuzz.bytes(data, count), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let header = (lines.first ?? "").split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingASCIISpaces() }
    let rest = lines.count > 1 ? String(lines[1]) : ""
    if let mapping = try? ColumnMapping(yaml: rest, path: "columns.yaml") {
        _ = try? mapping.resolve(header: header, path: "customers.csv")
    }
    let flags = rest.split(separator: "\n").map(String.init)
    if let mapping = try? ColumnMapping(flags: flags) {
        _ = try? mapping.resolve(header: header, path: "customers.csv")
    }
    return 0
}

@main
enum FuzzMapping {
    static func main() { Fuzz.main(fuzzMapping) }
}
