import Foundation
import PlannerCore
import PlannerIO
import Testing

@Suite("Documented limits of data files")
struct LimitsTests {
    struct Brief: Decodable { let name: String }

    @Test("a YAML data file over 1 MiB is refused before it is read, naming its size and the limit")
    func size() throws {
        let path = NSTemporaryDirectory() + "limits-\(UUID().uuidString).yaml"
        try Data(repeating: UInt8(ascii: "a"), count: 3 << 20).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: Diagnostic.self) { try DataFile.decode(Brief.self, path: path) }
        #expect(error?.message == "the file is 3.0 MiB: briefs, column mappings, templates and calendars are at most 1 MiB")
        #expect(error?.fault == .badRequest)
        // Exactly at the limit is read (and then fails as YAML of the wrong shape, not for its size).
        try Data(repeating: UInt8(ascii: "a"), count: FileBytes.textLimit).write(to: URL(fileURLWithPath: path))
        let atLimit = #expect(throws: Diagnostic.self) { try DataFile.decode(Brief.self, path: path) }
        #expect(atLimit?.message.hasPrefix("the file is") == false)
    }

    @Test("deeply nested YAML is a syntax error at its line (libyaml's nesting limit), not a crash")
    func depth() {
        let yaml = "name: x\nitems: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        let error = #expect(throws: Diagnostic.self) { try DataFile.decode(Brief.self, yaml: yaml, path: "deep.yaml") }
        #expect(error?.line == 2)
        #expect(error?.message.contains("nesting") == true)
    }
}
