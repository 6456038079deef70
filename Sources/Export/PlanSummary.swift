import Planner
import PlannerCore
import PlannerIO

/// The short summary the `plan` command prints: budget by festival and channel, and the totals.
public enum PlanSummary {
    /// The summary text: counts of segments, plan lines and exclusions, budget and messages per
    /// festival and channel (sorted by festival name, then channel), then the budget, allocated,
    /// unspent, base revenue, ROI and the optimiser's certificate line; ends with a newline.
    public static func render(_ plan: Plan) -> String {
        var totals: [String: Money] = [:]
        var counts: [String: Int] = [:]
        for line in plan.lines {
            let key = "\(line.festivalName)\t\(line.channel)"
            totals[key, default: .zero] = totals[key, default: .zero] + line.budget
            counts[key, default: 0] += line.forecast.messages
        }
        let rows = totals.keys.sorted().map { key -> [String] in
            let parts = key.split(separator: "\t").map(String.init)
            return [parts[0], parts[1], totals[key]!.description, String(counts[key]!)]
        }
        let t = plan.totals
        var text = "\(plan.name): \(plan.segments.count) segments, \(plan.lines.count) plan lines, \(plan.excluded.count) exclusions\n\n"
        text += TableText.render(header: ["festival", "channel", "budget", "messages"], rows: rows)
        text += "\nbudget \(t.budget)  allocated \(t.allocated)  unspent \(t.unspent)"
        text += "  revenue (base) \(DecimalText.fixed(t.revenue.base, places: 2))"
        text += "  ROI \(t.roi.map { DecimalText.fixed($0 * 100, places: 1) + " %" } ?? "-")\n"
        text += "optimiser: \(PlanTables.certificateLine(plan.certificate))\n"
        return text
    }
}
