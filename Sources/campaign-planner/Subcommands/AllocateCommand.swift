import Allocation
import ArgumentParser
import Export
import Planner
import PlannerCore
import PlannerIO

/// `campaign-planner allocate`: the budget split over cells, with its optimality certificate.
struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split a budget over segment x channel cells, exactly, with a certificate of optimality.",
        discussion: """
            CELLS.csv columns: id,a,s,lo,hi (required; response r(b) = a·(1 − e^(−b/s))), channel,segment,min_spend,unit_cost (optional).
            Output CSV columns: id,budget,response,marginal,status, one row per cell in input order.
            The certificate (objective, dual bound, gap, λ) is printed to standard error.
            """
    )

    @Argument(help: "The cells CSV.") var cells: String
    @Option(help: "The total budget (spend at most this).") var budget: Double
    @Option(name: .customLong("channel-caps"), help: "CSV with columns channel,cap.") var channelCaps: String?
    @Option(name: .customLong("segment-limits"), help: "CSV with columns segment,min,max.") var segmentLimits: String?
    @Option(name: .customLong("min-marginal"), help: "Spend only while the next unit returns at least this.") var minMarginal: Double?
    @Option(help: "Also print the optimum at K budget levels (10% to 200% of the budget).") var frontier: Int?
    @Option(help: "Output format: table, csv or json.") var format: ListFormat = .table
    @Option(help: "Write the output to this file (atomically) instead of standard output.") var out: String?

    func validate() throws {
        guard budget >= 0, budget.isFinite else { throw ValidationError("--budget must be a non-negative amount") }
        if let frontier, frontier < 2 { throw ValidationError("--frontier needs at least 2 levels") }
    }

    func run() throws {
        let problem = AllocationProblem(
            cells: try AllocationInput.cells(path: cells, budget: budget), budget: budget,
            channelCaps: try channelCaps.map { path throws(Diagnostic) in try AllocationInput.channelCaps(path: path) } ?? [],
            segmentLimits: try segmentLimits.map { path throws(Diagnostic) in try AllocationInput.segmentLimits(path: path) } ?? [],
            marginalFloor: minMarginal)
        let levels = frontier.map { k in (0..<k).map { budget * (0.1 + 1.9 * Double($0) / Double(k - 1)) } }
        let report = try AllocationReport.solve(problem, frontierBudgets: levels, cellsPath: cells)
        let text = format == .json ? report.json() : format.tableFormat.render(report.table)
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
        Terminal.printError(AllocationReport.summary(report.result))
    }
}
