import PlannerCore
import PlannerIO

/// A table's columns copied, row by row, into a CSV file: for the work that needs every customer
/// (an audience's send lists) rather than the segment cube, so that it runs over the same rules
/// as a CSV export. Rows stream through (constant memory), are ordered by the first column (the
/// customer id), so the file is the same bytes for the same table, and go to an owner-only file
/// written atomically: it holds personal data.
public enum PostgresTableCopy {
    /// Copies `columns` of `table` into a CSV at `path` whose header is the column names (SQL NULL
    /// and empty text both become an empty field, as an export writes them); returns the rows copied.
    /// - Throws: ``PostgresAccessError`` from the server, or the file's diagnostic.
    public static func write(table: String, columns: [String], reader: PostgresReader, to path: String) throws -> Int {
        precondition(!columns.isEmpty, "a copy needs at least one column")
        let selected = columns.map { "\(PostgresQueryText.identifier($0))::text" }.joined(separator: ", ")
        let query = PostgresQueryText(
            sql: "SELECT \(selected) FROM \(PostgresQueryText.identifier(table)) ORDER BY 1")
        let file = try AtomicFile.Writer(path: path, access: .ownerOnly)
        try file.append(CSVWriter.render(header: columns, rows: []))
        var count = 0
        var line = ""
        try reader.readBlocking(query) { _, values in
            line.removeAll(keepingCapacity: true)
            for (index, value) in values.enumerated() {
                if index > 0 { line.append(",") }
                line.append(CSVWriter.escape(value ?? ""))
            }
            line.append("\n")
            try file.append(line)
            count += 1
        }
        try file.commit()
        return count
    }
}
