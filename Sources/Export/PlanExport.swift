import Planner
import PlannerCore
import PlannerIO
import Workbook

/// The formats a plan can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, xlsx, csv, md
}

/// Writes a plan's exports into a directory, each file atomically (temp file + rename), so a
/// reader never sees a half-written file and a failed run leaves earlier files whole.
public enum PlanExport {
    /// Writes the chosen formats and returns the paths written, in order.
    public static func write(_ plan: Plan, to directory: String, formats: [ExportFormat]) throws -> [String] {
        try Directory.create(directory)
        var written: [String] = []
        func put(_ name: String, _ text: String) throws(Diagnostic) {
            let path = "\(directory)/\(name)"
            try AtomicFile.write(text, to: path)
            written.append(path)
        }
        for format in ExportFormat.allCases where formats.contains(format) {
            switch format {
            case .json:
                try put("plan.json", plan.canonicalJSON)
            case .xlsx:
                let path = "\(directory)/plan.xlsx"
                try PlanWorkbook.make(plan).write(to: path)
                written.append(path)
            case .csv:
                for table in PlanTables.make(plan) { try put("\(table.name).csv", TableCSV.render(table)) }
            case .md:
                let report = try PlanReport(plan)
                for chart in report.charts { try put(chart.name, chart.svg) }
                try put("report.md", report.markdown)
            }
        }
        return written
    }
}
