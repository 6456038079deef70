import PlannerIO

/// One CSV file per plan table, with a header row and the values as ``TableValue/plainText``
/// gives them (plain digits, `.` decimals, ISO dates), so analysts' scripts read them directly.
public enum PlanCSV {
    /// The CSV text of a table.
    public static func render(_ table: PlanTable) -> String {
        CSVWriter.render(header: table.header, rows: table.rows.map { $0.map(\.plainText) })
    }
}
