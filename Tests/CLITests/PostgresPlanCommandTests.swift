import Foundation
import PostgresTestSupport
import Testing

/// `plan` and `audience` from a brief whose customers are a PostgreSQL table (or a cube file),
/// against a real server started for the suite: the same plan as from the CSV the table was
/// loaded from, apart from the recorded input, and the same send lists.
@Suite("campaign-planner plan and audience from PostgreSQL", .postgresServer, .serialized)
struct PostgresPlanCommandTests {
    static let example = CLI.packageRoot + "/examples"

    /// The example brief with its `customers:` block replaced by `block`, written into `folder`.
    static func brief(_ block: String, in folder: String) throws -> String {
        let text = try String(contentsOfFile: example + "/festive-2026.yaml", encoding: .utf8)
        let start = try #require(text.range(of: "customers:\n"))
        let end = try #require(text.range(of: "\nchannels:", range: start.upperBound..<text.endIndex))
        let path = folder + "/brief-\(UUID().uuidString).yaml"
        try (String(text[..<start.lowerBound]) + block + String(text[end.lowerBound...])).write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let columns = """
          columns:
            region: state
            language: preferred_language
            spend: total_spend
            orders: order_count
        """

    /// plan.json without its `input` member, and that member.
    static func planParts(_ folder: String) throws -> (rest: String, input: [String: Any]) {
        let text = try String(contentsOfFile: folder + "/plan.json", encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // Canonical JSON: the input member is one block from `"input": {` to the line closing it.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { $0.hasPrefix("  \"input\": {") })
        let last = try #require(lines[first...].firstIndex { $0 == "  }," || $0 == "  }" })
        return ((lines[..<first] + lines[(last + 1)...]).joined(separator: "\n"), try #require(object["input"] as? [String: Any]))
    }

    @Test("plan from a PostgreSQL table and from a cube equal plan from the CSV apart from the recorded input; audience sends the same")
    func samePlan() throws {
        let server = try TestPostgres.server()
        let folder = NSTemporaryDirectory() + "pg-plan-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try server.loadCSV(Self.example + "/customers-festive-2026.csv", table: "festive") == 40_000)
        let environment = ["PGPASSWORD": server.password, "PGPASSFILE": "/nonexistent"]

        let fromCSV = try CLI.run(["plan", Self.example + "/festive-2026.yaml", "--out", folder + "/csv", "--format", "json", "--audience"])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        let postgresBrief = try Self.brief(
            "customers:\n  postgres: \(server.url())\n  table: festive\n\(Self.columns)\n", in: folder)
        let fromTable = try CLI.run(
            ["plan", postgresBrief, "--out", folder + "/pg", "--format", "json", "--audience"], environment: environment)
        #expect(fromTable.status == 0, "\(fromTable.stderr)")
        #expect(!fromTable.stdout.contains(server.password) && !fromTable.stderr.contains(server.password))

        let csv = try Self.planParts(folder + "/csv"), table = try Self.planParts(folder + "/pg")
        #expect(table.rest == csv.rest)
        #expect(table.input["file"] as? String == server.url())
        #expect(table.input["source"] as? String == "postgres" && table.input["table"] as? String == "festive")
        #expect(table.input["sha256"] as? String == "" && csv.input["source"] == nil)
        #expect(table.input["columns"] as? [String: String] == csv.input["columns"] as? [String: String])
        #expect(table.input["rejects"] as? [String: Int] == csv.input["rejects"] as? [String: Int])
        for key in ["rows_read", "accepted", "date_format"] {
            #expect("\(table.input[key] ?? "nil")" == "\(csv.input[key] ?? "nil")", "input.\(key)")
        }
        // The audience from the table's copy: the same send lists and control group as from the CSV.
        for name in ["sends.csv", "holdout.csv", "audience-summary.csv"] {
            let a = try String(contentsOfFile: folder + "/csv/audience/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: folder + "/pg/audience/" + name, encoding: .utf8)
            #expect(a == b, "\(name)")
        }
        // The scratch copy of the table is gone.
        let scratch = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
        #expect(!scratch.contains { $0.hasPrefix("campaign-planner-audience-") })

        // A cube made by `segments --emit-sql postgres` run on the server, read back by a brief.
        let sql = try CLI.run([
            "segments", "--emit-sql", "postgres", "--table", "festive", "--as-of", "2026-10-01",
            "--table-columns",
            try server.psql(
                "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'festive'"
            ),
            "--map", "region=state", "--map", "language=preferred_language", "--map", "spend=total_spend", "--map", "orders=order_count",
        ])
        #expect(sql.status == 0, "\(sql.stderr)")
        let query = sql.stdout.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
        let cubeText = try server.psql("COPY (\(query)) TO STDOUT WITH (FORMAT csv, HEADER true)")
        try (cubeText + "\n").write(toFile: folder + "/cube.csv", atomically: true, encoding: .utf8)
        let cubeBrief = try Self.brief("customers:\n  cube: \(folder)/cube.csv\n\(Self.columns)\n", in: folder)
        let fromCube = try CLI.run(["plan", cubeBrief, "--out", folder + "/cube", "--format", "json"])
        #expect(fromCube.status == 0, "\(fromCube.stderr)")
        let cube = try Self.planParts(folder + "/cube")
        #expect(cube.rest == csv.rest)
        #expect(cube.input["source"] as? String == "cube" && (cube.input["sha256"] as? String)?.count == 64)
        let audience = try CLI.run(["audience", folder + "/cube/plan.json", "--out", folder + "/cube-audience"])
        #expect(audience.status == 64 && audience.stderr.contains("made from a cube"))
    }

    @Test("the holdout SQL run in PostgreSQL holds out exactly holdout.csv's customers of a plan made from the table, duplicates left out")
    func holdoutSQL() throws {
        let server = try TestPostgres.server()
        let folder = NSTemporaryDirectory() + "pg-holdout-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (customers, header) = try HoldoutFixture.customers(in: folder)
        #expect(try server.loadCSV(customers, table: "festive_holdout") == 40_002)
        let postgresBrief = try Self.brief(
            "customers:\n  postgres: \(server.url())\n  table: festive_holdout\n\(Self.columns)\n", in: folder)
        let plan = try CLI.run(
            ["plan", postgresBrief, "--out", folder + "/out", "--format", "json", "--audience"],
            environment: ["PGPASSWORD": server.password, "PGPASSFILE": "/nonexistent"])
        #expect(plan.status == 0, "\(plan.stderr)")
        // The plan names its table: no --table needed.
        let sql = try CLI.run([
            "audience", folder + "/out/plan.json", "--emit-holdout-sql", "postgres", "--table-columns", header,
        ])
        #expect(sql.status == 0, "\(sql.stderr)")
        #expect(sql.stdout.contains("FROM \"festive_holdout\""), "\(sql.stdout.prefix(400))")
        let query = sql.stdout.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";"))
        let output = try server.psql("COPY (\(query)) TO STDOUT WITH (FORMAT csv)")
        let rows = output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 3 && ($0[2] == "0" || $0[2] == "1") })
        let heldSQL = Set(rows.filter { $0[2] == "1" }.map { "\($0[0]),\($0[1])" })
        let heldSwift = try HoldoutFixture.heldOut(folder + "/out/audience")
        #expect(heldSwift.count > 1000)
        #expect(heldSQL == heldSwift)
        #expect(!rows.contains(where: HoldoutFixture.isSpoiled))
        // Every customer of a plan segment has one row: the plan's count per segment, less the duplicate's two rows.
        let planned = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out/plan.json"))) as? [String: Any])
        let segments = try #require(planned["segments"] as? [[String: Any]])
        var perSegment: [String: Int] = [:]
        for row in rows { perSegment[row[1], default: 0] += 1 }
        let plannedCustomers = segments.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) }
        #expect(rows.count == plannedCustomers - 2 && rows.count > 30_000)
        #expect(Set(perSegment.keys).isSubset(of: Set(segments.compactMap { $0["id"] as? String })))
    }

    @Test("a brief naming both a file and a PostgreSQL table, or postgres without table, is refused at its line")
    func badBriefs() throws {
        let folder = NSTemporaryDirectory() + "pg-brief-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let both = try Self.brief("customers:\n  file: x.csv\n  postgres: postgres://u@h/db\n  table: t\n", in: folder)
        let bothResult = try CLI.run(["plan", both, "--out", folder + "/out"])
        #expect(bothResult.status != 0 && bothResult.stderr.contains("give one of file"), "\(bothResult.stderr)")
        let noTable = try Self.brief("customers:\n  postgres: postgres://u@h/db\n", in: folder)
        let noTableResult = try CLI.run(["plan", noTable, "--out", folder + "/out"])
        #expect(noTableResult.status != 0 && noTableResult.stderr.contains("postgres needs table"), "\(noTableResult.stderr)")
        let password = try Self.brief("customers:\n  postgres: postgres://u:s3cret-pw@h/db\n  table: t\n", in: folder)
        let passwordResult = try CLI.run(["plan", password, "--out", folder + "/out"])
        #expect(passwordResult.status == 65 && passwordResult.stderr.contains("carries a password"), "\(passwordResult.stderr)")
        #expect(!passwordResult.stderr.contains("s3cret-pw"))
    }
}
