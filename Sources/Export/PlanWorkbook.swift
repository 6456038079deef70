import Planner
import PlannerCore
import Workbook

/// The plan as a workbook for the spreadsheet people: one sheet per plan table (``PlanTables``),
/// rendered by ``TableSheet`` in the plan's currency; printed, every page's footer names the plan.
public enum PlanWorkbook {
    /// The workbook of `plan`, dated by the plan's day so the same plan gives the same bytes.
    public static func make(_ plan: Plan) -> Workbook {
        var workbook = Workbook(title: plan.name, created: plan.asOf)
        for table in PlanTables.make(plan) { workbook.addSheet(TableSheet.make(table, currency: plan.currency)) }
        return workbook
    }

    /// The plan's workbook as a PDF (LibreOffice headless: ``Workbook/pdfBytes(using:)``),
    /// written to `path` atomically.
    public static func writePDF(_ plan: Plan, to path: String, using converter: OfficeConverter = OfficeConverter()) throws(Diagnostic) {
        try make(plan).writePDF(to: path, using: converter)
    }
}
