/// FuzzTemplate: the input as a message template file, and as an ICU MessageFormat pattern.
///
/// Feeds: (1) the text written as `<id>.yaml` (the `id:` it declares, when that is a plain file
/// name, so loading gets past the id check) alone in a scratch templates folder, then
/// `TemplateChecker.check(directory:locales:)` with the real `locales/` for IN — which runs
/// `Template.load` (strict YAML), the ICU syntax check of every message, and, for a template that
/// loads, `TemplateCatalog` and the checks that render it (structure, SMS segments, DLT, WhatsApp
/// rules, worst cases); (2) the whole text as a pattern: `MessageArgument.parse`, then
/// `ICUMessageFormat(_:locale: "hi_IN", timeZone: "Asia/Kolkata")` and `format` with one value of
/// the kind each argument needs.
///
/// Findings, a thrown `Diagnostic` or `ICUError` are accepted answers. A bug is a crash (trap,
/// sanitizer report, also inside ICU or the CICU bridge), a hang or a blow-up in memory.
import PlannerCore
import FuzzSupport
import ICUKit
import Locales
import Messages
import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

enum Setup {
    static let folder: String = {
        let path = Fuzz.scratch + "/templates"
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { fatalError("cannot create \(path)") }
        return path
    }()
    nonisolated(unsafe) static var lastFile: String?
}

/// The template id the text declares on a top-level `id:` line, when it is a plain file name.
func declaredID(_ text: String) -> String? {
    for line in text.split(separator: "\n") where line.hasPrefix("id:") {
        let id = line.dropFirst(3).trimmingASCIISpaces()
        let plain = id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
        return plain && (1...64).contains(id.utf8.count) ? id : nil
    }
    return nil
}

/// One value of the kind an argument's use needs (the first use decides).
func value(for argument: MessageArgument) -> MessageValue {
    switch argument.expectedValue {
    case .string: .string(argument.kind == .select ? argument.selectors.first ?? "other" : "Asha")
    case .number: argument.kind == .simple ? .decimal("1234.50") : .integer(2)
    case .date: .date(epochMilliseconds: 1_790_000_000_000)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(data, count)
    let text = String(decoding: bytes, as: UTF8.self)

    if let last = Setup.lastFile { unlink(last) }
    let file = "\(Setup.folder)/\(declaredID(text) ?? "fuzz").yaml"
    Fuzz.write(bytes, to: file)
    Setup.lastFile = file
    let report = TemplateChecker.check(directory: Setup.folder, locales: Fuzz.locales)
    _ = report.findings.count

    if let arguments = try? MessageArgument.parse(text),
        let message = try? ICUMessageFormat(text, locale: "hi_IN", timeZone: "Asia/Kolkata")
    {
        var values: [String: MessageValue] = [:]
        for argument in arguments where values[argument.name] == nil { values[argument.name] = value(for: argument) }
        _ = try? message.format(values)
    }
    return 0
}

@main
enum FuzzTemplate {
    static func main() { Fuzz.main(fuzzTemplate) }
}
