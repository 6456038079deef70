import Foundation
import PlannerIO
import Testing

/// Issue 15's acceptance, end to end on the shipped example: `plan examples/festive-2026.yaml
/// --audience` with the built binary, every property checked against the plan, the brief and an
/// independent SMS recount, then the same on a shuffled copy of the example's customer file.
@Suite("The example's audience meets the acceptance")
struct AudienceAcceptanceTests {
    static let brief = "examples/festive-2026.yaml"
    static let files = [
        "sends.csv", "holdout.csv", "sms.csv", "whatsapp.jsonl", "email.csv", "push.jsonl", "audience-summary.csv", "report.md",
        "rejects.csv",
    ]

    static func rows(_ path: String) throws -> [[String: String]] {
        let table = try CSVTable(path: path)
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0.values)) }
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    static func jsonLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD` (proleptic Gregorian).
    static func day(_ text: String) -> Int {
        let p = text.split(separator: "-").map { Int($0)! }
        let y = p[1] <= 2 ? p[0] - 1 : p[0], m = p[1], d = p[2]
        let era = y / 400, yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The example's customer rows in a fixed pseudo-random order (Fisher-Yates on a 64-bit LCG).
    static func shuffled(_ csv: String) -> String {
        var lines = csv.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        var state: UInt64 = 2026
        for i in stride(from: lines.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    @Test(
        "plan --audience on the example: the files, rows per line, holdout apart, the cap, the windows, SMS segments recounted, shuffled rows give the same bytes"
    )
    func example() throws {
        let folder = try AudienceCommandTests.temporary()
        let plan = try CLI.run(["plan", Self.brief, "--audience", "--out", "\(folder)/out"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let out = "\(folder)/out/audience"
        for name in Self.files {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(out)/\(name)")
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        let document = try Self.json("\(folder)/out/plan.json")
        let lines = Dictionary(uniqueKeysWithValues: (document["lines"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        let facts = BriefFacts(yaml: try String(contentsOfFile: "\(CLI.packageRoot)/\(Self.brief)", encoding: .utf8))
        let sends = try Self.rows("\(out)/sends.csv")
        #expect(sends.count > 10_000)

        // Rows per line: the plan's messages, or assigned plus reasons that add up to them.
        var perLine: [String: Int] = [:]
        for send in sends { perLine[send["line"]!, default: 0] += 1 }
        let summary = try Self.rows("\(out)/audience-summary.csv")
        #expect(Set(summary.map { $0["line"]! }) == Set(lines.keys))
        let reasons = ["cap", "duplicate_contact", "invalid_contact", "missing_contact", "missing_name", "too_few_customers"]
        var short = 0
        for row in summary {
            let id = row["line"]!
            let messages = lines[id]!["messages"] as! Int
            #expect(Int(row["planned"]!) == messages, "\(id)")
            #expect(Int(row["assigned"]!) == perLine[id, default: 0], "\(id)")
            let explained = reasons.map { Int(row[$0]!)! }.reduce(0, +)
            #expect(perLine[id, default: 0] + explained == messages, "\(id)")
            short += messages - perLine[id, default: 0]
        }
        #expect(sends.count + short == document["lines"].map { ($0 as! [[String: Any]]).map { $0["messages"] as! Int }.reduce(0, +) })

        // Each send matches its line and lies in its flight's days and its channel's hours
        // (the brief's window inside India's 09:00-21:00).
        for send in sends {
            let line = lines[send["line"]!]!
            let flight = line["flight"] as! [String: Any]
            #expect(send["segment"] == line["segment"] as? String && send["festival"] == line["festival"] as? String)
            #expect(send["channel"] == line["channel"] as? String && send["template"] == line["template"] as? String)
            let day = Self.day(send["send_date"]!)
            #expect(day >= Self.day(flight["start"] as! String) && day <= Self.day(flight["end"] as! String), "\(send["line"]!)")
            let window = facts.windows[send["channel"]!] ?? ("09:00", "21:00")
            let from = max(window.start, "09:00"), until = min(window.end, "21:00")
            let time = send["send_time"]!
            #expect(time.count == 5 && time >= from && time < until, "\(send["line"]!) \(time)")
            #expect(send["time_zone"] == "Asia/Kolkata")
        }

        // Nobody both messaged and held out; the holdout near its share in each segment.
        let holdout = try Self.rows("\(out)/holdout.csv")
        let held = Set(holdout.map { $0["customer_id"]! })
        #expect(!held.isEmpty)
        #expect(sends.allSatisfy { !held.contains($0["customer_id"]!) })
        for segment in document["segments"] as! [[String: Any]] {
            let id = segment["id"] as! String, customers = segment["customers"] as! Int
            let count = Set(holdout.filter { $0["segment"] == id }.map { $0["customer_id"]! }).count
            #expect(abs(Double(count) - 0.05 * Double(customers)) <= 1, "\(id)")
        }

        // The brief's cap for every customer: at most `messages` in any `days` consecutive days.
        var days: [String: [Int]] = [:]
        for send in sends { days[send["customer_id"]!, default: []].append(Self.day(send["send_date"]!)) }
        var capped = 0
        for (customer, list) in days {
            let sorted = list.sorted()
            for (i, first) in sorted.enumerated() where sorted[i...].prefix(while: { $0 < first + facts.capDays }).count > facts.capMessages
            {
                Issue.record("customer \(customer) has more than \(facts.capMessages) messages in \(facts.capDays) days from day \(first)")
            }
            if sorted.count == facts.capMessages { capped += 1 }
        }
        #expect(capped > 0, "the cap is reached by some customers, so the check means something")

        // SMS: segments recounted from the GSM 03.38 / UCS-2 rules; cost = segments × price.
        let sms = sends.filter { $0["channel"] == "sms" }
        #expect(!sms.isEmpty)
        for send in sms {
            #expect(Int(send["sms_segments"]!) == SMSRecount.segments(send["message"]!), "\(send["line"]!) \(send["language"]!)")
        }
        #expect(sms.contains { SMSRecount.segments($0["message"]!) > 1 })
        #expect(sends.filter { $0["channel"] != "sms" }.allSatisfy { $0["sms_segments"] == "1" })

        // The channel files: one entry per send of the channel, contacts as the service takes them.
        let upload = try Self.rows("\(out)/sms.csv")
        #expect(upload.count == sms.count)
        // DLT: entity id, header and content template ids as the template file registers them
        // (its `dlt:` line); a language it registers no id for is named in the report's warnings.
        let template = try String(contentsOfFile: "\(CLI.packageRoot)/templates/festive-offer.yaml", encoding: .utf8)
        let dlt = template.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("dlt:") }.map(String.init) ?? ""
        let quoted = dlt.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        let (entity, header) = (quoted[0], quoted[1])
        var registered: [String: String] = [:]
        if let start = dlt.range(of: "templates: {") {
            for pair in dlt[start.upperBound...].prefix(while: { $0 != "}" }).split(separator: ",") {
                let parts = pair.split(separator: ":").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
                registered[parts[0]] = parts[1]
            }
        }
        #expect(registered["hi"] == "1207160000000000002")
        let report = try String(contentsOfFile: "\(out)/report.md", encoding: .utf8)
        for (row, send) in zip(upload, sms) {
            #expect("+" + row["mobile"]! == send["contact"] && row["message"] == send["message"])
            #expect(row["entity_id"] == entity && row["header"] == header)
            #expect(row["template_id"] == registered[send["language"]!] ?? "", "\(send["language"]!)")
        }
        for language in Set(sms.map { $0["language"]! }) where registered[language] == nil {
            #expect(report.contains("registers no DLT content template id for \(language)"), "\(language)")
        }
        let whatsapp = try Self.jsonLines("\(out)/whatsapp.jsonl")
        let whatsappSends = sends.filter { $0["channel"] == "whatsapp" }
        #expect(whatsapp.count == whatsappSends.count && !whatsapp.isEmpty)
        for (message, send) in zip(whatsapp, whatsappSends) {
            #expect(message["messaging_product"] as? String == "whatsapp" && message["type"] as? String == "template")
            #expect("+" + (message["to"] as! String) == send["contact"])
            let template = message["template"] as! [String: Any]
            #expect((template["name"] as? String)?.isEmpty == false)
            #expect(((template["language"] as? [String: Any])?["code"] as? String)?.isEmpty == false)
            let body = (template["components"] as? [[String: Any]])?.first { $0["type"] as? String == "body" }
            #expect((body?["parameters"] as? [[String: Any]])?.allSatisfy { $0["type"] as? String == "text" } == true)
        }
        let email = try Self.rows("\(out)/email.csv")
        #expect(email.count == sends.filter { $0["channel"] == "email" }.count && !email.isEmpty)
        #expect(email.allSatisfy { $0["email"]!.contains("@") && !$0["subject"]!.isEmpty && !$0["body"]!.isEmpty })
        let push = try Self.jsonLines("\(out)/push.jsonl")
        let pushSends = sends.filter { $0["channel"] == "push" }
        #expect(push.count == pushSends.count && !push.isEmpty)
        // Line N is the Nth push row of sends.csv (whose date and time say when to post it), as for WhatsApp.
        for (entry, send) in zip(push, pushSends) {
            let message = entry["message"] as! [String: Any]
            let notification = message["notification"] as! [String: Any]
            #expect(message["token"] as? String == send["contact"])
            #expect((notification["title"] as? String)?.isEmpty == false && (notification["body"] as? String)?.isEmpty == false)
        }

        // The same customers in another order: the same plan lines and the same bytes in every file.
        let shuffledFolder = "\(folder)/shuffled"
        try FileManager.default.createDirectory(atPath: shuffledFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(CLI.packageRoot)/\(Self.brief)", toPath: "\(shuffledFolder)/festive-2026.yaml")
        let csv = try String(contentsOfFile: "\(CLI.packageRoot)/examples/customers-festive-2026.csv", encoding: .utf8)
        let reordered = Self.shuffled(csv)
        #expect(reordered != csv && reordered.count == csv.count)
        try reordered.write(toFile: "\(shuffledFolder)/customers-festive-2026.csv", atomically: true, encoding: .utf8)
        let again = try CLI.run([
            "plan", "\(shuffledFolder)/festive-2026.yaml", "--audience", "--out", "\(shuffledFolder)/out", "--data", CLI.packageRoot,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        for name in Self.files where name != "report.md" && name != "rejects.csv" {
            #expect(
                FileManager.default.contents(atPath: "\(out)/\(name)")
                    == FileManager.default.contents(atPath: "\(shuffledFolder)/out/audience/\(name)"), "\(name)")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
