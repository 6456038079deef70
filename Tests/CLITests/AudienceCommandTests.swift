import Foundation
import PlannerIO
import Testing

/// `plan --audience` and `audience` on a synthetic export shaped like the example's (2,500
/// customers, a brand born in Delhi), checked for the acceptance properties.
@Suite("Audiences from the command line")
struct AudienceCommandTests {
    static func temporary() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audience-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Day of 2026 (not a leap year) of `YYYY-MM-DD`.
    static func dayNumber(_ text: String) -> Int {
        let parts = text.split(separator: "-").map { Int($0)! }
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return before[parts[1] - 1] + parts[2]
    }

    /// Whether `text` holds `+91` followed by a digit (a phone number; the report's rules name `+91` alone).
    static func holdsPhone(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for i in scalars.indices.dropLast(3) where scalars[i] == "+" && scalars[i + 1] == "9" && scalars[i + 2] == "1" {
            if ("0"..."9").contains(scalars[i + 3]) { return true }
        }
        return false
    }

    /// 2,500 synthetic customers (`customers.csv`) and the example brief cut by `by` too
    /// (`tiered.yaml`), its thresholds lowered so that states keep tier segments, in `folder`;
    /// returns the customers' CSV text.
    static func tieredBrief(by: String, in folder: String) throws -> String {
        let synth = try CLI.run(["synth", "--customers", "2500", "--seed", "2026"])
        try synth.stdout.write(toFile: "\(folder)/customers.csv", atomically: true, encoding: .utf8)
        let brief = try String(contentsOfFile: CLI.packageRoot + "/examples/festive-2026.yaml", encoding: .utf8)
        try brief.replacingOccurrences(of: "file: customers-festive-2026.csv", with: "file: customers.csv")
            .replacingOccurrences(of: "segmentation:\n", with: "segmentation:\n  by: [region, language, \(by)]\n")
            .replacingOccurrences(of: "min_customers: 150", with: "min_customers: 20")
            .replacingOccurrences(of: "min_spend: 50000", with: "min_spend: 1000")
            .write(toFile: "\(folder)/tiered.yaml", atomically: true, encoding: .utf8)
        return synth.stdout
    }

    static func rows(_ path: String) throws -> (header: [String], rows: [[String: String]]) {
        let table = try CSVTable(path: path)
        return (table.header, table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0.values)) })
    }

    @Test(
        "a plan cut by value tier or activity: every tier segment gets the customers the plan counted in it, held out at the share, lines add up",
        arguments: ["value_tier", "activity"])
    func tieredPlanAudience(by: String) throws {
        let folder = try Self.temporary()
        let synth = try Self.tieredBrief(by: by, in: folder)
        let plan = try CLI.run([
            "plan", "\(folder)/tiered.yaml", "--today", "2026-10-01", "--out", "\(folder)/out", "--format", "json", "--audience",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/out/plan.json"))) as? [String: Any])
        let segmentation = try #require(document["segmentation"] as? [String: Any])
        #expect(segmentation["by"] as? String == by)
        #expect((segmentation["value_cuts"] is NSNull) == (by != "value_tier"))
        let segments = try #require(document["segments"] as? [[String: Any]])
        let customers = Dictionary(uniqueKeysWithValues: segments.map { ($0["id"] as! String, $0["customers"] as! Int) })
        let groups = by == "value_tier" ? ["champions", "loyal", "new", "promising", "at_risk", "lapsed"] : ["active_90d", "inactive"]
        #expect(groups.allSatisfy { g in customers.keys.contains { $0.hasSuffix("/\(g)") } }, "\(customers.keys.sorted())")

        // Held out per segment: round(5 % of the customers the plan counted), to the customer.
        let audience = "\(folder)/out/audience"
        var held: [String: Set<String>] = [:]
        for row in try Self.rows("\(audience)/holdout.csv").rows { held[row["segment"]!, default: []].insert(row["customer_id"]!) }
        for (id, n) in customers { #expect(held[id, default: []].count == Int((0.05 * Double(n)).rounded()), "\(id): \(n) customers") }
        let report = try String(contentsOfFile: "\(audience)/report.md", encoding: .utf8)
        #expect(report.contains("its region, language and \(by) group after the plan's roll-up"))
        #expect(report.contains("tiers scored as the plan scored them: R by days since the last order ≤ ") == (by == "value_tier"))
        let (_, sends) = try Self.rows("\(audience)/sends.csv")
        #expect(sends.count > 100)
        let heldIDs = Set(held.values.joined())
        #expect(sends.allSatisfy { !heldIDs.contains($0["customer_id"]!) && customers[$0["segment"]!] != nil })
        let reasons = ["cap", "duplicate_contact", "invalid_contact", "missing_contact", "missing_name", "too_few_customers"]
        for line in try Self.rows("\(audience)/audience-summary.csv").rows {
            #expect(Int(line["planned"]!)! == Int(line["assigned"]!)! + reasons.map { Int(line[$0]!)! }.reduce(0, +))
        }
        // The same rows in another order, sent with the flag that reports count differences: no segment differs.
        var lines = synth.split(separator: "\n").map(String.init)
        let head = lines.removeFirst()
        try ([head] + lines.reversed()).joined(separator: "\n").appending("\n").write(
            toFile: "\(folder)/reversed.csv", atomically: true, encoding: .utf8)
        let again = try CLI.run([
            "audience", "\(folder)/out/plan.json", "--customers", "\(folder)/reversed.csv", "--out", "\(folder)/again",
            "--allow-changed-customers",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stderr.contains("the customer file has changed") && !again.stderr.contains("customers in the plan"), "\(again.stderr)")
        #expect(
            FileManager.default.contents(atPath: "\(audience)/sends.csv")
                == FileManager.default.contents(atPath: "\(folder)/again/sends.csv"))
    }

    @Test("a plan file cut by value tier that does not record its segmentation is refused, naming a tier segment, rather than sent short")
    func tieredPlanWithoutSegmentationRefused() throws {
        let folder = try Self.temporary()
        _ = try Self.tieredBrief(by: "value_tier", in: folder)
        let plan = try CLI.run(["plan", "\(folder)/tiered.yaml", "--today", "2026-10-01", "--out", "\(folder)/out", "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")
        // A plan written before plans recorded their segmentation: the same file without the key.
        var document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/out/plan.json"))) as? [String: Any])
        #expect(document.removeValue(forKey: "segmentation") != nil)
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: "\(folder)/old.json"))
        let audience = try CLI.run(["audience", "\(folder)/old.json", "--out", "\(folder)/audience"])
        #expect(audience.status == 64)
        #expect(audience.stderr.contains("cut by value tier, activity or device too ('IN"), "\(audience.stderr)")
        #expect(audience.stderr.contains("make the plan again"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/audience/sends.csv"))
        let sql = try CLI.run(["audience", "\(folder)/old.json", "--emit-holdout-sql", "duckdb", "--table", "customers"])
        #expect(sql.status == 64 && sql.stdout.isEmpty && sql.stderr.contains("does not record how"))
    }

    @Test(
        "plan --audience: rows per line add up, no held-out customer is messaged, the cap holds, times in windows, shuffled rows give the same bytes"
    )
    func acceptance() throws {
        let folder = try Self.temporary()
        let synth = try CLI.run([
            "synth", "--customers", "2500", "--seed", "2026", "--region-share", "IN-DL=0.35", "--region-share", "IN-MH=0.12",
        ])
        #expect(synth.status == 0)
        try synth.stdout.write(toFile: "\(folder)/customers.csv", atomically: true, encoding: .utf8)
        let plan = try CLI.run([
            "plan", "examples/festive-2026.yaml", "--customers", "\(folder)/customers.csv", "--today", "2026-10-01", "--out",
            "\(folder)/out",
            "--audience",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        let audience = "\(folder)/out/audience"
        for name in [
            "sends.csv", "holdout.csv", "sms.csv", "whatsapp.jsonl", "email.csv", "push.jsonl", "audience-summary.csv", "report.md",
            "rejects.csv",
        ] {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(audience)/\(name)")
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        let (header, sends) = try Self.rows("\(audience)/sends.csv")
        #expect(
            header == [
                "line", "customer_id", "segment", "festival", "channel", "language", "template", "send_date", "send_time", "time_zone",
                "contact", "message", "sms_segments", "cost",
            ])
        #expect(!sends.isEmpty)
        // Rows per line: assigned, and assigned plus the reasons is the plan's messages.
        let summary = try Self.rows("\(audience)/audience-summary.csv").rows
        let reasons = ["cap", "duplicate_contact", "invalid_contact", "missing_contact", "missing_name", "too_few_customers"]
        var perLine: [String: Int] = [:]
        for send in sends { perLine[send["line"]!, default: 0] += 1 }
        for line in summary {
            #expect(perLine[line["line"]!, default: 0] == Int(line["assigned"]!))
            #expect(Int(line["planned"]!)! == Int(line["assigned"]!)! + reasons.map { Int(line[$0]!)! }.reduce(0, +))
        }
        // No customer both messaged and held out.
        let held = Set(try Self.rows("\(audience)/holdout.csv").rows.map { $0["customer_id"]! })
        #expect(!held.isEmpty)
        #expect(sends.allSatisfy { !held.contains($0["customer_id"]!) })
        // The cap (3 in 14 days) for every customer.
        var days: [String: [Int]] = [:]
        for send in sends { days[send["customer_id"]!, default: []].append(Self.dayNumber(send["send_date"]!)) }
        for (_, list) in days {
            let sorted = list.sorted()
            for (i, day) in sorted.enumerated() { #expect(sorted[i...].prefix { $0 < day + 14 }.count <= 3) }
        }
        // Times inside each line's window (sms 10:00-20:30 in the example's brief; others 09:00-21:00).
        for send in sends {
            let (from, until) = send["channel"] == "sms" ? ("10:00", "20:30") : ("09:00", "21:00")
            #expect(send["send_time"]! >= from && send["send_time"]! < until)
        }
        // SMS segments: a UCS-2 (or GSM-7) recount of the message.
        for send in sends where send["channel"] == "sms" {
            let text = send["message"]!
            let ascii = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && !"^{}\\[~]|`".unicodeScalars.contains($0) }
            let segments =
                ascii ? (text.count <= 160 ? 1 : (text.count + 152) / 153) : (text.utf16.count <= 70 ? 1 : (text.utf16.count + 66) / 67)
            #expect(Int(send["sms_segments"]!) == segments)
        }
        // No phone or email on standard output, standard error or in the report.
        let report = try String(contentsOfFile: "\(audience)/report.md", encoding: .utf8)
        for text in [plan.stdout, plan.stderr, report] {
            #expect(!Self.holdsPhone(text) && !text.contains("@example.com"))
        }

        // The same customers in another order: the same bytes.
        var lines = synth.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines.removeFirst()
        lines = lines.filter { !$0.isEmpty }.reversed()
        try ([head] + lines).joined(separator: "\n").appending("\n").write(
            toFile: "\(folder)/reversed.csv", atomically: true, encoding: .utf8)
        let again = try CLI.run([
            "audience", "\(folder)/out/plan.json", "--customers", "\(folder)/reversed.csv", "--out", "\(folder)/again",
            "--allow-changed-customers",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("the customer file has changed"))
        for name in ["sends.csv", "holdout.csv", "sms.csv", "whatsapp.jsonl", "email.csv", "push.jsonl", "audience-summary.csv"] {
            #expect(
                FileManager.default.contents(atPath: "\(audience)/\(name)")
                    == FileManager.default.contents(atPath: "\(folder)/again/\(name)"), "\(name)")
        }
        // Without the flag, a changed file is bad input (65), named, and no contact is printed.
        let refused = try CLI.run(["audience", "\(folder)/out/plan.json", "--customers", "\(folder)/reversed.csv", "--out", "\(folder)/no"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("--allow-changed-customers"))
        #expect(!Self.holdsPhone(refused.stderr))
    }
}
