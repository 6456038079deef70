import Comparison
import Export
import PlannerCore
import Results

/// Two plans of the workspace compared as `compare` does (the changes table, the reasons and the
/// budget bridge, the comparison's own renderers), and a plan against its results when
/// `campaign-planner results` has measured them into `plans/NAME/results/` (`compare --actuals`).
enum ComparePage {
    /// The choice form, then what was asked: `base` and `other` compared, and/or `base` against the
    /// results of the plan `results` (which must be `base`).
    static func render(folder: WorkspaceFolder, base: String?, other: String?, results: String?, ui: InterfaceText) throws -> String {
        let plans = folder.plans
        var body = "<form method=\"get\" action=\"/compare\">"
        body += select("base", label: ui[.compareBase], options: plans.map { ($0, $0) }, chosen: base)
        body += select("other", label: ui[.compareOther], options: [("", ui[.compareNoOther])] + plans.map { ($0, $0) }, chosen: other)
        let measured = folder.measuredPlans
        body += select(
            "results", label: ui[.compareResults],
            options: [("", ui[.compareNoResults])] + measured.map { ($0, "plans/\($0)/results/results.json") },
            chosen: results)
        body += "<p><button type=\"submit\">\(HTML.escape(ui[.compareButton]))</button></p></form>"
        let other = other.flatMap { $0.isEmpty ? nil : $0 }
        let results = results.flatMap { $0.isEmpty ? nil : $0 }
        guard let base, other != nil || results != nil else { return body }
        for name in [base, other, results].compactMap({ $0 }) where name.contains("/") {
            throw Diagnostic(.badRequest, field: "plan", message: "'\(name)' is not a plan's name")
        }
        let relative = ([base] + (other.map { [$0] } ?? [])).map { "plans/\($0)/plan.json" }
        // Loaded from the workspace, named by their workspace paths: the page never shows where the workspace is.
        let files = try PlanFile.loadAll(try relative.map { path throws(Diagnostic) in try folder.path(path) }).enumerated().map {
            PlanFile(path: relative[$0.offset], plan: $0.element.plan)
        }
        let comparison = PlanComparison(files, by: .segment)
        if let results {
            let path = "plans/\(results)/results/results.json"
            let actuals = try PlanActuals.table(comparison, results: CampaignResults.load(try folder.path(path)), path: path)
            body += "<section aria-labelledby=\"actuals\"><h2 id=\"actuals\">\(HTML.escape(ui[.compareActuals]))</h2>"
            body += "<div\(ui.englishAttribute)>" + HTML.table(header: actuals.header, rows: actuals.rows.map { $0.map(\.displayText) })
            body += "</div></section>"
        }
        guard other != nil else { return body }
        let table = ComparisonTable(comparison).table
        body +=
            "<section aria-labelledby=\"changes\"><h2 id=\"changes\">\(HTML.escape(ui[.compareChanges]))</h2><div\(ui.englishAttribute)>"
        body += HTML.table(header: table.header, rows: table.rows.map { $0.map(\.displayText) }) + "</div></section>"
        let report = try ComparisonReport(comparison)
        body += "<section aria-labelledby=\"bridge\"><h2 id=\"bridge\">\(HTML.escape(ui[.compareBridge]))</h2>"
        for chart in report.charts { body += "<figure>\(chart.svg)<figcaption>\(HTML.escape(chart.name))</figcaption></figure>" }
        body += "<pre\(ui.englishAttribute)>\(HTML.escape(ComparisonText.render(comparison)))</pre></section>"
        return body
    }

    /// A labelled `<select>` named `field` of (value, shown text) options, `chosen` selected.
    static func select(_ field: String, label: String, options: [(value: String, text: String)], chosen: String?) -> String {
        var html = "<p><label for=\"\(field)\">\(HTML.escape(label))</label> <select id=\"\(field)\" name=\"\(field)\">"
        for option in options {
            let selected = option.value == (chosen ?? "") ? " selected" : ""
            html += "<option value=\"\(HTML.escape(option.value))\"\(selected)>\(HTML.escape(option.text))</option>"
        }
        return html + "</select></p>"
    }
}
