import Foundation
import Testing
import WorkbookTestSupport

@Suite("campaign-planner plan", .serialized)
struct PlanCommandTests {
    static func outputFolder() -> String { NSTemporaryDirectory() + "plan-cli-\(UUID().uuidString)" }

    @Test("the README's example writes every export; the workbook in LibreOffice agrees with plan.json, to the paisa")
    func example() throws {
        let out = Self.outputFolder()
        let result = try CLI.run(["plan", "examples/festive-2026.yaml", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        for name in [
            "plan.json", "plan.xlsx", "allocation.csv", "segments.csv", "calendar.csv", "messages.csv", "excluded.csv",
            "summary.csv", "assumptions.csv", "report.md", "budget-by-festival.svg", "calendar.svg", "rejects.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "missing \(name)")
        }
        #expect(result.stdout.contains("optimiser: "))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/plan.json"))) as? [String: Any])
        let lines = try #require(json["lines"] as? [[String: Any]])
        let totals = try #require(json["totals"] as? [String: Any])
        let allocated = try #require(totals["allocated"] as? Double)
        let budget = try #require(json["budget"] as? Double)
        // Line budgets sum to the allocated total, and allocated + unspent = budget, to the paisa.
        let paise = lines.map { Int((($0["budget"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
        #expect(paise == Int(allocated * 100 + 0.5))
        #expect(Int(allocated * 100 + 0.5) + Int(((totals["unspent"] as? Double) ?? 0) * 100 + 0.5) == Int(budget * 100 + 0.5))
        // The headline join the README points at: Bengali speakers in Delhi get Durga Puja (their
        // language's festival; Delhi does not keep it), on WhatsApp among others; Delhi's Hindi speakers do not.
        let bengaliDelhi = lines.filter { $0["segment"] as? String == "IN-DL/bn" && $0["festival"] as? String == "durga_puja" }
        #expect(bengaliDelhi.contains { $0["channel"] as? String == "whatsapp" && (($0["budget"] as? Double) ?? 0) > 0 })
        #expect(!lines.contains { $0["segment"] as? String == "IN-DL/hi" && $0["festival"] as? String == "durga_puja" })
        let allocationCSV = try String(contentsOfFile: "\(out)/allocation.csv", encoding: .utf8)
        #expect(allocationCSV.contains(",IN-DL/bn,IN-DL,bn,durga_puja,whatsapp,"))

        let names = ["Summary", "Assumptions", "Segments", "Allocation", "Calendar", "Messages", "Excluded"]
        let sheets = try LibreOffice.sheets(of: URL(fileURLWithPath: "\(out)/plan.xlsx"), names: names)
        let allocation = try #require(sheets["Allocation"])
        #expect(allocation.count == lines.count + 2)
        for (row, line) in zip(allocation.dropFirst(), lines) {
            #expect(row[0] == line["id"] as? String)
            #expect(row[1] == line["segment"] as? String)
            #expect(Double(row[6]).map { Int($0 * 100 + 0.5) } == (line["budget"] as? Double).map { Int($0 * 100 + 0.5) })
            #expect(Int(row[7]) == line["messages"] as? Int)
        }
        // The live SUM under the budget column, recomputed by LibreOffice, equals the allocated total.
        #expect(Double(try #require(allocation.last)[6]).map { Int($0 * 100 + 0.5) } == Int(allocated * 100 + 0.5))
        let summary = try #require(sheets["Summary"])
        #expect(
            summary.first { $0.first == "Allocated" }.flatMap { Double($0[1]) }.map { Int($0 * 100 + 0.5) } == Int(allocated * 100 + 0.5))
        // Indic text survives: the messages sheet holds the same texts as plan.json.
        let messages = try #require(json["messages"] as? [[String: Any]])
        let sheetTexts = try #require(sheets["Messages"]).dropFirst().map { $0.last ?? "" }
        #expect(sheetTexts == messages.map { ($0["text"] as? String) ?? "" })
        #expect(sheetTexts.contains { $0.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) } })  // Bengali script
        let segments = try #require(json["segments"] as? [[String: Any]])
        let segmentRows = try #require(sheets["Segments"])
        #expect(segmentRows.count == segments.count + 2)  // header, segments, totals
        for (row, segment) in zip(segmentRows.dropFirst(), segments) {
            #expect(row[0] == segment["id"] as? String)
            #expect(Int(row[4]) == segment["customers"] as? Int)
        }
        // Calendar: one row per line, flights as real dates shown ISO.
        let calendar = try #require(sheets["Calendar"])
        #expect(calendar.count == lines.count + 1)
        for row in calendar.dropFirst() {
            let line = try #require(lines.first { $0["id"] as? String == row[0] })
            let flight = try #require(line["flight"] as? [String: Any])
            #expect(row[6] == flight["start"] as? String && row[7] == flight["end"] as? String)
        }
        // Excluded and Assumptions: the same rows as plan.json.
        let excluded = try #require(json["excluded"] as? [[String: Any]])
        #expect(try #require(sheets["Excluded"]).dropFirst().map { $0[3] } == excluded.map { ($0["reason"] as? String) ?? "" })
        let assumptions = try #require(json["assumptions"] as? [[String: Any]])
        #expect(
            try #require(sheets["Assumptions"]).dropFirst().map { $0[0] + "=" + $0[1] }
                == assumptions.map { "\($0["key"] as? String ?? "")=\($0["value"] as? String ?? "")" })

        // Same inputs, same bytes.
        let again = Self.outputFolder()
        #expect(try CLI.run(["plan", "examples/festive-2026.yaml", "--out", again, "--format", "json,csv,md"]).status == 0)
        for name in ["plan.json", "allocation.csv", "report.md", "calendar.svg"] {
            #expect(
                FileManager.default.contents(atPath: "\(out)/\(name)") == FileManager.default.contents(atPath: "\(again)/\(name)"),
                "\(name) differs")
        }
    }

    @Test(
        "a bad brief: one clear error line naming file, line and field, and no output written",
        arguments: [
            ("budget: 40000", "budget: 40000\nbudjet: 5", "unknown field 'budjet'"),
            ("festivals: [navratri,", "festivals: [navratri, diwalii,", "unknown festival 'diwalii'"),
            (
                "period: {start: 2026-10-01, end: 2026-11-20}", "period: {start: 2026-01-01, end: 2026-01-05}",
                "no festival named in 'festivals'"
            ),
            ("  max_segments: 60", "  max_segments: 60\n  min_budget: 5000", "the budget cannot cover every segment's minimum"),
        ])
    func badBrief(original: String, replacement: String, message: String) throws {
        let brief = try String(contentsOfFile: CLI.packageRoot + "/examples/festive-2026.yaml", encoding: .utf8)
        let broken = brief.replacingOccurrences(of: original, with: replacement)
        #expect(broken != brief)
        let folder = Self.outputFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try broken.write(toFile: "\(folder)/brief.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: CLI.packageRoot + "/examples/customers-festive-2026.csv", toPath: "\(folder)/customers-festive-2026.csv")
        let result = try CLI.run(["plan", "\(folder)/brief.yaml", "--out", "\(folder)/out"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(folder)/brief.yaml:"))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"))
    }

    @Test(
        "too many bad rows: no plan, but the rejects file is kept (owner-only) and the error names it; a header-only file is one sentence")
    func rejectsKept() throws {
        let folder = Self.outputFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let synth = try CLI.run(["synth", "--customers", "200", "--seed", "4", "--dirty"])
        try synth.stdout.write(toFile: "\(folder)/dirty.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["plan", "examples/festive-2026.yaml", "--customers", "\(folder)/dirty.csv", "--out", "\(folder)/out"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("rows (") && result.stderr.contains("were rejected, more than the allowed 1.00 %"))
        #expect(result.stderr.contains("see \(folder)/out/rejects.csv for each row and reason"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out/plan.json"))
        let rejects = try String(contentsOfFile: "\(folder)/out/rejects.csv", encoding: .utf8)
        #expect(rejects.hasPrefix("line,reason,raw\n") && rejects.split(separator: "\n").count > 1)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: "\(folder)/out/rejects.csv")[.posixPermissions] as? Int)
        #expect(mode == 0o600)

        let example = try String(contentsOfFile: CLI.packageRoot + "/examples/customers-festive-2026.csv", encoding: .utf8)
        let header = String(example.prefix { $0 != "\n" }) + "\n"
        try header.write(toFile: "\(folder)/empty.csv", atomically: true, encoding: .utf8)
        let empty = try CLI.run(["plan", "examples/festive-2026.yaml", "--customers", "\(folder)/empty.csv", "--out", "\(folder)/none"])
        #expect(empty.status == 65)
        #expect(
            empty.stderr
                == "\(folder)/empty.csv:1: error: the file has a header but no customer rows: there is nothing to segment. Hint: export the customers with the header, one customer per row\n"
        )
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/none"))
        let segments = try CLI.run(["segments", "--customers", "\(folder)/empty.csv"])
        #expect(segments.status == 65 && segments.stderr.contains("the file has a header but no customer rows"))
        // A brief's column that the header lacks points at the brief's line, not at a CLI flag.
        try "customer_id,state\n1,TN\n".write(toFile: "\(folder)/short.csv", atomically: true, encoding: .utf8)
        let short = try CLI.run(["plan", "examples/festive-2026.yaml", "--customers", "\(folder)/short.csv", "--out", "\(folder)/none"])
        #expect(short.status == 64)
        #expect(short.stderr.hasPrefix("examples/festive-2026.yaml:"))
        #expect(short.stderr.contains("error: customers.columns.language: column 'preferred_language' for language is not in the header"))
    }
}
