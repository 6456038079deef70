import Export
import Planner
import PlannerCore

/// One plan run from the workspace: the brief `NAME.yaml` planned into `plans/NAME/` with every
/// format the plan command writes by default (json, xlsx, csv, md), through `PlanRun` as `plan` does.
struct PlanJob: Sendable {
    let folder: WorkspaceFolder
    let dataRoot: String
    let brief: String

    /// The plan's name: the brief's file name without `.yaml`.
    var name: String { brief.hasSuffix(".yaml") ? String(brief.dropLast(5)) : brief }

    /// Runs the plan off the server's event loop and returns it.
    func start() async throws -> Plan {
        guard brief.hasSuffix(".yaml"), !brief.contains("/") else {
            throw Diagnostic(.badRequest, field: "brief", message: "'\(brief)' is not a brief in the workspace")
        }
        let briefPath = try folder.path(brief)
        try folder.confine(try Brief.load(path: briefPath))
        let out = try folder.path("plans/\(name)")
        let request = PlanRequest(briefPath: briefPath, dataRoot: dataRoot)
        return try await Task.detached {
            try PlanRun.run(request, to: out, formats: [.json, .xlsx, .csv, .md], rejectsPath: "\(out)/rejects.csv").plan
        }.value
    }
}
