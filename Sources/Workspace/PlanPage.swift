import Export
import ICUKit
import Planner
import PlannerCore

/// A plan as a page: summary, the lines table (sortable, filtered by state, language, festival
/// and channel in the browser), the report's charts (budget, flight calendar), exclusions with
/// reasons, each message in its script (`lang`) with SMS segments and cost, and the downloads.
enum PlanPage {
    static func render(_ plan: Plan, name: String, folder: WorkspaceFolder, secrets: WorkspaceSecrets, ui: InterfaceText) throws -> String {
        var body = "<section aria-labelledby=\"summary\"><h2 id=\"summary\">\(HTML.escape(ui[.summary]))</h2>"
        body += "<pre\(ui.englishAttribute)>\(HTML.escape(PlanSummary.render(plan)))</pre></section>"
        body += downloads(name: name, folder: folder, ui: ui)
        body += audience(name: name, folder: folder, secrets: secrets, ui: ui)
        body += "<section aria-labelledby=\"lines\"><h2 id=\"lines\">\(HTML.escape(ui[.lines]))</h2>"
        body += "<div class=\"filters\" data-filters-for=\"plan-lines\">"
        for (key, label, values) in [
            ("region", InterfaceKey.columnState, Set(plan.lines.map(\.region))),
            ("language", .columnLanguage, Set(plan.lines.map(\.language))),
            ("festival", .columnFestival, Set(plan.lines.map(\.festival))), ("channel", .columnChannel, Set(plan.lines.map(\.channel))),
        ] {
            body += "<label for=\"filter-\(key)\">\(HTML.escape(ui[label]))</label> <select id=\"filter-\(key)\" data-filter=\"\(key)\">"
            body += "<option value=\"\">\(HTML.escape(ui[.filterAll]))</option>"
            for value in values.sorted() { body += "<option>\(HTML.escape(value))</option>" }
            body += "</select> "
        }
        body += "</div><table id=\"plan-lines\" class=\"sortable\"><thead><tr>"
        let columns: [InterfaceKey] = [
            .columnSegment, .columnState, .columnLanguage, .columnFestival, .columnChannel, .columnTemplate, .columnFrom, .columnTo,
            .columnMessages, .columnBudget, .columnStatus,
        ]
        for column in columns {
            body += "<th scope=\"col\"><button type=\"button\" data-sort>\(HTML.escape(ui[column]))</button></th>"
        }
        body += "</tr></thead><tbody>"
        for line in plan.lines {
            body +=
                "<tr data-region=\"\(HTML.escape(line.region))\" data-language=\"\(HTML.escape(line.language))\" data-festival=\"\(HTML.escape(line.festival))\" data-channel=\"\(HTML.escape(line.channel))\">"
            let cells = [
                line.segment, line.region, line.language, line.festivalName, line.channel, line.template, line.flight.start.description,
                line.flight.end.description, String(line.forecast.messages), line.budget.description, line.status,
            ]
            body += cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        body += "</tbody></table></section>"
        let report = try PlanReport(plan)
        body += "<section aria-labelledby=\"charts\"><h2 id=\"charts\">\(HTML.escape(ui[.charts]))</h2>"
        for chart in report.charts { body += "<figure>\(chart.svg)<figcaption>\(HTML.escape(chart.name))</figcaption></figure>" }
        body += "</section>"
        body += "<section aria-labelledby=\"excluded\"><h2 id=\"excluded\">\(HTML.escape(ui[.exclusions]))</h2>"
        body += HTML.table(
            header: [ui[.columnSegment], ui[.columnFestival], ui[.columnChannel], ui[.columnReason]],
            rows: plan.excluded.map { [$0.segment, $0.festival ?? "", $0.channel ?? "", $0.reason] })
        body += "</section><section aria-labelledby=\"messages\"><h2 id=\"messages\">\(HTML.escape(ui[.messages]))</h2><table><thead><tr>"
        for column in [
            InterfaceKey.columnSegment, .columnFestival, .columnChannel, .columnMessage, .columnSMSSegments, .columnCostPerMessage,
        ] {
            body += "<th scope=\"col\">\(HTML.escape(ui[column]))</th>"
        }
        body += "</tr></thead><tbody>"
        for message in plan.messages {
            body +=
                "<tr><td>\(HTML.escape(message.segment))</td><td>\(HTML.escape(message.festival))</td><td>\(HTML.escape(message.channel))</td>"
            body += "<td lang=\"\(HTML.escape(message.language))\" class=\"message\">\(HTML.escape(message.text))</td>"
            body += "<td>\(message.smsSegments)</td><td>\(HTML.escape(PlanPage.cost(message.costPerMessage)))</td></tr>"
        }
        body += "</tbody></table></section>"
        return body
    }

    /// The audience: its totals when made, and the button that makes it (again) from the plan's export.
    static func audience(name: String, folder: WorkspaceFolder, secrets: WorkspaceSecrets, ui: InterfaceText) -> String {
        var body = "<section aria-labelledby=\"audience\"><h2 id=\"audience\">\(HTML.escape(ui[.audience]))</h2>"
        let totals = (try? folder.path("plans/\(name)/audience")).flatMap { AudienceJob.totals(in: $0) }
        if let totals {
            let counts: [String: MessageValue] = [
                "planned": .integer(totals.planned), "assigned": .integer(totals.assigned), "held": .integer(totals.heldOut),
            ]
            body += "<p role=\"status\">\(HTML.escape(ui(.audienceMade, counts)))</p>"
        } else {
            body += "<p>\(HTML.escape(ui[.audienceExplained]))</p>"
        }
        body += "<form method=\"post\" action=\"/audience\">" + Pages.csrfInput(secrets)
        body += "<input type=\"hidden\" name=\"name\" value=\"\(HTML.escape(name))\">"
        body += "<button type=\"submit\">\(HTML.escape(ui[totals == nil ? .audienceMake : .audienceRemake]))</button></form></section>"
        return body
    }

    static func cost(_ value: Double) -> String {
        let text = String(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Links to every file the run wrote (plan.xlsx, plan.json, the CSVs, report), and the audience and results files when made.
    static func downloads(name: String, folder: WorkspaceFolder, ui: InterfaceText) -> String {
        var body = "<section aria-labelledby=\"downloads\"><h2 id=\"downloads\">\(HTML.escape(ui[.downloads]))</h2><ul>"
        for sub in ["plans/\(name)", "plans/\(name)/audience", "plans/\(name)/results"] {
            for file in folder.files(in: sub, ending: "") where file != "rejects.csv" {
                body +=
                    "<li><a href=\"\(HTML.link("/download", [("path", "\(sub)/\(file)")]))\">\(HTML.escape(sub == "plans/\(name)" ? file : "\(sub.split(separator: "/").last!)/\(file)"))</a></li>"
            }
        }
        return body + "</ul></section>"
    }
}
