import Locales
import PlannerCore
import PlannerIO

/// The segment rows as users and the planner read them: a table with a fixed header (rendered as
/// CSV or for a terminal by the export layer), or a JSON document with the read report. Same rows,
/// same bytes.
public enum SegmentTable {
    /// The CSV header, exactly.
    public static let header = [
        "region", "language", "customers", "sms_reachable", "whatsapp_reachable", "email_reachable", "push_reachable", "spend",
        "orders", "active_90d", "imputed_language", "status", "merged_into", "reason",
    ]

    /// The header of segments cut by `dimension` too: its name (`value_tier`, `activity`) after
    /// `language`; ``header`` when there is none.
    public static func header(dimension: SegmentDimension?) -> [String] {
        guard let dimension, !dimension.groups.isEmpty else { return header }
        return Array(header[0..<2]) + [dimension.rawValue] + Array(header[2...])
    }

    /// The rows as a table (CSV columns are ``header(dimension:)``); `merged_into` is empty for
    /// kept rows, the group column empty for a country row merging small groups.
    public static func table(_ rows: [SegmentRow], dimension: SegmentDimension? = nil) -> Table {
        let kinds: [String: Table.Kind] = [
            "region": .text, "language": .text, "spend": .money, "status": .text, "merged_into": .text, "reason": .text,
            "value_tier": .text, "activity": .text, "device": .text,
        ]
        let grouped = header(dimension: dimension).count > header.count
        return Table(
            title: "Segments", columns: header(dimension: dimension).map { Table.Column($0, kinds[$0] ?? .count) },
            rows: rows.map { row in
                let cell = row.cell
                return [.text(row.segment), .text(row.language)] + (grouped ? [.text(row.group ?? "")] : []) + [
                    .count(cell.customers), .count(cell.reachable.sms),
                    .count(cell.reachable.whatsapp), .count(cell.reachable.email), .count(cell.reachable.push), .money(cell.spend),
                    .count(cell.orders), .count(cell.active90d), .count(cell.imputedLanguage), .text(row.status.rawValue),
                    .text(row.mergedInto ?? ""), .text(row.reason),
                ]
            })
    }

    /// The columns a terminal shows for segments cut by `dimension`.
    public static func terminalColumns(dimension: SegmentDimension?) -> [String] {
        guard let dimension, !dimension.groups.isEmpty else { return terminalColumns }
        return Array(terminalColumns[0..<2]) + [dimension.rawValue] + Array(terminalColumns[2...])
    }

    /// The columns a terminal shows, with their shorter headers.
    public static let terminalColumns = [
        "region", "language", "customers", "sms_reachable", "whatsapp_reachable", "email_reachable", "push_reachable", "spend",
        "active_90d", "status", "merged_into",
    ]

    /// The terminal's headers for ``terminalColumns``.
    public static let terminalHeaders = [
        "sms_reachable": "sms", "whatsapp_reachable": "whatsapp", "email_reachable": "email", "push_reachable": "push",
        "merged_into": "into",
    ]

    /// The rows and the read report as JSON: every CSV column plus level, mean spend, the 180 and
    /// 365 day activity counts and the too-broad flag.
    /// With a `dimension`, each segment has its group under the dimension's name, and `value_cuts`
    /// gives the RFM cut points the tiers were scored with.
    public static func json(
        _ rows: [SegmentRow], report: SegmentReadReport, dimension: SegmentDimension? = nil, valueCuts: ValueCuts? = nil
    ) -> String {
        let grouped = header(dimension: dimension).count > header.count
        let segments: [JSONValue] = rows.map { row in
            let cell = row.cell
            let group: [(String, JSONValue)] = grouped ? [(dimension!.rawValue, row.group.map(JSONValue.string) ?? .null)] : []
            return .object(
                [("region", .string(row.segment)), ("level", .string(row.level.rawValue)), ("language", .string(row.language))] + group + [
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
        let cuts: [(String, JSONValue)] =
            valueCuts.map { cuts in
                [
                    (
                        "value_cuts",
                        .object([
                            ("customers", .number(String(cuts.customers))),
                            ("recency_days", .array(cuts.recencyDays.map { .number(String($0)) })),
                            ("frequency_orders", .array(cuts.frequencyOrders.map { .number(String($0)) })),
                            ("spend_below", .array(cuts.spendLimits.map { .number($0.description) })),
                        ])
                    )
                ]
            } ?? []
        let rejected: [(String, JSONValue)] = RejectReason.allCases.compactMap { reason in
            report.rejected[reason].map { (reason.rawValue, .number(String($0))) }
        }
        return JSONValue.object(
            [
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
            ] + cuts + [("segments", .array(segments))]
        ).render() + "\n"
    }
}
