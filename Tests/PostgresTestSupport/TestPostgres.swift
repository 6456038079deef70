import Foundation
import PlannerCore
import PlannerIO
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL server for the tests: `initdb` into a scratch folder, `pg_ctl start` on a
/// free port of 127.0.0.1 with password (SCRAM) authentication, and `pg_ctl stop` and the folder
/// removed at the end. PostgreSQL refuses to run as root, so when the tests run as root (CI) the
/// server runs as the `postgres` user that Debian's package creates (`setpriv`, util-linux).
///
/// A suite gets one with the ``Trait/postgresServer`` trait and reads it from ``current``.
public final class TestPostgres: Sendable {
    /// The server of the suite being run (set by ``PostgresServerTrait``).
    @TaskLocal public static var current: TestPostgres?

    /// The superuser's name.
    public static let superuser = "postgres"
    /// The TCP port on 127.0.0.1.
    public let port: Int
    /// The superuser's password (random for each server).
    public let password: String
    /// The scratch folder holding the cluster.
    let folder: String
    let binaries: String

    private init(port: Int, password: String, folder: String, binaries: String) {
        self.port = port
        self.password = password
        self.folder = folder
        self.binaries = binaries
    }

    /// The server of the running suite; fails the test when the suite has no ``Trait/postgresServer`` trait.
    public static func server() throws -> TestPostgres {
        try #require(current, "the suite needs the .postgresServer trait")
    }

    /// `postgres://USER@127.0.0.1:PORT/DATABASE?sslmode=disable` (no password: tests give it as PGPASSWORD).
    public func url(user: String = superuser, database: String = "postgres") -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Initialises and starts a server; throws with the server's own output when it cannot.
    public static func start() throws -> TestPostgres {
        guard let binaries = locateBinaries() else {
            throw Failure(
                "PostgreSQL's initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin: install the postgresql package (.ci/run does)"
            )
        }
        let scratch = try ScratchDirectory(prefix: "campaign-planner-postgres")
        let folder = scratch.path
        let password = String(UInt64.random(in: 1...UInt64.max), radix: 36)
        let passwordFile = "\(folder)/superuser-password"
        try password.write(toFile: passwordFile, atomically: false, encoding: .utf8)
        if geteuid() == 0 {
            guard let account = getpwnam("postgres") else {
                throw Failure("tests run as root, and PostgreSQL refuses root, but there is no postgres user to run it as")
            }
            chown(folder, account.pointee.pw_uid, account.pointee.pw_gid)
            chown(passwordFile, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        let port = try freePort()
        let data = "\(folder)/data"
        try runAsServerUser(
            "\(binaries)/initdb",
            ["-D", data, "-U", superuser, "--auth=scram-sha-256", "--pwfile=\(passwordFile)", "-E", "UTF8", "--locale=C", "--no-sync"],
            timeout: 120)
        try runAsServerUser(
            "\(binaries)/pg_ctl",
            [
                "-D", data, "-l", "\(folder)/server.log", "-w", "-t", "60", "-o",
                "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start",
            ], timeout: 90)
        return TestPostgres(port: port, password: password, folder: folder, binaries: binaries)
    }

    /// Stops the server at once and removes its folder.
    public func stop() {
        _ = try? Self.runAsServerUser("\(binaries)/pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"], timeout: 60)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs `sql` with `psql` as `user` (password `password`, the superuser's by default) on
    /// `database`, stopping at the first error; returns psql's unaligned, tuples-only output.
    @discardableResult
    public func psql(_ sql: String, user: String = superuser, password: String? = nil, database: String = "postgres") throws -> String {
        guard let psql = Subprocess.find("psql") ?? Subprocess.find("psql", searchPath: binaries) else {
            throw Failure("psql was not found: install postgresql-client")
        }
        let outcome = try Subprocess.run(
            psql,
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", database, "-c",
                sql,
            ],
            environment: ["PGPASSWORD": password ?? self.password, "PGCONNECT_TIMEOUT": "10"], timeout: 300)
        guard outcome.status == 0 else { throw Failure("psql failed (\(outcome.status)): \(outcome.output)") }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Loads a CSV file with a header into a new table `table` of `database`, every column `text`
    /// and named as in the header, with `COPY` (psql's `\copy`), as a data team would load an
    /// export; returns the number of rows loaded.
    @discardableResult
    public func loadCSV(_ path: String, table: String, database: String = "postgres") throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure("cannot read \(path)") }
        let head = String(decoding: handle.readData(ofLength: 64 * 1024), as: UTF8.self)
        try handle.close()
        guard let header = head.split(separator: "\n", maxSplits: 1).first else { throw Failure("\(path) has no header") }
        let columns = header.trimmingCharacters(in: .init(charactersIn: "\r")).split(separator: ",").map {
            "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\" text"
        }
        try psql("CREATE TABLE \(table) (\(columns.joined(separator: ", ")))", database: database)
        try psql("\\copy \(table) FROM '\(path)' WITH (FORMAT csv, HEADER true)", database: database)
        return Int(try psql("SELECT count(*) FROM \(table)", database: database)) ?? 0
    }

    /// The program run as the server's user: `postgres` under root (setpriv), else as this user.
    private static func runAsServerUser(_ program: String, _ arguments: [String], timeout: Double) throws {
        let outcome =
            geteuid() == 0
            ? try Subprocess.run(
                "/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program] + arguments, timeout: timeout)
            : try Subprocess.run(program, arguments, timeout: timeout)
        guard outcome.status == 0, !outcome.timedOut else {
            throw Failure("\(program) failed (status \(outcome.status)\(outcome.timedOut ? ", timed out" : "")): \(outcome.output)")
        }
    }

    /// The folder holding initdb and pg_ctl: PATH first, else the newest /usr/lib/postgresql/N/bin.
    private static func locateBinaries() -> String? {
        if let initdb = Subprocess.find("initdb"), Subprocess.find("pg_ctl") != nil {
            return URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path
        }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where access("\(root)/\(version)/bin/initdb", X_OK) == 0 {
            return "\(root)/\(version)/bin"
        }
        return nil
    }

    /// A TCP port of 127.0.0.1 that nothing listens on now (bound to port 0, read back, closed).
    private static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure("cannot open a socket to find a free port") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 && getsockname(socketFD, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure("cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A set-up failure, in words.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Starts a ``TestPostgres`` once for the suite it marks, stopping it when the suite ends.
public struct PostgresServerTrait: SuiteTrait, TestScoping {
    /// Once for the suite, not once for each test.
    public var isRecursive: Bool { false }

    /// Runs the suite with ``TestPostgres/current`` set to a fresh server.
    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try TestPostgres.start()
        defer { server.stop() }
        try await TestPostgres.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == PostgresServerTrait {
    /// A throwaway PostgreSQL server for the suite (``TestPostgres``).
    public static var postgresServer: Self { PostgresServerTrait() }
}
