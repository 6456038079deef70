import Foundation
import Testing

@Suite("campaign-planner segments and synth")
struct SegmentsCommandTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "segments-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    // Five customers: three Tamil in Tamil Nadu written three ways, one Odia and one without a
    // language in Odisha (imputed as Santali: see SegmentReaderTests.handMade).
    static let customers = """
        id,State,Preferred Language,LTV,orders,last_order,sms_opt_in,whatsapp_opt_in,email_opt_in,push_opt_in,mobile,email,device_token
        C1,Tamil Nadu,ta,100.50,1,2026-07-04,1,yes,Y,true,+919800000001,a@x.in,tok
        C2,TN,Tamil,"1,234.50",2,2026-07-03,0,no,N,false,+919800000002,,
        C3,IN-TN,தமிழ்,0,0,,true,TRUE,y,1,,b@x.in,
        C4,Orissa,or,10,1,2025-10-02,1,1,1,1,+919800000004,c@x.in,tok4
        C9,Odisha,,20,1,2025-10-01,0,0,0,0,,,

        """

    @Test("--date-format dd/mm/yyyy reads a day-first export to the same segments; without it the dates are rejected with a hint (exit 65)")
    func dateFormat() throws {
        let directory = try Self.temporaryDirectory()
        let dayFirst = Self.customers.replacingOccurrences(of: "2026-07-04", with: "04/07/2026")
            .replacingOccurrences(of: "2026-07-03", with: "3/7/2026").replacingOccurrences(of: "2025-10-02", with: "02.10.2025")
            .replacingOccurrences(of: "2025-10-01", with: "01-10-2025")
        try Self.customers.write(toFile: directory + "/iso.csv", atomically: true, encoding: .utf8)
        try dayFirst.write(toFile: directory + "/dmy.csv", atomically: true, encoding: .utf8)
        let common = ["segments", "--as-of", "2026-10-01", "--min-customers", "2", "--format", "csv"]
        let iso = try CLI.run(common + ["--customers", directory + "/iso.csv"])
        let dmy = try CLI.run(common + ["--customers", directory + "/dmy.csv", "--date-format", "dd/mm/yyyy"])
        #expect(dmy.status == 0 && dmy.stdout == iso.stdout)
        let undeclared = try CLI.run(common + ["--customers", directory + "/dmy.csv"])
        #expect(undeclared.status == 65)
        #expect(undeclared.stderr.contains("bad_date 4") && undeclared.stderr.contains("--date-format dd/mm/yyyy"))
        let unknown = try CLI.run(common + ["--customers", directory + "/dmy.csv", "--date-format", "dd/yyyy"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown date format 'dd/yyyy'"))
    }

    @Test(
        "--by region,language,activity adds the band column; the TN customers by band as counted by hand; an unknown dimension is exit 64")
    func byActivity() throws {
        let directory = try Self.temporaryDirectory()
        try Self.customers.write(toFile: directory + "/customers.csv", atomically: true, encoding: .utf8)
        let arguments = [
            "segments", "--customers", directory + "/customers.csv", "--as-of", "2026-10-01", "--format", "csv",
            "--by", "region,language,activity",
        ]
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("region,language,activity,customers,") == true)
        // C1 ordered 89 days before 2026-10-01 (active_90d), C2 90 days (active_180d), C3 never (inactive).
        let tamil = lines.filter { $0.hasPrefix("IN-TN,ta,") }.map { $0.split(separator: ",").prefix(4).joined(separator: ",") }
        #expect(tamil == ["IN-TN,ta,active_180d,1", "IN-TN,ta,active_90d,1", "IN-TN,ta,inactive,1"])
        let wrong = try CLI.run(arguments.dropLast() + ["region,language,activty"])
        #expect(wrong.status == 64 && wrong.stderr.contains("did you mean 'activity'"))
    }

    @Test("CSV output: exact header, sorted rows, roll-up statuses; the same bytes on a second run")
    func csv() throws {
        let directory = try Self.temporaryDirectory()
        try Self.customers.write(toFile: directory + "/customers.csv", atomically: true, encoding: .utf8)
        let arguments = [
            "segments", "--customers", directory + "/customers.csv", "--as-of", "2026-10-01", "--min-customers", "2", "--format", "csv",
        ]
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                region,language,customers,sms_reachable,whatsapp_reachable,email_reachable,push_reachable,spend,orders,active_90d,imputed_language,status,merged_into,reason
                IN,or,1,1,1,1,1,10.00,1,0,0,dropped,,1 customers < 2 even for the whole country
                IN,sat,1,0,0,0,0,20.00,1,0,1,dropped,,1 customers < 2 even for the whole country
                IN-OD,or,1,1,1,1,1,10.00,1,0,0,dropped,,"1 customers < 2, and so are IN:east and IN: dropped"
                IN-OD,sat,1,0,0,0,0,20.00,1,0,1,dropped,,"1 customers < 2, and so are IN:east and IN: dropped"
                IN-TN,ta,3,1,1,2,1,1335.00,3,1,0,kept,,
                IN:east,or,1,1,1,1,1,10.00,1,0,0,dropped,,"1 customers < 2, and IN too: dropped"
                IN:east,sat,1,0,0,0,0,20.00,1,0,1,dropped,,"1 customers < 2, and IN too: dropped"

                """)
        #expect(result.stderr.contains("5 rows, 5 accepted, 0 rejected; 1 languages imputed"))
        // The rejects file goes beside the input when printing, header only here.
        #expect(try String(contentsOfFile: directory + "/customers.rejects.csv", encoding: .utf8) == "line,reason,raw\n")
        #expect(try CLI.run(arguments).stdout == result.stdout)
    }

    @Test("too many rejects: exit 65 with the counts and where the rejects are")
    func rejectRate() throws {
        let directory = try Self.temporaryDirectory()
        try "customer_id,state,spend\n1,Kerala,5\n2,Atlantis,5\n3,Goa,x\n4,Goa,1\n".write(
            toFile: directory + "/c.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "segments", "--customers", directory + "/c.csv", "--as-of", "2026-10-01", "--out", directory + "/out.csv",
        ])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("2 of 4 rows (50.00 %) were rejected, more than the allowed 1.00 % (unknown_region 1, bad_number 1)"))
        #expect(result.stderr.contains("see \(directory)/out.rejects.csv"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out.csv"))
        let rejects = try String(contentsOfFile: directory + "/out.rejects.csv", encoding: .utf8)
        #expect(rejects == "line,reason,raw\n3,unknown_region,\"2,Atlantis,5\"\n4,bad_number,\"3,Goa,x\"\n")
        let allowed = try CLI.run([
            "segments", "--customers", directory + "/c.csv", "--as-of", "2026-10-01", "--max-reject-rate", "50%", "--format", "json",
        ])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("\"rejected\": 2"))
    }

    @Test("a mapping naming a column the file lacks is a usage error")
    func badMapping() throws {
        let directory = try Self.temporaryDirectory()
        try "customer_id,state\n1,Kerala\n".write(toFile: directory + "/c.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["segments", "--customers", directory + "/c.csv", "--map", "region=Territory"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("column 'Territory' for region is not in the header"))
    }

    @Test("synth is deterministic for a seed and its output segments cleanly")
    func synth() throws {
        let first = try CLI.run(["synth", "--customers", "300", "--seed", "4"])
        #expect(first.status == 0)
        #expect(first.stdout.split(separator: "\n").count == 301)
        #expect(try CLI.run(["synth", "--customers", "300", "--seed", "4"]).stdout == first.stdout)
        let directory = try Self.temporaryDirectory()
        try first.stdout.write(toFile: directory + "/s.csv", atomically: true, encoding: .utf8)
        let segments = try CLI.run(["segments", "--customers", directory + "/s.csv", "--as-of", "2026-10-01", "--format", "json"])
        #expect(segments.status == 0)
        #expect(segments.stdout.contains("\"read\": 300,\n    \"accepted\": 300"))
    }

    @Test("a binary file as customers: one clear error, its bytes escaped, nothing raw on the terminal (exit 64)")
    func binaryFile() throws {
        let path = NSTemporaryDirectory() + "binary-\(UUID().uuidString).csv"
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x1B, 0x5B, 0x32, 0x4A, 0xE2, 0x80, 0xAE, 0xFF, 0x07]
        bytes += [UInt8](repeating: 0x41, count: 500)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["segments", "--customers", path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("error: customer_id: no column for customer_id in the header"))
        #expect(result.stderr.contains("the header has: \\u{7F}ELF\\u{2}\\u{1}\\u{1}\\u{0}\\u{1B}[2J\\u{202E}\u{FFFD}\\u{7}AAA"))
        #expect(result.stderr.contains("…"))
        let raw = result.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0.value == 0x202E }
        #expect(raw.isEmpty)
    }
}
