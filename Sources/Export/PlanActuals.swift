import Comparison
import Planner
import PlannerCore
import Results

/// A budget review's "plan against actuals": the base plan's budget per key beside its results
/// (`compare BASE.json ... --actuals results.json`). The results must be the base plan's.
public enum PlanActuals {
    /// The table for `comparison`'s key (`channel`, `festival`, `segment` or `line`).
    /// - Throws: a bad-request ``Diagnostic`` for a key results do not group by (region,
    ///   language), a bad-input one for results of another plan.
    public static func table(_ comparison: PlanComparison, results: CampaignResults, path: String) throws(Diagnostic) -> Table {
        let base = comparison.plans[0]
        guard results.name == base.name else {
            throw Diagnostic(
                path: path, field: "name", message: "these results are of the plan '\(results.name)', not of the base plan '\(base.name)'",
                hint: "give the results of the first plan")
        }
        let lifts: [GroupLift]
        switch comparison.by {
        case .channel: lifts = results.byChannel
        case .festival: lifts = results.byFestival
        case .segment: lifts = results.bySegment
        case .line: lifts = results.byLine
        case .region, .language:
            throw Diagnostic(
                .badRequest, field: OptionText.mention("by"),
                message: "results are measured by channel, festival, segment and line, not by \(comparison.by.rawValue)",
                hint: "use --by channel, festival, segment or line with --actuals")
        }
        var budgets: [String: Money] = [:]
        for line in base.lines {
            let key = comparison.by == .line ? line.id : comparison.by.value(of: line)
            budgets[key, default: .zero] = budgets[key, default: .zero] + line.budget
        }
        return ResultsReport.planAgainstActuals(
            lifts, key: comparison.by.rawValue, title: "Plan against actuals", name: "plan-actuals", budgets: budgets)
    }
}
