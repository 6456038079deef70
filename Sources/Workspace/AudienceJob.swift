import Audience
import Export
import Planner
import PlannerCore
import PlannerIO

/// A plan's audience made from the workspace, as `campaign-planner audience` makes it: every send
/// list into `plans/NAME/audience/` (owner-only files), from the customer export the plan records.
struct AudienceJob: Sendable {
    let folder: WorkspaceFolder
    let dataRoot: String
    /// The plan's name (its folder in `plans/`).
    let name: String

    /// The audience folder, relative to the workspace.
    var relativeFolder: String { "plans/\(name)/audience" }

    /// Builds the audience off the server's event loop.
    /// - Throws: a `.badRequest` for a plan made from a cube or a PostgreSQL table (its audience is
    ///   made with the command line, which copies the table), or what the audience run hits.
    func start() async throws -> AudienceRun.Outcome {
        guard !name.isEmpty, !name.contains("/") else {
            throw Diagnostic(.badRequest, field: "name", message: "'\(name)' is not a plan's name")
        }
        let planPath = try folder.path("plans/\(name)/plan.json")
        let out = try folder.path(relativeFolder)
        let plan = try Plan.load(planPath)
        if let source = plan.input.source {
            throw Diagnostic(
                .badRequest, field: "input.source",
                message: "this plan's customers are in a \(source == "cube" ? "cube" : "PostgreSQL table")",
                hint: "make its audience with the command line: campaign-planner audience plans/\(name)/plan.json")
        }
        let request = AudienceRequest(plan: plan, planPath: planPath, dataRoot: dataRoot)
        return try await Task.detached { try AudienceRun.run(request, to: out) }.value
    }

    /// The totals of an audience already made (`audience-summary.csv`): planned and assigned
    /// messages and ghost sends of held-out customers, or nil when there is none.
    static func totals(in directory: String) -> (planned: Int, assigned: Int, heldOut: Int)? {
        guard let table = try? CSVTable(path: "\(directory)/audience-summary.csv"),
            let p = table.header.firstIndex(of: "planned"), let a = table.header.firstIndex(of: "assigned"),
            let h = table.header.firstIndex(of: "held_out")
        else { return nil }
        var totals = (planned: 0, assigned: 0, heldOut: 0)
        for row in table.rows {
            totals.planned += Int(row.values[p]) ?? 0
            totals.assigned += Int(row.values[a]) ?? 0
            totals.heldOut += Int(row.values[h]) ?? 0
        }
        return totals
    }
}
