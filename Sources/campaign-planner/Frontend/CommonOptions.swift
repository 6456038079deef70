import ArgumentParser
import Export
import PlannerCore
import PlannerIO

/// Output formats shared by the listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// The renderer of a table in this format (`table` is the terminal's).
    var tableFormat: TableFormat {
        switch self {
        case .table: .terminal
        case .csv: .csv
        case .json: .json
        }
    }
}

/// Where the data folders are.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"), help: "Folder holding locales/, calendars/ and templates/ (default: found from the current directory).")
    var directory: String?

    func root() throws(Diagnostic) -> String { try DataDirectory.locate(explicit: directory) }
}
