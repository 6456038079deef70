import Locales
import PlannerCore
import PlannerIO

/// The segment rows as users and the planner read them: CSV with a fixed header, JSON, or the
/// cells of a text table. Same rows, same bytes.
public enum SegmentTable {
    /// The CSV header, exactly.
    public static let header = [
        "region", "language", "customers", "sms_reachable", "whatsapp_reachable", "email_reachable", "push_reachable", "spend",
        "orders", "active_90d", "imputed_language", "status", "merged_into", "reason",
    ]

    /// One row's CSV fields, in ``header`` order.
    public static func fields(_ row: SegmentRow) -> [String] {
        let cell = row.cell
        return [
            row.segment, row.language, String(cell.customers), String(cell.reachable.sms), String(cell.reachable.whatsapp),
            String(cell.reachable.email), String(cell.reachable.push), cell.spend.description, String(cell.orders),
            String(cell.active90d), String(cell.imputedLanguage), row.status.rawValue, row.mergedInto ?? "", row.reason,
        ]
    }

    /// The rows as CSV text.
    public static func csv(_ rows: [SegmentRow]) -> String {
        CSVWriter.render(header: header, rows: rows.map(fields))
    }

    /// The rows and the read report as JSON: every CSV column plus level, mean spend, the 180 and
    /// 365 day activity counts and the too-broad flag.
    public static func json(_ rows: [SegmentRow], report: SegmentReadReport) -> String {
        let segments: [JSONValue] = rows.map { row in
            let cell = row.cell
            return .object([
                ("region", .string(row.segment)), ("level", .string(row.level.rawValue)), ("language", .string(row.language)),
                ("customers", .number(String(cell.customers))),
                ("reachable", .object(Channel.allCases.map { ($0.rawValue, .number(String(cell.reachable[$0]))) })),
                ("spend", .number(cell.spend.description)), ("mean_spend", .number(cell.meanSpend.description)),
                ("orders", .number(String(cell.orders))), ("active_90d", .number(String(cell.active90d))),
                ("active_180d", .number(String(cell.active180d))), ("active_365d", .number(String(cell.active365d))),
                ("imputed_language", .number(String(cell.imputedLanguage))), ("status", .string(row.status.rawValue)),
                ("merged_into", row.mergedInto.map(JSONValue.string) ?? .null), ("too_broad", .bool(row.tooBroad)),
                ("reason", .string(row.reason)),
            ])
        }
        let rejected: [(String, JSONValue)] = RejectReason.allCases.compactMap { reason in
            report.rejected[reason].map { (reason.rawValue, .number(String($0))) }
        }
        return JSONValue.object([
            ("as_of", .string(report.asOf.description)),
            (
                "rows",
                .object([
                    ("read", .number(String(report.rowsRead))), ("accepted", .number(String(report.accepted))),
                    ("rejected", .number(String(report.rejectedTotal))), ("imputed_language", .number(String(report.imputedLanguages))),
                ])
            ),
            ("rejected", .object(rejected)),
            ("columns", .object(report.columns.summary.map { ($0.field.rawValue, .string($0.column)) })),
            ("segments", .array(segments)),
        ]).render() + "\n"
    }
}
