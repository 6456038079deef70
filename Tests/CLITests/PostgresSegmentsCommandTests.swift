import Foundation
import PostgresTestSupport
import Testing

/// `segments --postgres` against a real PostgreSQL server started for the suite: the synthetic
/// customers (with rows whose values are bad) loaded with COPY give the same JSON as the CSV they
/// were loaded from, and each way of pointing at the wrong thing says what to fix.
@Suite("campaign-planner segments --postgres", .postgresServer)
struct PostgresSegmentsCommandTests {
    /// Rows whose values the reader rejects, one per reason a table can have: an unknown region, a
    /// bad number, a bad date, a bad opt-in, a missing id.
    static let badRows = """
        X1,Asha,Atlantis,Nowhere,hi,100,1,2026-01-01,1,1,1,1,+919800000001,a@x.in,tok
        X2,Ravi,Karnataka,Bengaluru,kn,12abc,1,2026-01-01,1,1,1,1,+919800000002,b@x.in,tok
        X3,Meena,Tamil Nadu,Chennai,ta,10,1,2026-13-45,1,1,1,1,+919800000003,c@x.in,tok
        X4,Anil,Kerala,Kochi,ml,10,1,2026-01-01,maybe,1,1,1,+919800000004,d@x.in,tok
        ,Nameless,Kerala,Kochi,ml,10,1,2026-01-01,1,1,1,1,+919800000005,e@x.in,tok

        """

    /// A synthetic export of `count` customers plus ``badRows``, written to a scratch folder and
    /// loaded into table `table`; returns the CSV's path.
    static func load(_ count: Int, table: String) throws -> String {
        let directory = NSTemporaryDirectory() + "pg-segments-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let synth = try CLI.run(["synth", "--customers", String(count), "--seed", "7"])
        #expect(synth.status == 0)
        let path = directory + "/customers.csv"
        try (synth.stdout + badRows).write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try TestPostgres.server().loadCSV(path, table: table)
        #expect(loaded == count + 5)
        return path
    }

    /// `arguments` run against the suite's server as `user` with `password` (the superuser's by default).
    static func run(_ arguments: [String], user: String = TestPostgres.superuser, password: String? = nil) throws -> CLI.Result {
        let server = try TestPostgres.server()
        return try CLI.run(
            ["segments", "--postgres", server.url(user: user)] + arguments,
            environment: ["PGPASSWORD": password ?? server.password, "PGPASSFILE": "/nonexistent"])
    }

    @Test(
        "the PostgreSQL JSON equals the CSV's byte for byte, rejects per reason included, with and without value tiers",
        arguments: ["region,language", "region,language,value_tier"])
    func sameJSON(by: String) throws {
        let table = "customers_" + (by.contains("value") ? "tiers" : "plain")
        let path = try Self.load(3000, table: table)
        let common = ["--as-of", "2026-10-01", "--format", "json", "--by", by, "--min-customers", "20"]
        let csv = try CLI.run(["segments", "--customers", path, "--rejects", path + ".rejects.csv"] + common)
        #expect(csv.status == 0)
        let fromTable = try Self.run(["--table", table] + common)
        #expect(fromTable.status == 0, "\(fromTable.stderr)")
        #expect(fromTable.stdout == csv.stdout)
        for reason in ["unknown_region", "bad_number", "bad_date", "bad_boolean", "missing_customer_id"] {
            #expect(fromTable.stdout.contains("\"\(reason)\": 1"))
        }
        #expect(fromTable.stderr.contains("3005 rows, 3000 accepted, 5 rejected"))
        #expect(!fromTable.stderr.contains(try TestPostgres.server().password))
        // The same reject limit refuses both: 5 of 3005 rows is 0.17 %.
        let strictCSV = try CLI.run(
            ["segments", "--customers", path, "--rejects", path + ".rejects.csv", "--max-reject-rate", "0.1"] + common)
        let strictTable = try Self.run(["--table", table, "--max-reject-rate", "0.1"] + common)
        #expect(strictCSV.status == 65 && strictTable.status == 65)
        #expect(strictTable.stderr.contains("rejected"))
    }

    @Test("an unknown table or column, a wrong password and a role without SELECT each say what to fix, never the password")
    func errors() throws {
        let server = try TestPostgres.server()
        _ = try Self.load(200, table: "shoppers")
        let common = ["--as-of", "2026-10-01", "--max-reject-rate", "5"]
        let noTable = try Self.run(["--table", "shopers"] + common)
        #expect(noTable.status == 64)
        #expect(noTable.stderr.contains("no table \"shopers\""), "\(noTable.stderr)")
        let noMapped = try Self.run(["--table", "shoppers", "--map", "region=province"] + common)
        #expect(noMapped.status == 64)
        #expect(noMapped.stderr.contains("column 'province' for region is not in the header of table shoppers"), "\(noMapped.stderr)")
        let noColumn = try Self.run(
            ["--table", "shoppers", "--table-columns", "customer_id,province,preferred_language,total_spend", "--map", "region=province"]
                + common)
        #expect(noColumn.status == 64)
        #expect(noColumn.stderr.contains("column \"province\" does not exist") && noColumn.stderr.contains("--map"), "\(noColumn.stderr)")
        let wrong = try Self.run(["--table", "shoppers"] + common, password: "not-the-password-42")
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("PGPASSWORD") && wrong.stderr.contains("postgres://postgres@127.0.0.1:\(server.port)/postgres"))
        #expect(!wrong.stderr.contains("not-the-password-42") && !wrong.stdout.contains("not-the-password-42"))
        try server.psql(
            """
            CREATE ROLE analyst LOGIN PASSWORD 'analyst-pw-9';
            CREATE ROLE stranger LOGIN PASSWORD 'stranger-pw-9';
            GRANT SELECT ON shoppers TO analyst;
            """)
        let readOnly = try Self.run(["--table", "shoppers", "--format", "csv"] + common, user: "analyst", password: "analyst-pw-9")
        let owner = try Self.run(["--table", "shoppers", "--format", "csv"] + common)
        #expect(readOnly.status == 0 && readOnly.stdout == owner.stdout && readOnly.stdout.contains("IN-"))
        let denied = try Self.run(["--table", "shoppers"] + common, user: "stranger", password: "stranger-pw-9")
        #expect(denied.status == 64)
        #expect(denied.stderr.contains("GRANT SELECT") && denied.stderr.contains("stranger"), "\(denied.stderr)")
        #expect(!denied.stderr.contains("stranger-pw-9"))
        let inURL = try CLI.run([
            "segments", "--postgres", "postgres://postgres:hunter2@127.0.0.1:\(server.port)/postgres", "--table", "shoppers",
        ])
        #expect(inURL.status == 64 && inURL.stderr.contains("carries a password") && !inURL.stderr.contains("hunter2"))
    }

    @Test("a connection dropped while the query runs says it was lost and to run again; exit 1, nothing on standard output, no password")
    func droppedConnection() async throws {
        let server = try TestPostgres.server()
        _ = try Self.load(200, table: "steady")
        // The view sleeps before its first row, so the aggregation over it is still running when its session is ended
        // (found by its wait, pg_sleep's PgSleep: the query text shown in pg_stat_activity stops at 1 kB).
        try server.psql("CREATE VIEW sleepy_shoppers AS SELECT s.* FROM steady s, (SELECT pg_sleep(300)) AS pause")
        let arguments = [
            "segments", "--postgres", server.url(), "--table", "sleepy_shoppers", "--as-of", "2026-10-01", "--max-reject-rate", "5",
        ]
        let environment = ["PGPASSWORD": server.password, "PGPASSFILE": "/nonexistent"]
        let segments = OwnThreadWork(name: "segments over sleepy_shoppers") { try CLI.run(arguments, environment: environment) }
        // Polled until a deadline, not a number of times, on a thread of its own: on a loaded machine
        // the binary may take a while to reach the query.
        let ended = try await pollOnOwnThread(timeout: 90) {
            try server.psql(
                """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE application_name = 'campaign-planner' AND state = 'active' AND wait_event = 'PgSleep'
                AND pid <> pg_backend_pid()
                """) == "1"
        }
        let terminated = Date()
        #expect(ended, "the aggregation over sleepy_shoppers was never seen running")
        let result = try await segments.value
        // Measured from the session's end: the binary must notice at once, not when the server would have finished sleeping.
        #expect(Date().timeIntervalSince(terminated) < 30, "the run waited instead of failing when its session ended")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "the connection to postgres://postgres@127.0.0.1:\(server.port)/postgres?sslmode=disable was lost while the query ran; nothing was written"
            ), "\(result.stderr)")
        #expect(
            result.stderr.contains("run again; if it recurs, ask the database team whether statement or idle timeouts end long queries"))
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains(server.password) && !result.stdout.contains(server.password))
    }
}
