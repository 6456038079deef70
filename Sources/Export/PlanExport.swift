import Planner
import PlannerCore
import PlannerIO
import Workbook

/// The formats a plan can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// `plan.json`, the plan itself (what `compare` reads back).
    case json
    /// `plan.xlsx`, one sheet per table with live totals.
    case xlsx
    /// One CSV file per table.
    case csv
    /// `report.md` with SVG charts.
    case md
    /// `plan.pdf`, the workbook's sheets printed by LibreOffice (which must be installed).
    case pdf
}

/// Writes a plan's exports into a directory, each file atomically (temp file + rename), so a
/// reader never sees a half-written file and a failed run leaves earlier files whole.
public enum PlanExport {
    /// Writes the chosen formats and returns the paths written, in order. When `pdf` is asked
    /// for and LibreOffice is missing, fails before writing anything (``check(formats:using:)``).
    public static func write(
        _ plan: Plan, to directory: String, formats: [ExportFormat], using converter: OfficeConverter = OfficeConverter()
    ) throws -> [String] {
        try check(formats: formats, using: converter)
        var folder = try OutputFolder(directory)
        for format in ExportFormat.allCases where formats.contains(format) {
            switch format {
            case .json:
                try folder.put("plan.json", plan.canonicalJSON)
            case .xlsx:
                try folder.put("plan.xlsx", workbook: PlanWorkbook.make(plan))
            case .csv:
                for table in PlanTables.make(plan) { try folder.put("\(table.name).csv", TableCSV.render(table)) }
            case .md:
                let report = try PlanReport(plan)
                for chart in report.charts { try folder.put(chart.name, chart.svg) }
                try folder.put("report.md", report.markdown)
            case .pdf:
                try PlanWorkbook.writePDF(plan, to: folder.path("plan.pdf"), using: converter)
                folder.record("plan.pdf")
            }
        }
        return folder.written
    }

    /// Whether this machine can write `formats`: the PDF needs LibreOffice
    /// (``ConversionError/notInstalled`` otherwise), so a run can fail before it does any work.
    public static func check(formats: [ExportFormat], using converter: OfficeConverter = OfficeConverter()) throws(ConversionError) {
        if formats.contains(.pdf) { _ = try converter.requireInstalled() }
    }
}
