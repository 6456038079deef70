import PlannerCore
import FuzzSupport
/// FuzzBrief: the input as the YAML text of a campaign brief, decoded strictly and checked.
///
/// Feeds: `DataDocument<Brief>(yaml:path:strict: true)` (Yams, the strict YAML node decoder with
/// its did-you-mean suggestions and line/column diagnostics) and then `Brief.load(_:)` (the value
/// checks), as `Brief.document(path:)` does for `campaign-planner plan`. Input that is not UTF-8
/// is decoded with replacement characters, as `FileBytes.readText` would refuse it anyway.
///
/// A thrown `Diagnostic` is an accepted answer. A bug is a crash (trap, sanitizer report), a hang
/// or a blow-up in memory.
import Planner
import PlannerIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBrief(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: Fuzz.bytes(data, count), as: UTF8.self)
    do {
        let document = try DataDocument<Brief>(yaml: text, path: "brief.yaml", strict: true)
        let brief = try Brief.load(document)
        for name in brief.channels.keys.sorted() {
            if let window = brief.channels[name]?.sendWindow { _ = (Brief.minutes(window.start), Brief.minutes(window.end)) }
        }
    } catch {
        _ = error  // a Diagnostic is the expected answer to a bad brief
    }
    return 0
}

@main
enum FuzzBrief {
    static func main() { Fuzz.main(fuzzBrief) }
}
