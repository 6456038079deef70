import Foundation
import PlannerIO
import Testing

/// `audience --emit-holdout-sql`: the control group as SQL, run in DuckDB over the export the plan
/// was made from, holds out exactly the customers `audience` holds out.
@Suite("campaign-planner audience --emit-holdout-sql")
struct HoldoutSQLCommandTests {
    @Test(
        "DuckDB's holdout from the emitted SQL is the audience's holdout.csv, customer by customer, duplicates left out; by region and language, or cut by tier, activity or device too",
        arguments: ["", "value_tier", "activity", "device"])
    func duckdbAgrees(by: String) throws {
        let folder = NSTemporaryDirectory() + "holdout-sql-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (customers, header) = try HoldoutFixture.customers(in: folder, devices: by == "device")
        var brief = CLI.packageRoot + "/examples/festive-2026.yaml"
        if !by.isEmpty {
            try String(contentsOfFile: brief, encoding: .utf8)
                .replacingOccurrences(of: "segmentation:\n", with: "segmentation:\n  by: [region, language, \(by)]\n")
                .write(toFile: folder + "/brief.yaml", atomically: true, encoding: .utf8)
            brief = folder + "/brief.yaml"
        }
        let plan = try CLI.run([
            "plan", brief, "--customers", customers, "--out", folder + "/out", "--format", "json", "--audience",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        let sql = try CLI.run([
            "audience", folder + "/out/plan.json", "--emit-holdout-sql", "duckdb", "--table", "customers", "--table-columns", header,
        ])
        #expect(sql.status == 0, "\(sql.stderr)")
        #expect(sql.stdout.contains("md5('festive-season-2026-india' || ':' || s.id)"))
        try sql.stdout.write(toFile: folder + "/holdout.sql", atomically: true, encoding: .utf8)
        let script = """
            import csv, sys
            import duckdb
            con = duckdb.connect()
            con.execute("CREATE VIEW customers AS SELECT * FROM read_csv('%s', header = true, all_varchar = true)" % sys.argv[1])
            out = csv.writer(sys.stdout, lineterminator="\\n")
            for row in con.execute(open(sys.argv[2]).read()).fetchall():
                out.writerow(row)
            """
        try script.write(toFile: folder + "/run.py", atomically: true, encoding: .utf8)
        let python = try #require(Subprocess.find("python3"))
        let outcome = try Subprocess.run(python, [folder + "/run.py", customers, folder + "/holdout.sql"], timeout: 300)
        #expect(outcome.status == 0, "\(outcome.output)")
        let rows = outcome.output.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let heldSQL = Set(rows.filter { $0.count == 3 && $0[2] == "1" }.map { "\($0[0]),\($0[1])" })
        let heldSwift = try HoldoutFixture.heldOut(folder + "/out/audience")
        #expect(heldSwift.count > 1000)
        if !by.isEmpty { #expect(heldSwift.contains { $0.split(separator: "/").count == 3 }, "no segment of a \(by) group held out") }
        #expect(heldSQL == heldSwift)
        #expect(!rows.contains(where: HoldoutFixture.isSpoiled))
        // Every customer of a plan segment has a row: 40,000 less the duplicate's two rows and the customers in no segment.
        #expect(rows.count > 30_000 && rows.count < 40_000)
    }
}
