import Dispatch
import Foundation
import Logging
import NIOSSL
import PlannerCore
import PostgresNIO

/// Runs one read-only statement on PostgreSQL and hands its rows, as text, to a closure while they
/// arrive: the server streams them with back-pressure (postgres-nio's row sequence), so a result of
/// any size passes through in constant memory.
///
/// The session is read-only (`default_transaction_read_only`), so nothing this program sends can
/// change the database; it is named `campaign-planner` in `pg_stat_activity`; and it asks the
/// server to check every second that the client is still there (`client_connection_check_interval`,
/// PostgreSQL 14 and later), so a cancelled or killed run stops its query on the server too.
/// Nothing is logged: postgres-nio's logger is silenced, and errors are ``PostgresAccessError``s,
/// which name the server without its password.
public struct PostgresReader: Sendable {
    /// Where to connect and as whom.
    public var settings: PostgresSettings

    /// A reader for `settings`.
    public init(settings: PostgresSettings) {
        self.settings = settings
    }

    /// Runs `query`; `row` gets each row's column names (the same array every time) and its values,
    /// nil for SQL NULL. The connection is closed at the end, on error and on cancellation.
    /// - Throws: ``PostgresAccessError`` for what the connection or server refused, or what `row` threw.
    public func read(_ query: PostgresQueryText, row: (_ columns: [String], _ values: [String?]) throws -> Void) async throws {
        let connection = try await connect()
        do {
            try await withTaskCancellationHandler {
                try await run(query, on: connection, row: row)
            } onCancel: {
                connection.close().whenComplete { _ in }
            }
        } catch {
            try? await connection.close()
            if Task.isCancelled { throw PostgresAccessError.cancelled(server: settings.description) }
            throw translated(error, connected: true)
        }
        try? await connection.close()
    }

    /// ``read(_:row:)`` for synchronous callers (the command line, a synchronous test, a web
    /// handler calling the planner), waiting on the calling thread while a task reads on a thread
    /// of its own (``OwnThreadExecutor``): the read never needs a cooperative-pool thread that a
    /// blocked caller holds, so it cannot deadlock on a machine with few cores.
    public func readBlocking(_ query: PostgresQueryText, row: (_ columns: [String], _ values: [String?]) throws -> Void) throws {
        try withoutActuallyEscaping(row) { row in
            // The task may outlive `done.signal()` by a moment; the box is emptied before the
            // closure's scope ends, so that nothing still refers to it then.
            let handler = UncheckedBox<((_ columns: [String], _ values: [String?]) throws -> Void)?>(row)
            let outcome = UncheckedBox<(any Error)?>(nil)
            let done = DispatchSemaphore(value: 0)
            let reader = self
            let executor = OwnThreadExecutor(name: "campaign-planner postgres")
            defer { executor.finish() }
            Task(executorPreference: executor) {
                do {
                    try await reader.read(query) { columns, values in try handler.value?(columns, values) }
                } catch {
                    outcome.value = error
                }
                done.signal()
            }
            done.wait()
            handler.value = nil
            if let error = outcome.value { throw error }
        }
    }

    private func connect() async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password,
            database: settings.database, tls: try tls())
        configuration.options.additionalStartupParameters = [
            ("application_name", "campaign-planner"), ("default_transaction_read_only", "on"),
        ]
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.silent)
            // Older servers (before 14) do not know the setting; the query runs without it.
            _ = try? await connection.query("SET client_connection_check_interval = 1000", logger: Self.silent)
            return connection
        } catch {
            throw translated(error, connected: false)
        }
    }

    private func run(
        _ query: PostgresQueryText, on connection: PostgresConnection, row: (_ columns: [String], _ values: [String?]) throws -> Void
    ) async throws {
        var bindings = PostgresBindings(capacity: query.parameters.count)
        for parameter in query.parameters { bindings.append(parameter) }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: query.sql, binds: bindings), logger: Self.silent)
        var columns: [String]? = nil
        var values: [String?] = []
        for try await result in rows {
            if columns == nil { columns = result.map(\.columnName) }
            values.removeAll(keepingCapacity: true)
            for cell in result {
                do {
                    values.append(try cell.decode(String?.self))
                } catch {
                    throw PostgresAccessError.notText(column: cell.columnName, type: "\(cell.dataType)")
                }
            }
            try row(columns!, values)
        }
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch settings.tls {
        case .disable: return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    /// postgres-nio's and the server's errors in the user's terms (``PostgresAccessError``).
    func translated(_ error: any Error, connected: Bool) -> any Error {
        let server = settings.description
        if error is PostgresAccessError || error is Diagnostic || error is any DiagnosticConvertible { return error }
        guard let error = error as? PSQLError else {
            return PostgresAccessError.cannotConnect(server: server, reason: Self.reason(error))
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? "?"
            let message = error.serverInfo?[.message] ?? "no message"
            return Self.serverError(state: state, message: message, settings: settings)
        case .authMechanismRequiresPassword:
            return PostgresAccessError.authentication(server: server, user: settings.user, passwordGiven: false)
        case .sslUnsupported:
            return PostgresAccessError.cannotConnect(
                server: server, reason: "the server does not offer TLS, which sslmode=\(settings.tls.rawValue) requires")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return connected
                ? PostgresAccessError.connectionLost(server: server)
                : PostgresAccessError.cannotConnect(server: server, reason: "the server closed the connection")
        case .queryCancelled:
            return PostgresAccessError.cancelled(server: server)
        default:
            let reason = error.underlying.map(Self.reason) ?? "\(error.code)"
            return connected
                ? PostgresAccessError.connectionLost(server: server)
                : PostgresAccessError.cannotConnect(server: server, reason: reason)
        }
    }

    /// A server error by its SQLSTATE (PostgreSQL documentation, Appendix A).
    static func serverError(state: String, message: String, settings: PostgresSettings) -> PostgresAccessError {
        let server = settings.description
        switch state {
        case "28P01", "28000": return .authentication(server: server, user: settings.user, passwordGiven: settings.password != nil)
        case "3D000": return .unknownDatabase(server: server, database: settings.database)
        case "42P01", "3F000": return .unknownTable(server: server, message: message)
        case "42703": return .unknownColumn(server: server, message: message)
        case "42501": return .permissionDenied(server: server, user: settings.user, message: message)
        case "25006": return .readOnly(server: server)
        case "57P01", "57P02", "57P03": return .connectionLost(server: server)
        case "57014": return .cancelled(server: server)
        case _ where state.hasPrefix("22"): return .badValue(server: server, sqlState: state)
        default: return .server(server: server, sqlState: state, message: message)
        }
    }

    /// A connection error's reason without NIO's type names where a plainer one exists.
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") {
            return "the connection was refused (no server listens there)"
        }
        if text.contains("connectTimeout") { return "no answer within the connect timeout" }
        if text.contains("NXDOMAIN") || text.contains("unknownHost") || text.contains("getaddrinfo") {
            return "the host name does not resolve"
        }
        return text
    }

    /// postgres-nio's logger, silenced: its metadata would carry connection details.
    static let silent = Logger(label: "campaign-planner.postgres") { _ in SwiftLogNoOpLogHandler() }
}

/// A value handed to a task that the caller waits for, so it is never used from two threads at once.
private final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
