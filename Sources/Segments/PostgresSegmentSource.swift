import Locales
import PlannerCore
import PostgresAccess

/// A table of customers in PostgreSQL, segmented where it lives: ``SegmentSQL`` runs there as one
/// parameterised GROUP BY query (values as `$n` parameters, identifiers quoted) and only the cube
/// crosses the network, streamed, to be read like a cube file (``SegmentCubeRows``).
///
/// The table's columns are the server's own list (`information_schema.columns`, in the table's
/// order) unless given, so a mapping naming a column the table lacks is an error before the query
/// runs. Messages name the server by ``PostgresSettings/description``, never with a password.
public struct PostgresSegmentSource: Sendable, Equatable, CustomStringConvertible {
    /// Where to connect and as whom (the password from `PGPASSWORD` or `~/.pgpass`).
    public var settings: PostgresSettings
    /// The table holding the customers: `name`, or `schema.name` when it is not on the search path.
    public var table: String
    /// The table's columns as the server lists them; nil: read from `information_schema.columns`.
    public var tableColumns: [String]?

    /// A source for `table` on the server of `settings`.
    public init(settings: PostgresSettings, table: String, tableColumns: [String]? = nil) {
        self.settings = settings
        self.table = table
        self.tableColumns = tableColumns
    }

    /// How reports and messages name the source: `postgres://user@host:port/db table customers`.
    public var description: String { "\(settings.description) table \(table)" }

    /// The statement listing `table`'s columns in their order; a name without a schema is looked up
    /// in the session's current schema. Both names travel as parameters.
    public static func columnsQuery(table: String) -> PostgresQueryText {
        let parts = table.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let schema = parts.count == 2 ? parts[0] : nil
        let name = parts.count == 2 ? parts[1] : table
        return PostgresQueryText(
            sql: """
                SELECT column_name::text FROM information_schema.columns \
                WHERE table_schema = coalesce($1::text, current_schema()) AND table_name = $2::text ORDER BY ordinal_position
                """,
            parameters: [schema, name])
    }

    /// The table's columns: ``tableColumns``, or the server's list.
    /// - Throws: the server's refusal, or an unknown table, as a ``Diagnostic`` saying what to fix.
    public func columns() throws(Diagnostic) -> [String] {
        if let tableColumns { return tableColumns }
        var names: [String] = []
        try Self.blocking(PostgresReader(settings: settings), Self.columnsQuery(table: table)) { values in
            if let name = values.first ?? nil { names.append(name) }
        }
        guard names.isEmpty else { return names }
        // information_schema lists only the columns a role may use: tell "not there" from "not yours".
        var exists = false
        try Self.blocking(
            PostgresReader(settings: settings),
            PostgresQueryText(
                sql: "SELECT (to_regclass($1::text) IS NOT NULL)::text", parameters: [PostgresQueryText.identifier(table)])
        ) { values in exists = values.first == "true" }
        if exists {
            throw PostgresAccessError.permissionDenied(
                server: settings.description, user: settings.user, message: "no column of table \"\(table)\" may be read"
            ).diagnostic
        }
        throw PostgresAccessError.unknownTable(server: settings.description, message: "no table \"\(table)\"").diagnostic
    }

    /// Runs the segmentation of `request` on the server and reads the cube it returns.
    func read(_ request: Segmentation.Request, catalog: LocaleCatalog) throws(Diagnostic) -> SegmentReadResult {
        let sql = try SegmentSQL(
            catalog: catalog, country: request.country, table: table, tableColumns: try columns(), mapping: request.mapping,
            asOf: request.asOf, dimension: request.dimension)
        let query = sql.query(.postgres)
        var header: [String] = []
        var rows: [(line: Int, values: [String?])] = []
        try Self.blocking(PostgresReader(settings: settings), PostgresQueryText(sql: query.text, parameters: query.parameters)) {
            columns, values in
            if header.isEmpty { header = columns }
            rows.append((line: rows.count + 1, values: values))
        }
        guard !header.isEmpty else {
            throw Diagnostic(
                .badInput, path: description, message: "the segmentation query returned no rows",
                hint: "a table with no rows has no customers to segment")
        }
        return try SegmentCubeRows.read(
            header: header, rows: rows, source: description, catalog: catalog, country: request.country, asOf: request.asOf,
            reach: request.mapping.reach)
    }

    /// ``PostgresReader/readBlocking(_:row:)`` with its errors as diagnostics.
    private static func blocking(
        _ reader: PostgresReader, _ query: PostgresQueryText, row: (_ columns: [String], _ values: [String?]) -> Void
    ) throws(Diagnostic) {
        do {
            try reader.readBlocking(query) { columns, values in row(columns, values) }
        } catch let error as any DiagnosticConvertible {
            throw error.diagnostic
        } catch {
            throw Diagnostic(.internal, path: reader.settings.description, message: "\(error)")
        }
    }

    private static func blocking(
        _ reader: PostgresReader, _ query: PostgresQueryText, row: (_ values: [String?]) -> Void
    ) throws(Diagnostic) {
        try blocking(reader, query) { _, values in row(values) }
    }
}
