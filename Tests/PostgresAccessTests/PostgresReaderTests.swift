import Foundation
import PlannerCore
import PlannerIO
import PostgresAccess
import PostgresTestSupport
import Testing

/// Against a real PostgreSQL server started for the suite (``TestPostgres``).
@Suite("Reading from a real PostgreSQL server", .postgresServer)
struct PostgresReaderTests {
    /// A reader connecting as `user` with `password` (the superuser's by default).
    func reader(user: String = TestPostgres.superuser, password: String? = nil, database: String = "postgres") throws -> PostgresReader {
        let server = try TestPostgres.server()
        let url = server.url(user: user, database: database)
        return PostgresReader(settings: try PostgresSettings.parse(url, environment: ["PGPASSWORD": password ?? server.password]))
    }

    func rows(_ query: PostgresQueryText, reader: PostgresReader) async throws -> (columns: [String], rows: [[String?]]) {
        var columns: [String] = []
        var rows: [[String?]] = []
        try await reader.read(query) { names, values in
            columns = names
            rows.append(values)
        }
        return (columns, rows)
    }

    @Test("rows arrive as text, NULL as nil, and parameters are values, never SQL")
    func rowsAndParameters() async throws {
        let server = try TestPostgres.server()
        try server.psql(
            """
            CREATE TABLE people (id text, region text, spend numeric(12,2));
            INSERT INTO people VALUES ('C1', 'IN-WB', 1200.50), ('C2', 'IN-WB', NULL), ('C3', 'IN-TN', 99.99),
              ('C4', 'x''; DROP TABLE people; --', 1);
            """)
        let query = PostgresQueryText(
            sql: "SELECT id, spend::text AS spend FROM \(PostgresQueryText.identifier("people")) WHERE region = $1 ORDER BY id",
            parameters: ["IN-WB"])
        let result = try await rows(query, reader: reader())
        #expect(result.columns == ["id", "spend"])
        #expect(result.rows == [["C1", "1200.50"], ["C2", nil]])
        // The hostile value is matched as a value: one row, and the table is still there.
        let hostile = PostgresQueryText(sql: "SELECT id FROM people WHERE region = $1", parameters: ["x'; DROP TABLE people; --"])
        #expect(try await rows(hostile, reader: reader()).rows == [["C4"]])
        #expect(try server.psql("SELECT count(*) FROM people") == "4")
    }

    @Test("a table copied to CSV: header, rows ordered by the first column, fields quoted as RFC 4180, owner-only")
    func tableCopy() throws {
        let server = try TestPostgres.server()
        try server.psql(
            """
            CREATE TABLE contacts (customer_id text, name text, phone text);
            INSERT INTO contacts VALUES ('C2', 'Rao, "Sunny"', NULL), ('C1', 'Asha', '+919800000001');
            """)
        let scratch = try ScratchDirectory(prefix: "table-copy")
        defer { scratch.remove() }
        let path = "\(scratch.path)/contacts.csv"
        let copied = try PostgresTableCopy.write(table: "contacts", columns: ["customer_id", "name", "phone"], reader: reader(), to: path)
        #expect(copied == 2)
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == "customer_id,name,phone\nC1,Asha,+919800000001\nC2,\"Rao, \"\"Sunny\"\"\",\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("the blocking form gives the same rows to a synchronous caller")
    func blocking() throws {
        var total = 0
        var count = 0
        try reader().readBlocking(PostgresQueryText(sql: "SELECT g::text FROM generate_series(1, 50000) AS g")) { _, values in
            total += Int(values[0]!)!
            count += 1
        }
        #expect(count == 50000)
        #expect(total == 50000 * 50001 / 2)
    }

    @Test("a wrong password names the role and says where the password goes, without showing it")
    func wrongPassword() async throws {
        let error = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "SELECT 1::text"), reader: reader(password: "not-the-password"))
        }
        let server = try TestPostgres.server()
        #expect(
            error
                == .authentication(
                    server: "postgres://postgres@127.0.0.1:\(server.port)/postgres?sslmode=disable", user: "postgres", passwordGiven: true))
        let text = error.map { "\($0.diagnostic)" } ?? ""
        #expect(text.contains("PGPASSWORD") && text.contains(".pgpass"))
        #expect(!text.contains("not-the-password"))
    }

    @Test("an unknown database, table or column is named, with what to do")
    func unknownNames() async throws {
        let noDatabase = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "SELECT 1::text"), reader: reader(database: "crm_typo"))
        }
        #expect(noDatabase.map { "\($0)" }?.contains("no database \"crm_typo\"") == true)
        let noTable = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "SELECT id FROM \"customers_typo\""), reader: reader())
        }
        #expect(noTable.map { "\($0)" }?.contains("relation \"customers_typo\" does not exist") == true)
        #expect(noTable?.fault == .badRequest)
        try TestPostgres.server().psql("CREATE TABLE IF NOT EXISTS shoppers (id text)")
        let noColumn = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "SELECT \"phone_number\" FROM shoppers"), reader: reader())
        }
        #expect(noColumn.map { "\($0)" }?.contains("column \"phone_number\" does not exist") == true)
        #expect(noColumn?.hint.contains("--map") == true)
    }

    @Test("a read-only role reads; a role without SELECT is told to ask for a grant; the session never writes")
    func roles() async throws {
        let server = try TestPostgres.server()
        try server.psql(
            """
            CREATE TABLE ledger (id text);
            INSERT INTO ledger VALUES ('L1');
            CREATE ROLE auditor LOGIN PASSWORD 'auditor-pw';
            CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw';
            GRANT SELECT ON ledger TO auditor;
            """)
        let read = try await rows(PostgresQueryText(sql: "SELECT id FROM ledger"), reader: reader(user: "auditor", password: "auditor-pw"))
        #expect(read.rows == [["L1"]])
        let denied = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "SELECT id FROM ledger"), reader: reader(user: "outsider", password: "outsider-pw"))
        }
        #expect(denied.map { "\($0)" }?.contains("permission denied for table ledger") == true)
        #expect(denied?.hint.contains("GRANT SELECT") == true)
        // Even the superuser's session through the reader is read-only.
        let write = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "CREATE TABLE sneaky (id text)"), reader: reader())
        }
        #expect(write == .readOnly(server: "postgres://postgres@127.0.0.1:\(server.port)/postgres?sslmode=disable"))
        #expect(try server.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'sneaky'") == "0")
    }

    @Test("a connection ended by the server mid-query says it was lost")
    func droppedConnection() async throws {
        let server = try TestPostgres.server()
        let reader = try reader()
        let executor = OwnThreadExecutor(name: "dropped-connection query")
        defer { executor.finish() }
        let query = Task(executorPreference: executor) {
            try await rows(PostgresQueryText(sql: "SELECT pg_sleep(120)::text AS marker_dropped"), reader: reader)
        }
        try await whenRunning("marker_dropped", server: server) {
            try server.psql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%marker_dropped%' AND pid <> pg_backend_pid()")
        }
        let error = await #expect(throws: PostgresAccessError.self) { _ = try await query.value }
        #expect(error == .connectionLost(server: "postgres://postgres@127.0.0.1:\(server.port)/postgres?sslmode=disable"))
    }

    @Test("cancelling the run stops the query on the server too")
    func cancellation() async throws {
        let server = try TestPostgres.server()
        let reader = try reader()
        let executor = OwnThreadExecutor(name: "cancelled query")
        defer { executor.finish() }
        let query = Task(executorPreference: executor) {
            try await rows(PostgresQueryText(sql: "SELECT pg_sleep(120)::text AS marker_cancelled"), reader: reader)
        }
        try await whenRunning("marker_cancelled", server: server) { query.cancel() }
        let error = await #expect(throws: PostgresAccessError.self) { _ = try await query.value }
        #expect(error == .cancelled(server: "postgres://postgres@127.0.0.1:\(server.port)/postgres?sslmode=disable"))
        // client_connection_check_interval (1 s) lets the server notice the closed connection.
        let stopped = try await pollOnOwnThread(timeout: 30) {
            try server.psql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%marker_cancelled%' AND pid <> pg_backend_pid()")
                == "0"
        }
        #expect(stopped)
    }

    @Test("nothing listening on the port is a connection error naming the server")
    func nothingListening() async throws {
        let settings = try PostgresSettings.parse("postgres://postgres@127.0.0.1:1/postgres?sslmode=disable", environment: [:])
        let error = await #expect(throws: PostgresAccessError.self) {
            _ = try await rows(PostgresQueryText(sql: "SELECT 1::text"), reader: PostgresReader(settings: settings))
        }
        #expect(error.map { "\($0)" }?.hasPrefix("cannot connect to postgres://postgres@127.0.0.1:1/postgres") == true)
    }

    /// Waits until a statement holding `marker` is active on the server (until a deadline, not a
    /// number of tries: each psql call is slow on a loaded machine), then does `action` at once, on
    /// the polling thread. Acting there, not after the test's own task resumes, matters on a 2-core
    /// machine: tests blocked in subprocesses can hold the cooperative pool's threads longer than the
    /// query sleeps, and an action taken after the query finished proves nothing.
    func whenRunning(_ marker: String, server: TestPostgres, then action: @escaping @Sendable () throws -> Void) async throws {
        let running = try await pollOnOwnThread(timeout: 60, every: 0.1) {
            guard
                try server.psql(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%\(marker)%' AND pid <> pg_backend_pid()")
                    == "1"
            else { return false }
            try action()
            return true
        }
        if !running { Issue.record("the query with \(marker) never started") }
    }
}
