import PlannerCore

/// The text formats every table renders in, once, here: a front end picks one and prints it.
public enum TableFormat: String, Sendable, CaseIterable {
    /// Padded columns for a terminal.
    case terminal
    /// RFC 4180 CSV.
    case csv
    /// A Markdown table.
    case markdown
    /// Deterministic JSON.
    case json

    /// `table` in this format.
    public func render(_ table: Table) -> String {
        switch self {
        case .terminal: TableText.render(table)
        case .csv: TableCSV.render(table)
        case .markdown: TableMarkdown.render(table)
        case .json: TableJSON.render(table)
        }
    }
}
