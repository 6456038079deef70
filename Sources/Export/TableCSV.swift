import PlannerCore
import PlannerIO

/// Tables as CSV files that analysts' scripts read directly: a header row of column names, values
/// as ``Table/Value/plainText`` gives them (plain digits, `.` decimals, ISO dates, fractions).
public enum TableCSV {
    /// The CSV text of a table (RFC 4180, LF line ends).
    public static func render(_ table: Table) -> String {
        CSVWriter.render(header: table.header, rows: table.rows.map { $0.map(\.plainText) })
    }
}
