import PlannerCore

/// Tables as deterministic JSON: numbers as numbers with their fixed decimals, lists as arrays,
/// undefined values as `null`; rows as objects keyed by column name (or one object of facts for a
/// ``Table/Layout/fields`` table).
public enum TableJSON {
    /// The JSON text of a table, pretty-printed, ending with a newline.
    public static func render(_ table: Table) -> String { value(table).render() + "\n" }

    /// The table as a JSON value, to embed in a larger document.
    public static func value(_ table: Table) -> JSONValue {
        switch table.layout {
        case .records:
            return .array(table.rows.map(record(table)))
        case .fields:
            return .object(table.rows.map { row in (row.first?.plainText ?? "", row.count > 1 ? value(row[1]) : .null) })
        }
    }

    /// One row as an object keyed by the table's column names.
    public static func record(_ table: Table) -> ([Table.Value]) -> JSONValue {
        { row in .object(zip(table.header, row).map { ($0, value($1)) }) }
    }

    /// One value: text and dates as strings, numbers as numbers, lists as arrays, nothing as null.
    public static func value(_ value: Table.Value) -> JSONValue {
        switch value {
        case .text(let s): .string(s)
        case .date(let d): .string(d.description)
        case .list(let items): .array(items.map(JSONValue.string))
        case .empty, .percent(nil): .null
        case .count, .money, .decimal, .percent: .number(value.plainText)
        }
    }
}
