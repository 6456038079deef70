import Planner
import PlannerCore
import PlannerIO

/// One value in a plan table, typed so that each export writes it properly: a number stays a
/// number in the workbook, money keeps its two decimals in CSV, a date is a date.
public enum TableValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case money(Money)
    case decimal(Double, places: Int)
    /// A share (0.25 = 25 %); `nil` prints empty.
    case percent(Double?)
    case date(CivilDate)
    case empty

    /// The value as CSV and JSON consumers read it: plain digits, `.` decimals, ISO dates.
    public var plainText: String {
        switch self {
        case .text(let s): s
        case .integer(let n): String(n)
        case .money(let m): m.description
        case .decimal(let x, let places): DecimalText.fixed(x, places: places)
        case .percent(let x): x.map { DecimalText.fixed($0, places: 6) } ?? ""
        case .date(let d): d.description
        case .empty: ""
        }
    }

    /// The numeric value, for totals.
    public var numeric: Double? {
        switch self {
        case .integer(let n): Double(n)
        case .money(let m): m.major
        case .decimal(let x, _): x
        default: nil
        }
    }
}

/// A table of the plan: a sheet in the workbook, a CSV file, a section of the report.
public struct PlanTable: Sendable {
    public let name: String
    /// The CSV file name (`allocation.csv`).
    public let fileName: String
    public let header: [String]
    public let rows: [[TableValue]]
    /// Columns whose total is shown under the table (as a live `SUM` in the workbook).
    public let totalColumns: [Int]
}

/// The plan's tables, in workbook order: Summary, Assumptions, Segments, Allocation, Calendar,
/// Messages, Excluded. CSV files, the workbook and the report are all written from these, so
/// they agree with each other and with `plan.json`.
public enum PlanTables {
    public static func make(_ plan: Plan) -> [PlanTable] {
        [summary(plan), assumptions(plan), segments(plan), allocation(plan), calendar(plan), messages(plan), excluded(plan)]
    }

    static func summary(_ plan: Plan) -> PlanTable {
        let t = plan.totals
        let rows: [[TableValue]] = [
            [.text("Plan"), .text(plan.name)],
            [.text("Country"), .text(plan.country)],
            [.text("Period start"), .date(plan.period.start)],
            [.text("Period end"), .date(plan.period.end)],
            [.text("Made for"), .date(plan.asOf)],
            [.text("Currency"), .text(plan.currency)],
            [.text("Budget"), .money(t.budget)],
            [.text("Allocated"), .money(t.allocated)],
            [.text("Unspent"), .money(t.unspent)],
            [.text("Why unspent"), .text(t.unspentReasons.joined(separator: "; "))],
            [.text("Segments"), .integer(plan.segments.count)],
            [.text("Plan lines"), .integer(plan.lines.count)],
            [.text("Messages"), .integer(t.messages)],
            [.text("Conversions (base)"), .decimal(t.conversions.base, places: 2)],
            [.text("Revenue (low)"), .money(Money(major: t.revenue.low))],
            [.text("Revenue (base)"), .money(Money(major: t.revenue.base))],
            [.text("Revenue (high)"), .money(Money(major: t.revenue.high))],
            [.text("ROI (base)"), .percent(t.roi)],
            [.text("Optimiser"), .text(certificateLine(plan.certificate))],
            [.text("Customer rows read"), .integer(plan.input.rowsRead)],
            [.text("Customer rows rejected"), .integer(plan.input.rowsRead - plan.input.accepted)],
        ]
        return PlanTable(name: "Summary", fileName: "summary.csv", header: ["item", "value"], rows: rows, totalColumns: [])
    }

    /// The certificate in one line, for readers: how close to the best possible plan this one is
    /// proven to be, and what the last rupee returns (the budget's shadow price).
    public static func certificateLine(_ c: PlanCertificate) -> String {
        "proven within a relative gap of \(DecimalText.scientific(c.relativeGap)) of the best possible plan "
            + "(\(c.method): objective \(DecimalText.fixed(c.objective, places: 2)), bound \(DecimalText.fixed(c.dualBound, places: 2))); "
            + "the last rupee spent returns \(DecimalText.fixed(c.lambda, places: 4))"
    }

    static func assumptions(_ plan: Plan) -> PlanTable {
        PlanTable(
            name: "Assumptions", fileName: "assumptions.csv", header: ["key", "value", "source"],
            rows: plan.assumptions.map { [.text($0.key), .text($0.value), .text($0.source)] }, totalColumns: [])
    }

    static let channels = ["sms", "whatsapp", "email", "push"]

    static func segments(_ plan: Plan) -> PlanTable {
        PlanTable(
            name: "Segments", fileName: "segments.csv",
            header: ["segment", "region", "region_name", "language", "customers"] + channels.map { "\($0)_reachable" }
                + ["spend", "orders", "active_90d", "imputed_language", "status", "festivals"],
            rows: plan.segments.map { s in
                [.text(s.id), .text(s.region), .text(s.regionName), .text(s.language), .integer(s.customers)]
                    + channels.map { .integer(s.reachable[$0] ?? 0) }
                    + [
                        .money(s.spend), .integer(s.orders), .integer(s.active90d), .integer(s.imputedLanguage), .text(s.status),
                        .text(s.festivals.joined(separator: ";")),
                    ]
            }, totalColumns: [4, 5, 6, 7, 8, 9, 10])
    }

    static func allocation(_ plan: Plan) -> PlanTable {
        PlanTable(
            name: "Allocation", fileName: "allocation.csv",
            header: [
                "line", "segment", "region", "language", "festival", "channel", "budget", "messages", "cost_per_message", "audience",
                "reachable", "holdout", "reached", "conversions_low", "conversions_base", "conversions_high", "revenue_base", "roi",
                "cost_per_conversion", "marginal_return", "status",
            ],
            rows: plan.lines.map { l in
                let f = l.forecast
                return [
                    .text(l.id), .text(l.segment), .text(l.region), .text(l.language), .text(l.festival), .text(l.channel),
                    .money(l.budget),
                    .integer(f.messages), .decimal(l.costPerMessage, places: 4), .integer(f.audience), .integer(f.reachable),
                    .integer(f.holdout), .decimal(f.reached, places: 2), .decimal(f.conversions.low, places: 4),
                    .decimal(f.conversions.base, places: 4), .decimal(f.conversions.high, places: 4), .money(Money(major: f.revenue.base)),
                    .percent(f.roi), f.costPerConversion.map { .decimal($0, places: 2) } ?? .empty,
                    .decimal(f.marginalReturn, places: 6), .text(l.status),
                ]
            }, totalColumns: [6, 7, 14, 16])
    }

    static func calendar(_ plan: Plan) -> PlanTable {
        PlanTable(
            name: "Calendar", fileName: "calendar.csv",
            header: [
                "line", "festival", "festival_name", "festival_date", "segment", "channel", "start", "end", "send_days", "send_from",
                "send_until", "time_zone",
            ],
            rows: plan.lines.sorted { ($0.flight.start, $0.id) < ($1.flight.start, $1.id) }.map { l in
                [
                    .text(l.id), .text(l.festival), .text(l.festivalName), .date(l.festivalDate), .text(l.segment), .text(l.channel),
                    .date(l.flight.start), .date(l.flight.end), .integer(l.flight.sendDays), .text(l.flight.sendFrom),
                    .text(l.flight.sendUntil), .text(l.flight.timeZone),
                ]
            }, totalColumns: [])
    }

    static func messages(_ plan: Plan) -> PlanTable {
        PlanTable(
            name: "Messages", fileName: "messages.csv",
            header: [
                "segment", "festival", "channel", "template", "language", "fallback_from", "encoding", "sms_segments",
                "cost_per_message", "text",
            ],
            rows: plan.messages.map { m in
                [
                    .text(m.segment), .text(m.festival), .text(m.channel), .text(m.template), .text(m.language),
                    .text(m.fallbackFrom ?? ""),
                    .text(m.encoding), .integer(m.smsSegments), .decimal(m.costPerMessage, places: 4), .text(m.text),
                ]
            }, totalColumns: [])
    }

    static func excluded(_ plan: Plan) -> PlanTable {
        PlanTable(
            name: "Excluded", fileName: "excluded.csv", header: ["segment", "festival", "channel", "reason"],
            rows: plan.excluded.map { [.text($0.segment), .text($0.festival ?? ""), .text($0.channel ?? ""), .text($0.reason)] },
            totalColumns: [])
    }
}
