import Comparison
import Foundation
import PlanTestSupport
import Planner
import PlannerCore
import Segments
import Testing

/// plan.json is one document: the `Plan` type writes it and reads it back, and
/// `schemas/plan.schema.json` describes it for readers outside Swift.
@Suite("The plan document: schema, write → read → write")
struct PlanDocumentTests {
    static var text: String { ExamplePlans.baseJSON }

    @Test("write, read, write is byte-identical, and reading the second text gives the same plan")
    func roundTrip() throws {
        let first = try Plan.parse(Array(Self.text.utf8), path: "base/plan.json")
        let again = first.canonicalJSON
        #expect(again == Self.text)
        #expect(try Plan.parse(Array(again.utf8), path: "again/plan.json") == first)
        // The figures a reader uses come back exact: money to the paisa, dates, the flight.
        let line = try #require(first.lines.first)
        #expect(line.key == "IN-AP/te navratri email")
        #expect(line.budget == Money(minor: 174))
        #expect(line.flight.festival == "navratri" && line.flight.channel == "email")
        #expect(line.flight.sendDays == line.flight.start.days(to: line.flight.end) + 1)
        #expect(first.totals.allocated == Money(minor: 3_997_559))
        #expect(first.asOf == CivilDate(year: 2026, month: 10, day: 1))
    }

    @Test("the example plan validates against schemas/plan.schema.json; an extra or a missing field does not")
    func schema() throws {
        let folder = NSTemporaryDirectory() + "plan-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let extra = Self.text.replacingOccurrences(of: "\"as_of\": ", with: "\"asof\": \"x\",\n  \"as_of\": ")
        let missing = Self.text.replacingOccurrences(of: "\"holdout\": ", with: "\"hold_out\": ")
        let nullBudget = Self.text.replacingOccurrences(of: "\"budget\": 40000.00,", with: "\"budget\": null,")
        for (name, text) in [("plan", Self.text), ("extra", extra), ("missing", missing), ("null", nullBudget)] {
            #expect(text != Self.text || name == "plan")
            try text.write(toFile: "\(folder)/\(name).json", atomically: true, encoding: .utf8)
        }
        let verdicts = try Self.validate(["plan", "extra", "missing", "null"].map { "\(folder)/\($0).json" })
        #expect(verdicts == ["valid", "invalid", "invalid", "invalid"])
    }

    @Test(
        "a plan cut by value tier records its dimension and cut points: valid against the schema, write → read → write byte-identical; three cut points are refused"
    )
    func segmentation() throws {
        let plan = try TieredExample.plan.get()
        let segmentation = try #require(plan.segmentation)
        #expect(segmentation.dimension == .valueTier)
        let cuts = try #require(segmentation.valueCuts)
        #expect(cuts.customers == 40_000 && cuts.recencyDays.count == 4 && cuts.recencyDays == cuts.recencyDays.sorted())
        let text = plan.canonicalJSON
        #expect(text.contains("\"segmentation\": {\n    \"by\": \"value_tier\",\n    \"value_cuts\": {\n      \"recency_days\": ["))
        let read = try Plan.parse(Array(text.utf8), path: "tiers/plan.json")
        #expect(read.segmentation == segmentation && read.canonicalJSON == text)
        // Plans by region and language keep their bytes: no segmentation key.
        #expect(!Self.text.contains("\"segmentation\""))
        let folder = NSTemporaryDirectory() + "plan-segmentation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = "\(cuts.spendBuckets[0]),\n        "
        let three = text.replacingOccurrences(of: "\"spend_buckets\": [\n        " + first, with: "\"spend_buckets\": [\n        ")
        #expect(three != text)
        try text.write(toFile: "\(folder)/tiers.json", atomically: true, encoding: .utf8)
        try three.write(toFile: "\(folder)/three.json", atomically: true, encoding: .utf8)
        #expect(try Self.validate(["\(folder)/tiers.json", "\(folder)/three.json"]) == ["valid", "invalid"])
        let error = try #require(throws: Diagnostic.self) { try Plan.parse(Array(three.utf8), path: "three/plan.json") }
        #expect(error.field == "segmentation.value_cuts", "\(error)")
    }

    @Test("a flight whose send days do not match its dates is named at its field")
    func sendDays() throws {
        let edited = Self.text.replacingOccurrences(of: "\"send_days\": 8,", with: "\"send_days\": 9,")
        #expect(edited != Self.text)
        let error = try #require(throws: Diagnostic.self) { try Plan.parse(Array(edited.utf8), path: "x/plan.json") }
        #expect(error.field?.hasSuffix(".flight.send_days") == true)
        #expect(error.message.hasPrefix("not a campaign plan: 9 send days, but "))
    }

    /// `valid` or `invalid` per file, by Debian's Python and jsonschema (`python3-jsonschema`, Draft 2020-12).
    static func validate(_ files: [String]) throws -> [String] {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for path in sys.argv[2:]:
                print("valid" if validator.is_valid(json.load(open(path))) else "invalid")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, "\(ExamplePlans.root)/schemas/plan.schema.json"] + files
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SchemaCheckFailed(message: "python3 jsonschema (apt-get install python3-jsonschema): \(problem)")
        }
        return text.split(separator: "\n").map(String.init)
    }

    struct SchemaCheckFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
