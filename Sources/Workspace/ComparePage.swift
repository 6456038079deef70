import Comparison
import Export
import PlannerCore

/// Two plans of the workspace compared as `compare` does: the changes table, the reasons and the
/// budget bridge (the comparison's own renderers).
enum ComparePage {
    static func render(folder: WorkspaceFolder, base: String?, other: String?) throws -> String {
        let plans = folder.plans
        var body = "<form method=\"get\" action=\"/compare\">"
        for (field, label, chosen) in [("base", "Base plan", base), ("other", "Compared plan", other)] {
            body += "<p><label for=\"\(field)\">\(label)</label> <select id=\"\(field)\" name=\"\(field)\">"
            for plan in plans { body += "<option\(plan == chosen ? " selected" : "")>\(HTML.escape(plan))</option>" }
            body += "</select></p>"
        }
        body += "<p><button type=\"submit\">Compare</button></p></form>"
        guard let base, let other else { return body }
        for name in [base, other] where name.contains("/") {
            throw Diagnostic(.badRequest, field: "plan", message: "'\(name)' is not a plan's name")
        }
        let relative = ["plans/\(base)/plan.json", "plans/\(other)/plan.json"]
        // Loaded from the workspace, named by their workspace paths: the page never shows where the workspace is.
        let files = try PlanFile.loadAll(try relative.map { path throws(Diagnostic) in try folder.path(path) }).enumerated().map {
            PlanFile(path: relative[$0.offset], plan: $0.element.plan)
        }
        let comparison = PlanComparison(files, by: .segment)
        let table = ComparisonTable(comparison).table
        body += "<section aria-labelledby=\"changes\"><h2 id=\"changes\">Changes</h2>"
        body += HTML.table(header: table.header, rows: table.rows.map { $0.map(\.displayText) }) + "</section>"
        let report = try ComparisonReport(comparison)
        body += "<section aria-labelledby=\"bridge\"><h2 id=\"bridge\">Bridge and reasons</h2>"
        for chart in report.charts { body += "<figure>\(chart.svg)<figcaption>\(HTML.escape(chart.name))</figcaption></figure>" }
        body += "<pre>\(HTML.escape(ComparisonText.render(comparison)))</pre></section>"
        return body
    }
}
