import ArgumentParser
import Comparison
import Export
import PlannerIO
import Results

/// `campaign-planner compare`: plan.json files side by side for a budget review, with reconciled
/// deltas, reasons and the budget bridge.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare plans (plan.json) side by side: budget deltas per key, lines added and removed, reasons, budget bridge.",
        discussion: """
            The first plan is the base; every other plan is compared with it. Each changed line's delta goes to the first of
            these drivers that applies: its message (SMS segments), its festival window, its segment's size or reach, a
            changed brief field (rates, costs, thresholds), the budget; otherwise the optimiser's reallocation.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, xlsx, md, pdf
    }

    @Argument(help: "The base plan.json, then one or more plans to compare with it.") var plans: [String]
    @Option(help: "Group lines by: segment, region, language, festival, channel or line.") var by: ComparisonKey = .segment
    @Option(help: "Output format: table, csv, json, xlsx or pdf (both need --out; pdf needs LibreOffice) or md.") var format: Format =
        .table
    @Option(help: "Write to this file instead of standard output (md: charts beside it).") var out: String?
    @Option(
        help: ArgumentHelp(
            "The base plan's results.json (campaign-planner results): its plan against actuals per --by key (channel, festival, segment, line); with one plan, that table alone.",
            valueName: "results.json"))
    var actuals: String?

    func validate() throws {
        guard plans.count >= 2 || (actuals != nil && plans.count == 1) else {
            throw ValidationError("give a base plan and at least one other plan to compare (or one plan and --actuals)")
        }
        if actuals != nil, format == .xlsx || format == .pdf { throw ValidationError("--actuals works with table, csv, json and md") }
        if format == .xlsx, out == nil { throw ValidationError("--format xlsx needs --out FILE.xlsx") }
        if format == .pdf, out == nil { throw ValidationError("--format pdf needs --out FILE.pdf") }
    }

    func run() throws {
        let comparison = PlanComparison(try PlanFile.loadAll(plans), by: by)
        if let actuals {
            let table = try PlanActuals.table(comparison, results: CampaignResults.load(actuals), path: actuals)
            let rendered =
                switch format {
                case .csv: TableCSV.render(table)
                case .json: TableFormat.json.render(table)
                case .md: TableMarkdown.render(table)
                default: TableFormat.terminal.render(table)
                }
            // One plan, or a one-table format: the plan against actuals alone.
            if plans.count == 1 || format == .csv || format == .json {
                if let out { try AtomicFile.write(rendered, to: out) } else { print(rendered, terminator: "") }
                return
            }
            try write(comparison, then: "\n" + rendered)
            return
        }
        try write(comparison)
    }

    /// Writes the comparison in the chosen format, followed by `extra` (text formats only).
    func write(_ comparison: PlanComparison, then extra: String = "") throws {
        let text: String
        switch format {
        case .table: text = ComparisonText.render(comparison)
        case .csv: text = TableCSV.render(ComparisonTable(comparison).table)
        case .json: text = ComparisonJSON.render(comparison)
        case .xlsx:
            try ComparisonWorkbook.write(comparison, to: out!)
            return
        case .pdf:
            try ComparisonWorkbook.writePDF(comparison, to: out!)
            return
        case .md:
            let report = try ComparisonReport(comparison, embedCharts: out == nil)
            if let out {
                for chart in report.charts { try AtomicFile.write(chart.svg, to: "\(Self.directory(of: out))/\(chart.name)") }
            }
            text = report.markdown
        }
        if let out { try AtomicFile.write(text + extra, to: out) } else { print(text + extra, terminator: "") }
    }

    /// The folder holding `path` (`.` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension ComparisonKey: ExpressibleByArgument {}
