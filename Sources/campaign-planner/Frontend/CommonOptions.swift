import ArgumentParser
import PlannerCore
import PlannerIO

/// Output formats shared by the listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Where the data folders are.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"), help: "Folder holding locales/, calendars/ and templates/ (default: found from the current directory).")
    var directory: String?

    func root() throws(Diagnostic) -> String { try DataDirectory.locate(explicit: directory) }
}
