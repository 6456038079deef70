/// The SQL engines ``SegmentSQL`` writes for: each has its own spelling of integer division,
/// regular expressions, string literals and quoted identifiers.
public enum SQLDialect: String, Sendable, CaseIterable {
    /// PostgreSQL 12 or later.
    case postgres
    /// Spark SQL 3.3 or later (`spark-sql`, `spark.sql(...)`, Databricks).
    case spark
    /// DuckDB 1.0 or later.
    case duckdb
}

/// A query and its parameters: `$1`, `$2`, ... in `text` stand for `parameters[0]`, `[1]`, ...
/// (PostgreSQL's extended protocol; each placeholder is cast to its type in the text). A query
/// rendered with literals has no parameters.
public struct SQLQuery: Sendable, Equatable {
    /// The SQL text.
    public let text: String
    /// The values of `$1...$n`, as text, in order.
    public let parameters: [String]
}

/// Writes the pieces of a query in one dialect: values either as placeholders (collected in
/// `parameters`) or as escaped literals, identifiers always quoted. One generator, two renderings.
struct SQLWriter {
    let dialect: SQLDialect
    /// Whether values become `$n` placeholders (PostgreSQL only) instead of literals.
    let placeholders: Bool
    private(set) var parameters: [String] = []

    init(dialect: SQLDialect, placeholders: Bool) {
        self.dialect = dialect
        self.placeholders = placeholders && dialect == .postgres
    }

    /// A text value.
    mutating func text(_ value: String) -> String {
        if placeholders {
            parameters.append(value)
            return "$\(parameters.count)::text"
        }
        return Self.literal(value, dialect: dialect)
    }

    /// An integer value.
    mutating func int(_ value: Int64) -> String {
        if placeholders {
            parameters.append(String(value))
            return "$\(parameters.count)::bigint"
        }
        return value < 0 ? "(\(value))" : String(value)
    }

    /// A string literal: `'it''s'` (standard SQL); Spark reads backslash escapes, so `'it\'s'`.
    static func literal(_ value: String, dialect: SQLDialect) -> String {
        var out = "'"
        for character in value {
            switch (character, dialect) {
            case ("'", .spark): out += "\\'"
            case ("\\", .spark): out += "\\\\"
            case ("'", _): out += "''"
            default: out.append(character)
            }
        }
        return out + "'"
    }

    /// A quoted identifier: `"name"` (embedded `"` doubled), Spark `` `name` `` (`` ` `` doubled).
    func identifier(_ name: String) -> String {
        let quote: Character = dialect == .spark ? "`" : "\""
        var out = String(quote)
        for character in name {
            if character == quote { out.append(quote) }
            out.append(character)
        }
        return out + String(quote)
    }

    /// A table name, `schema.table` quoted part by part.
    func table(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { identifier(String($0)) }.joined(separator: ".")
    }

    /// The text type's name.
    var textType: String {
        switch dialect {
        case .postgres: "text"
        case .spark: "STRING"
        case .duckdb: "VARCHAR"
        }
    }

    /// `a / b` in integers (both non-negative: truncation is the floor).
    func div(_ a: String, _ b: String) -> String {
        switch dialect {
        case .postgres: "((\(a)) / (\(b)))"
        case .spark: "((\(a)) div (\(b)))"
        case .duckdb: "((\(a)) // (\(b)))"
        }
    }

    /// Whether `x` matches the regular expression `pattern` (anchored by the pattern itself).
    func matches(_ x: String, _ pattern: String) -> String {
        let p = Self.literal(pattern, dialect: dialect)
        switch dialect {
        case .postgres: return "(\(x) ~ \(p))"
        case .spark: return "(\(x) RLIKE \(p))"
        case .duckdb: return "regexp_matches(\(x), \(p))"
        }
    }

    /// The first group of `pattern` in `x` ('' when it does not match).
    func extract(_ x: String, _ pattern: String) -> String {
        let p = Self.literal(pattern, dialect: dialect)
        switch dialect {
        case .postgres: return "coalesce(substring(\(x) from \(p)), '')"
        case .spark, .duckdb: return "regexp_extract(\(x), \(p), 1)"
        }
    }

    /// `x` without leading and trailing spaces and tabs, '' for NULL, whatever the column's type.
    func trimmed(_ column: String) -> String {
        let x = "CAST(\(identifier(column)) AS \(textType))"
        switch dialect {
        case .postgres: return "coalesce(btrim(\(x), ' ' || chr(9)), '')"
        case .spark: return "coalesce(trim(BOTH concat(' ', chr(9)) FROM \(x)), '')"
        case .duckdb: return "coalesce(trim(\(x), ' ' || chr(9)), '')"
        }
    }

    /// 1-based position of `needle` in `x` (0: absent).
    func position(_ needle: String, in x: String) -> String {
        switch dialect {
        case .postgres, .duckdb: "strpos(\(x), '\(needle)')"
        case .spark: "instr(\(x), '\(needle)')"
        }
    }

    /// `x >> n` on a 64-bit integer.
    func shiftRight(_ x: String, _ n: String) -> String {
        dialect == .spark ? "shiftright(\(x), \(n))" : "((\(x)) >> (\(n)))"
    }

    /// The first 13 hex digits of MD5(`x`) as an integer (``LanguageImputation/md5Prefix(_:)``).
    func md5Prefix(_ x: String) -> String {
        switch dialect {
        case .postgres: "(('x' || substr(md5(\(x)), 1, 13))::bit(52)::bigint)"
        case .spark: "CAST(conv(substr(md5(\(x)), 1, 13), 16, 10) AS BIGINT)"
        case .duckdb: "CAST(('0x' || substr(md5(\(x)), 1, 13)) AS BIGINT)"
        }
    }

    /// A double-precision value of `x`.
    func double(_ x: String) -> String { "CAST(\(x) AS \(dialect == .postgres ? "double precision" : "DOUBLE"))" }

    /// A value as exact 38-digit decimal.
    func decimal(_ x: String) -> String { "CAST(\(x) AS \(dialect == .postgres ? "numeric" : "DECIMAL(38,0)"))" }

    /// An output column: text for PostgreSQL (so a client reads every column as a string).
    func output(_ x: String, as name: String) -> String {
        dialect == .postgres ? "CAST(\(x) AS text) AS \(name)" : "\(x) AS \(name)"
    }
}
