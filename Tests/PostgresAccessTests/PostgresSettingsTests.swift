import Foundation
import PlannerCore
import PlannerIO
import Testing

@testable import PostgresAccess

@Suite("PostgreSQL URLs and passwords")
struct PostgresSettingsTests {
    @Test("a full URL gives host, port, user, database and sslmode; the description has no password")
    func fullURL() throws {
        let settings = try PostgresSettings.parse(
            "postgres://analyst@db.example.in:6543/crm?sslmode=require", environment: ["PGPASSWORD": "s3cret"])
        #expect(settings.host == "db.example.in")
        #expect(settings.port == 6543)
        #expect(settings.user == "analyst")
        #expect(settings.database == "crm")
        #expect(settings.tls == .require)
        #expect(settings.password == "s3cret")
        #expect(settings.description == "postgres://analyst@db.example.in:6543/crm?sslmode=require")
        #expect(!settings.description.contains("s3cret"))
    }

    @Test("what the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE, then psql's defaults")
    func defaults() throws {
        let fromEnvironment = try PostgresSettings.parse(
            "postgresql://", environment: ["PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "etl", "PGDATABASE": "warehouse"])
        #expect(fromEnvironment == PostgresSettings(host: "10.0.0.5", port: 5433, user: "etl", database: "warehouse"))
        // libpq: the database defaults to the user name, the host to localhost, the port to 5432.
        let bare = try PostgresSettings.parse("postgres://etl@/", environment: [:])
        #expect(bare == PostgresSettings(host: "localhost", port: 5432, user: "etl", database: "etl"))
        let v6 = try PostgresSettings.parse("postgres://etl@[::1]:5444/crm?sslmode=disable", environment: [:])
        #expect(v6.host == "::1" && v6.port == 5444 && v6.tls == .disable)
        #expect(v6.description == "postgres://etl@[::1]:5444/crm?sslmode=disable")
        let encoded = try PostgresSettings.parse("postgres://data%20team@h/sales%2Fin", environment: [:])
        #expect(encoded.user == "data team" && encoded.database == "sales/in")
    }

    @Test(
        "a password in the URL is refused without being repeated",
        arguments: ["postgres://analyst:hunter2@db/crm", "postgres://analyst@db/crm?password=hunter2"])
    func passwordInURL(url: String) {
        #expect {
            _ = try PostgresSettings.parse(url, environment: [:])
        } throws: { error in
            let text = String(describing: (error as? PostgresAccessError)?.diagnostic ?? Diagnostic(message: "other"))
            return text.contains("carries a password") && text.contains("PGPASSWORD") && !text.contains("hunter2")
                && text.contains("***")
        }
    }

    @Test(
        "a URL that is not one names what is wrong",
        arguments: [
            ("mysql://db/crm", "does not start with postgres://"),
            ("postgres://db:99999/crm", "not a number from 1 to 65535"),
            ("postgres://db/crm?sslmode=sometimes", "sslmode \"sometimes\""),
            ("postgres://db/crm?pool=4", "\"pool\" is not supported"),
        ])
    func badURLs(url: String, expected: String) {
        #expect {
            _ = try PostgresSettings.parse(url, environment: [:])
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test("~/.pgpass: the first matching line wins, * matches anything, \\: is a colon")
    func passwordFile() throws {
        let scratch = try ScratchDirectory(prefix: "pgpass-test")
        defer { scratch.remove() }
        let path = "\(scratch.path)/pgpass"
        let lines = [
            "# team passwords",
            "db.example.in:5432:crm:reader:first",
            "db.example.in:*:crm:reader:second",
            "*:*:*:etl:pa\\:ss\\\\word",
        ]
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        let environment = ["PGPASSFILE": path]
        #expect(try PostgresSettings.parse("postgres://reader@db.example.in/crm", environment: environment).password == "first")
        #expect(try PostgresSettings.parse("postgres://reader@db.example.in:6000/crm", environment: environment).password == "second")
        #expect(try PostgresSettings.parse("postgres://etl@other/any", environment: environment).password == "pa:ss\\word")
        #expect(try PostgresSettings.parse("postgres://nobody@other/any", environment: environment).password == nil)
        // PGPASSWORD comes before the file, as in libpq.
        let both = environment.merging(["PGPASSWORD": "from-env"]) { $1 }
        #expect(try PostgresSettings.parse("postgres://reader@db.example.in/crm", environment: both).password == "from-env")
        // A file others can read is refused (libpq ignores it), saying how to fix it.
        chmod(path, 0o644)
        #expect {
            _ = try PostgresSettings.parse("postgres://reader@db.example.in/crm", environment: environment)
        } throws: { error in
            String(describing: error).contains("chmod 600") && !String(describing: error).contains("first")
        }
    }

    @Test("server errors are named by SQLSTATE, and the request's faults are the user's to fix")
    func serverErrors() {
        let settings = PostgresSettings(host: "db", port: 5432, user: "reader", database: "crm", password: "x")
        let unknown = PostgresReader.serverError(state: "42P01", message: "relation \"clients\" does not exist", settings: settings)
        #expect(unknown == .unknownTable(server: "postgres://reader@db:5432/crm", message: "relation \"clients\" does not exist"))
        #expect(unknown.fault == .badRequest)
        let value = PostgresReader.serverError(state: "22P02", message: "invalid input syntax: \"+919876543210\"", settings: settings)
        #expect(value == .badValue(server: "postgres://reader@db:5432/crm", sqlState: "22P02"))
        #expect(!value.description.contains("+919876543210"))
    }
}
