import Foundation
import PlannerCore
import PlannerIO
import Testing

@Suite("Atomic writes, data files and diagnostics")
struct FilesAndDiagnosticsTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "planner-io-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("an atomic write replaces the file whole and leaves no temporary file")
    func atomic() throws {
        let directory = try temporaryDirectory()
        let path = "\(directory)/out.txt"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second ✓", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second ✓")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.txt"])
    }

    @Test("writing into a missing directory is a diagnostic naming the file")
    func missingDirectory() {
        #expect(throws: Diagnostic.self) { try AtomicFile.write("x", to: "/nonexistent-dir/out.txt") }
    }

    @Test("diagnostics print compiler-style")
    func format() {
        let diagnostic = Diagnostic(
            path: "locales/IN.yaml", line: 12, column: 5, field: "regions[3].population",
            message: "expected an integer, got \"abc\"", hint: "write digits only")
        #expect(
            diagnostic.description
                == "locales/IN.yaml:12:5: error: regions[3].population: expected an integer, got \"abc\". Hint: write digits only")
        #expect(diagnostic.fault == .badInput)
    }

    struct Sample: Decodable, Sendable {
        struct Item: Decodable, Sendable { let name: String; let count: Int }
        let items: [Item]
    }

    @Test("a wrong type points at the line, column and key path of the value")
    func typeMismatch() {
        let yaml = "items:\n  - name: a\n    count: 1\n  - name: b\n    count: many\n"
        #expect(
            throws: Diagnostic(path: "s.yaml", line: 5, column: 12, field: "items[1].count", message: "expected an integer, got \"many\"")
        ) {
            try DataFile.decode(Sample.self, yaml: yaml, path: "s.yaml")
        }
    }

    @Test("a missing key names the field and the mapping's line")
    func missingKey() {
        #expect(
            throws: Diagnostic(path: "s.yaml", line: 2, column: 5, field: "items[0].count", message: "required field 'count' is missing")
        ) {
            try DataFile.decode(Sample.self, yaml: "items:\n  - name: a\n", path: "s.yaml")
        }
    }

    @Test("strict decoding names an unknown (misspelt) field with its line")
    func unknownField() {
        let yaml = "items:\n  - name: a\n    count: 1\n    cuont: 2\n"
        #expect(
            throws: Diagnostic(
                path: "s.yaml", line: 4, column: 5, field: "items[0].cuont", message: "unknown field 'cuont' (did you mean 'count'?)",
                hint: "check the spelling; see the documented fields")
        ) {
            try DataFile.decode(Sample.self, yaml: yaml, path: "s.yaml", strict: true)
        }
        #expect(throws: Never.self) { try DataFile.decode(Sample.self, yaml: yaml, path: "s.yaml") }
    }

    @Test("optional fields, nulls and dictionaries decode; every dictionary key counts as read")
    func optionals() throws {
        struct Shares: Decodable, Sendable { let note: String?; let shares: [String: Double] }
        let value = try DataFile.decode(Shares.self, yaml: "note: ~\nshares: {ta: 0.5, other: 0.5}\n", path: "s.yaml", strict: true)
        #expect(value.note == nil && value.shares == ["ta": 0.5, "other": 0.5])
    }

    @Test("a YAML syntax error names its line")
    func syntax() throws {
        do {
            _ = try DataFile.decode(Sample.self, yaml: "items:\n  - name: [a\n", path: "s.yaml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.path == "s.yaml")
            #expect(error.line != nil)
            #expect(error.message.hasPrefix("YAML syntax"))
        }
    }

    @Test(
        "fixed decimals round half away from zero",
        arguments: [
            (0.88375, 4, "0.8838"), (1.0, 4, "1.0000"), (0.00004, 4, "0.0000"), (-2.5, 0, "-3"), (12.0, 0, "12"), (0.05, 2, "0.05"),
        ])
    func fixed(value: Double, places: Int, expected: String) { #expect(DecimalText.fixed(value, places: places) == expected) }

    @Test("JSON is deterministic and escaped")
    func json() {
        let value = JSONValue.object([("b", .number("1.50")), ("a", .array([.string("x\"\n"), .null, .bool(true)]))])
        #expect(value.render() == "{\n  \"b\": 1.50,\n  \"a\": [\n    \"x\\\"\\n\",\n    null,\n    true\n  ]\n}")
    }
}
