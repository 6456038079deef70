import PlannerCore

/// Why reading from PostgreSQL failed, each case saying what to fix. Connections are named by
/// ``PostgresSettings/description`` (no password); no case carries a value read from a table,
/// so a customer's phone or name cannot reach a message.
public enum PostgresAccessError: Error, Sendable, Equatable, CustomStringConvertible, DiagnosticConvertible {
    /// The URL is not a PostgreSQL URL, or carries a password (shown masked).
    case badURL(String, reason: String)
    /// The password file cannot be used.
    case passwordFile(path: String, reason: String)
    /// No connection could be made: the server is not running there, the name does not resolve, TLS failed.
    case cannotConnect(server: String, reason: String)
    /// The server refused the user and password.
    case authentication(server: String, user: String, passwordGiven: Bool)
    /// The database does not exist on the server.
    case unknownDatabase(server: String, database: String)
    /// A table the query names does not exist (or the role cannot see its schema).
    case unknownTable(server: String, message: String)
    /// A column the query names does not exist in the table.
    case unknownColumn(server: String, message: String)
    /// The role may not read the table.
    case permissionDenied(server: String, user: String, message: String)
    /// The server or the session is read-only and the statement writes.
    case readOnly(server: String)
    /// A value in the table could not be converted by the query (SQLSTATE class 22); the value itself is not shown.
    case badValue(server: String, sqlState: String)
    /// The connection broke while the query ran: the server restarted, the backend was ended, the network dropped.
    case connectionLost(server: String)
    /// The run was cancelled; the connection was closed, so the server stops the query.
    case cancelled(server: String)
    /// A column of the result is not text; the queries this program sends cast every column to text.
    case notText(column: String, type: String)
    /// Any other error the server reported, with its SQLSTATE.
    case server(server: String, sqlState: String, message: String)

    /// The error in words, naming the server and what to fix.
    public var description: String {
        switch self {
        case .badURL(let url, let reason): "\(url) is not a usable PostgreSQL URL: \(reason)"
        case .passwordFile(let path, let reason): "the password file \(path) is not used: \(reason)"
        case .cannotConnect(let server, let reason): "cannot connect to \(server): \(reason)"
        case .authentication(let server, let user, let passwordGiven):
            passwordGiven
                ? "\(server) refused the password for role \"\(user)\""
                : "\(server) asks role \"\(user)\" for a password and none was found"
        case .unknownDatabase(let server, let database): "\(server) has no database \"\(database)\""
        case .unknownTable(let server, let message): "\(server): \(message)"
        case .unknownColumn(let server, let message): "\(server): \(message)"
        case .permissionDenied(let server, let user, let message): "\(server): role \"\(user)\": \(message)"
        case .readOnly(let server): "\(server) accepts only reads (a standby, or a read-only session)"
        case .badValue(let server, let sqlState):
            "\(server): a value in the table could not be converted (SQLSTATE \(sqlState)); the value is not shown because it may be personal data"
        case .connectionLost(let server): "the connection to \(server) was lost while the query ran; nothing was written"
        case .cancelled(let server): "the query on \(server) was cancelled"
        case .notText(let column, let type): "the result's column \"\(column)\" is of type \(type), not text"
        case .server(let server, let sqlState, let message): "\(server) refused the query (SQLSTATE \(sqlState)): \(message)"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .badURL: "write it as postgres://USER@HOST:PORT/DATABASE; the password goes in PGPASSWORD or ~/.pgpass"
        case .passwordFile: "libpq (psql) refuses the same file; fix it and run again"
        case .cannotConnect: "check that the server runs at that host and port (pg_isready -h HOST -p PORT) and the sslmode"
        case .authentication(_, _, let passwordGiven):
            passwordGiven
                ? "set PGPASSWORD, or a line HOST:PORT:DATABASE:USER:PASSWORD in ~/.pgpass (mode 600), to the role's password"
                : "set PGPASSWORD, or add a line HOST:PORT:DATABASE:USER:PASSWORD to ~/.pgpass (mode 600)"
        case .unknownDatabase: "name an existing database in the URL's path (psql -l lists them)"
        case .unknownTable: "name the table as the database knows it (schema.table if it is not on the search_path)"
        case .unknownColumn: "map the column the table has (--map FIELD=COLUMN or a columns file)"
        case .permissionDenied: "ask the table's owner for GRANT SELECT on it to this role"
        case .readOnly: "point at the primary server, or use a role whose sessions may write"
        case .badValue: "check the column's values and the mapping's date format"
        case .connectionLost: "run again; if it recurs, ask the database team whether statement or idle timeouts end long queries"
        case .cancelled: "run again when ready"
        case .notText: "this is a bug in the query the program built; please report it"
        case .server: "see the PostgreSQL documentation for that SQLSTATE"
        }
    }

    /// Whose fault it is: a wrong URL, server, role, table or column is the request's (exit 64); a broken
    /// connection or a bug is not the user's (exit 1); a bad value in the table is bad input (65).
    public var fault: Diagnostic.Fault {
        switch self {
        case .badURL, .passwordFile, .cannotConnect, .authentication, .unknownDatabase, .unknownTable, .unknownColumn, .permissionDenied,
            .readOnly:
            .badRequest
        case .badValue: .badInput
        case .connectionLost, .cancelled, .notText, .server: .internal
        }
    }

    /// The same problem as the front ends' diagnostic.
    public var diagnostic: Diagnostic { Diagnostic(fault, message: description, hint: hint) }
}
