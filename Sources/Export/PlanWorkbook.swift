import Planner
import PlannerCore
import Workbook

/// The plan as a workbook for the spreadsheet people: one sheet per plan table (``PlanTables``),
/// rendered by ``TableSheet``.
public enum PlanWorkbook {
    /// The workbook of `plan`, dated by the plan's day so the same plan gives the same bytes.
    public static func make(_ plan: Plan) -> Workbook {
        var workbook = Workbook(title: plan.name, created: plan.asOf)
        for table in PlanTables.make(plan) { workbook.addSheet(TableSheet.make(table, indian: plan.currency == "INR")) }
        return workbook
    }
}
