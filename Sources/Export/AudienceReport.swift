import Audience
import Planner
import PlannerCore
import PlannerIO
import Segments

/// The audience's summary (`audience-summary.csv`) and its section of `report.md`: counts and
/// money only, never a phone, email or name.
public enum AudienceReport {
    /// Per plan line: planned and assigned messages, held out, the shortfall by reason, planned
    /// and actual cost.
    public static func summaryCSV(_ result: AudienceResult) -> String {
        var writer = CSVWriter(
            header: ["line", "segment", "festival", "channel", "planned", "assigned", "held_out"] + SkipReason.allCases.map(\.rawValue)
                + ["planned_cost", "actual_cost", "over_worst_sms_segments"])
        for outcome in result.outcomes {
            writer.appendRow(
                [
                    outcome.line.id, outcome.line.segment, outcome.line.festival, outcome.line.channel, String(outcome.planned),
                    String(outcome.assigned), String(outcome.heldOut),
                ] + SkipReason.allCases.map { String(outcome.skipped[$0] ?? 0) } + [
                    outcome.line.budget.description, AudienceFiles.amount(outcome.actualCost), String(outcome.overWorstSegments),
                ])
        }
        return writer.text
    }

    /// The `report.md` section: the rules in words, the holdout SQL, totals and the lines that
    /// fell short, with their reasons; `title` starts it with a page title (its own `report.md`).
    public static func markdown(_ result: AudienceResult, plan: Plan, title: Bool = true) -> String {
        let rules = result.rules
        let planned = result.outcomes.map(\.planned).reduce(0, +)
        let assigned = result.outcomes.map(\.assigned).reduce(0, +)
        let ghosts = result.outcomes.map(\.heldOut).reduce(0, +)
        let plannedCost = result.outcomes.map { $0.line.budget.minor * 100 }.reduce(0, +)
        let actualCost = result.outcomes.map(\.actualCost).reduce(0, +)
        let heldOut = result.segments.map(\.heldOut).reduce(0, +)
        var text = title ? "# Audience: \(TableMarkdown.cell(plan.name))\n\n" : ""
        text += "## Audience\n\n"
        text += "| | |\n|---|---|\n"
        text += "| campaign id | `\(rules.campaignID)` |\n"
        text += "| customer rows read | \(result.rowsRead) (\(result.rowsRejected.values.reduce(0, +)) rejected by the segment rules) |\n"
        text += "| customers in no plan segment | \(result.outsideSegments) |\n"
        text +=
            "| held out | \(heldOut) of \(result.segments.map(\.customers).reduce(0, +)) customers (share \(DecimalText.fixed(rules.holdoutShare, places: 4)) per segment) |\n"
        text += "| messages planned / assigned | \(planned) / \(assigned) |\n"
        text += "| ghost sends of held-out customers | \(ghosts) |\n"
        text +=
            "| cost planned / actual (\(plan.currency)) | \(AudienceFiles.amount(plannedCost)) / \(AudienceFiles.amount(actualCost)) |\n"
        text += "| invalid contacts (rejects.csv) | \(result.rejects.count) |\n\n"
        text += "### How customers are chosen\n\n"
        if let segmentation = plan.segmentation {
            let scored = segmentation.valueCuts.map { "; tiers scored as the plan scored them: \($0.summary)" } ?? ""
            text +=
                "- Every customer belongs to exactly one plan segment: its region, language and \(segmentation.dimension.rawValue) group after the plan's roll-up (region, else its zone, else the country; last, the country segment of a language's small groups together)\(scored).\n"
        } else {
            text +=
                "- Every customer belongs to exactly one plan segment: its region and language after the plan's roll-up (region, else its zone, else the country).\n"
        }
        text +=
            "- Holdout: in each segment, customers are ordered by `md5('\(rules.campaignID):' || customer_id)` and the first `round(\(DecimalText.fixed(rules.holdoutShare, places: 4)) × customers)` are held out: never messaged, for every festival and channel. The same group in SQL (PostgreSQL, DuckDB):\n\n"
        text += "```sql\n\(Holdout.sql(campaignID: rules.campaignID, share: rules.holdoutShare))\n```\n\n"
        text +=
            "- When a line sends fewer messages than its segment's reachable customers, the most likely to respond get them: \(ResponseScore.description).\n"
        text +=
            "- Frequency cap: at most \(rules.cap.messages) messages per customer in any \(rules.cap.days) days, across festivals and channels; festivals in flight order, and within a festival the channels in order of value per message.\n"
        text +=
            "- Send times: a line's sends are spread evenly over its flight's days (each send on the least-loaded day that the customer's cap allows, at most ceil(messages ÷ days) a day), and each day's sends evenly over the channel's window inside 09:00-21:00 local time.\n"
        text +=
            "- Contacts: mobiles normalised to E.164 (`+91` and ten digits starting 6-9), emails checked; an invalid one goes to `rejects.csv` with its line; a phone or email shared by several customer ids gets one message per festival and channel.\n"
        text +=
            "- Each message is rendered for its customer with the customer's own name (control and bidi characters removed; the first name when the full name is longer than the template allows), and its SMS segments counted on the rendered text.\n"
        text +=
            "- Held-out customers are assigned the same way (their ghost sends, `holdout.csv`), so results compare messaged customers with held-out customers who would have been messaged.\n\n"
        let short = result.outcomes.filter { $0.assigned != $0.planned }
        text += "### Lines that send fewer messages than planned (\(short.count) of \(result.outcomes.count))\n\n"
        if !short.isEmpty {
            text += "| line | segment | festival | channel | planned | assigned | reasons |\n|---|---|---|---|---:|---:|---|\n"
            for outcome in short {
                let reasons = outcome.skipped.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                text +=
                    "| \(outcome.line.id) | \(outcome.line.segment) | \(outcome.line.festival) | \(outcome.line.channel) | \(outcome.planned) | \(outcome.assigned) | \(reasons) |\n"
            }
            text += "\n"
        }
        text += "Reasons: " + SkipReason.allCases.map { "`\($0.rawValue)`: \($0.words)" }.joined(separator: "; ") + ".\n\n"
        let over = result.outcomes.map(\.overWorstSegments).reduce(0, +)
        if over > 0 { text += "\(over) SMS sends take more segments than their template's worst case allows.\n\n" }
        if !result.warnings.isEmpty {
            text += "### Warnings\n\n" + result.warnings.map { "- \(TableMarkdown.cell($0))\n" }.joined() + "\n"
        }
        return text
    }
}
