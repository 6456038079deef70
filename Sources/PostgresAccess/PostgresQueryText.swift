import Foundation

/// One parameterised statement: SQL text with `$1`...`$n` placeholders, and the values, which
/// travel to the server apart from the text (the extended query protocol), so no value is ever
/// spliced into SQL. A nil value is SQL NULL.
public struct PostgresQueryText: Sendable, Equatable {
    /// The statement, identifiers quoted, values only as placeholders.
    public var sql: String
    /// The values of `$1`...`$n`, in order, sent as text.
    public var parameters: [String?]

    /// A statement and its parameter values.
    public init(sql: String, parameters: [String?] = []) {
        self.sql = sql
        self.parameters = parameters
    }

    /// `name` as a quoted SQL identifier: in double quotes, a double quote doubled; a dotted name
    /// (`schema.table`) quotes each part.
    public static func identifier(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false)
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: ".")
    }
}
