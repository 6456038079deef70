import ICUKit
import Planner
import PlannerCore

extension PlanReport {
    /// The "Value tiers" section of a plan whose segments are cut further (`segmentation.by`):
    /// per segment its customers, mean spend and value index, its share active within 90 days
    /// and activity index (``ResponseIndex``), and its budget per customer, so a reader sees why
    /// champions get more than lapsed customers. Empty for a plan cut by region and language only.
    static func tierSection(_ plan: Plan, amount: (Money) throws(ICUError) -> String) throws(ICUError) -> String {
        guard let by = plan.assumptions.first(where: { $0.key == "segmentation.by" }) else { return "" }
        let customers = plan.segments.reduce(0) { $0 + $1.customers }
        guard customers > 0 else { return "" }
        let meanSpend = Double(plan.segments.reduce(Int64(0)) { $0 + $1.spend.minor }) / 100 / Double(customers)
        let activeShare = Double(plan.segments.reduce(0) { $0 + $1.active90d }) / Double(customers)
        var budgets: [String: Money] = [:]
        for line in plan.lines { budgets[line.segment, default: .zero] = budgets[line.segment, default: .zero] + line.budget }
        var md = "## Value tiers\n\nSegments are cut by \(by.value.split(separator: ":").first ?? ""). "
        md += "Each segment's value per conversion is the channel's × its value index (its mean spend against the plan's "
        md += "\(try amount(Money(major: meanSpend))), clamped to 0.25-4) × its activity index (its share of customers who ordered "
        md += "within 90 days against the plan's \(DecimalText.fixed(activeShare * 100, places: 1)) %, clamped to 0.25-4): "
        md += "that is why tiers of one state and language get different budgets.\n\n"
        md +=
            "| Segment | Customers | Mean spend | Value index | Active 90 d | Activity index | Budget | Per customer (\(plan.currency)) |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for s in plan.segments where s.customers > 0 {
            let mean = Double(s.spend.minor) / 100 / Double(s.customers), active = Double(s.active90d) / Double(s.customers)
            let budget = budgets[s.id] ?? .zero
            md += "| \(s.id) | \(s.customers) | \(try amount(Money(major: mean))) | "
            md += "\(DecimalText.fixed(ResponseIndex.value(meanSpend: mean, planMeanSpend: meanSpend), places: 2)) | "
            md += "\(DecimalText.fixed(active * 100, places: 1)) % | "
            md += "\(DecimalText.fixed(ResponseIndex.activity(activeShare: active, planActiveShare: activeShare), places: 2)) | "
            md += "\(try amount(budget)) | \(DecimalText.fixed(budget.major / Double(s.customers), places: 2)) |\n"
        }
        return md + "\n"
    }
}
