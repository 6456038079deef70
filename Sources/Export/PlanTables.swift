import Planner
import PlannerCore

/// The plan's tables, in workbook order: Summary, Assumptions, Segments, Allocation, Calendar,
/// Messages, Excluded. CSV files, the workbook and the report are all written from these, so
/// they agree with each other and with `plan.json`.
public enum PlanTables {
    /// Every table of the plan, in workbook order.
    public static func make(_ plan: Plan) -> [Table] {
        [summary(plan), assumptions(plan), segments(plan), allocation(plan), calendar(plan), messages(plan), excluded(plan)]
    }

    static func summary(_ plan: Plan) -> Table {
        let t = plan.totals
        let rows: [[Table.Value]] = [
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
            [.text("Segments"), .count(plan.segments.count)],
            [.text("Plan lines"), .count(plan.lines.count)],
            [.text("Messages"), .count(t.messages)],
            [.text("Conversions (base)"), .decimal(t.conversions.base, places: 2)],
            [.text("Revenue (low)"), .money(Money(major: t.revenue.low))],
            [.text("Revenue (base)"), .money(Money(major: t.revenue.base))],
            [.text("Revenue (high)"), .money(Money(major: t.revenue.high))],
            [.text("ROI (base)"), .percent(t.roi)],
            [.text("Optimiser"), .text(certificateLine(plan.certificate))],
            [.text("Customer rows read"), .count(plan.input.rowsRead)],
            [.text("Customer rows rejected"), .count(plan.input.rowsRead - plan.input.accepted)],
        ]
        return Table(title: "Summary", columns: [Column("item"), Column("value", .mixed)], rows: rows, layout: .fields)
    }

    /// The certificate in one line, for readers: how close to the best possible plan this one is
    /// proven to be, and what the last rupee returns (the budget's shadow price).
    public static func certificateLine(_ c: PlanCertificate) -> String {
        "proven within a relative gap of \(DecimalText.scientific(c.relativeGap)) of the best possible plan "
            + "(\(c.method): objective \(DecimalText.fixed(c.objective, places: 2)), bound \(DecimalText.fixed(c.dualBound, places: 2))); "
            + "the last rupee spent returns \(DecimalText.fixed(c.lambda, places: 4))"
    }

    static func assumptions(_ plan: Plan) -> Table {
        Table(
            title: "Assumptions", columns: texts(["key", "value", "source"]),
            rows: plan.assumptions.map { [.text($0.key), .text($0.value), .text($0.source)] })
    }

    static let channels = ["sms", "whatsapp", "email", "push"]

    static func segments(_ plan: Plan) -> Table {
        Table(
            title: "Segments",
            columns: texts(["segment", "region", "region_name", "language"]) + [Column("customers", .count, total: true)]
                + channels.map { Column("\($0)_reachable", .count, total: true) }
                + [
                    Column("spend", .money, total: true), Column("orders", .count, total: true),
                    Column("active_90d", .count), Column("imputed_language", .count), Column("status"), Column("festivals"),
                ],
            rows: plan.segments.map { s in
                [.text(s.id), .text(s.region), .text(s.regionName), .text(s.language), .count(s.customers)]
                    + channels.map { .count(s.reachable[$0] ?? 0) }
                    + [
                        .money(s.spend), .count(s.orders), .count(s.active90d), .count(s.imputedLanguage), .text(s.status),
                        .text(s.festivals.joined(separator: ";")),
                    ]
            })
    }

    static func allocation(_ plan: Plan) -> Table {
        Table(
            title: "Allocation",
            columns: texts(["line", "segment", "region", "language", "festival", "channel"]) + [
                Column("budget", .money, total: true), Column("messages", .count, total: true),
                Column("cost_per_message", .decimal(places: 4)), Column("audience", .count), Column("reachable", .count),
                Column("holdout", .count), Column("reached", .decimal(places: 2)), Column("conversions_low", .decimal(places: 4)),
                Column("conversions_base", .decimal(places: 4), total: true), Column("conversions_high", .decimal(places: 4)),
                Column("revenue_base", .money, total: true), Column("roi", .percent), Column("cost_per_conversion", .decimal(places: 2)),
                Column("marginal_return", .decimal(places: 6)), Column("status"),
            ],
            rows: plan.lines.map { l in
                let f = l.forecast
                return [
                    .text(l.id), .text(l.segment), .text(l.region), .text(l.language), .text(l.festival), .text(l.channel),
                    .money(l.budget),
                    .count(f.messages), .decimal(l.costPerMessage, places: 4), .count(f.audience), .count(f.reachable),
                    .count(f.holdout), .decimal(f.reached, places: 2), .decimal(f.conversions.low, places: 4),
                    .decimal(f.conversions.base, places: 4), .decimal(f.conversions.high, places: 4), .money(Money(major: f.revenue.base)),
                    .percent(f.roi), f.costPerConversion.map { .decimal($0, places: 2) } ?? .empty,
                    .decimal(f.marginalReturn, places: 6), .text(l.status),
                ]
            })
    }

    static func calendar(_ plan: Plan) -> Table {
        Table(
            title: "Calendar",
            columns: texts(["line", "festival", "festival_name"]) + [Column("festival_date", .date)]
                + texts(["segment", "channel"]) + [Column("start", .date), Column("end", .date), Column("send_days", .count)]
                + texts(["send_from", "send_until", "time_zone"]),
            rows: plan.lines.sorted { ($0.flight.start, $0.id) < ($1.flight.start, $1.id) }.map { l in
                [
                    .text(l.id), .text(l.festival), .text(l.festivalName), .date(l.festivalDate), .text(l.segment), .text(l.channel),
                    .date(l.flight.start), .date(l.flight.end), .count(l.flight.sendDays), .text(l.flight.sendFrom),
                    .text(l.flight.sendUntil), .text(l.flight.timeZone),
                ]
            })
    }

    static func messages(_ plan: Plan) -> Table {
        Table(
            title: "Messages",
            columns: texts(["segment", "festival", "channel", "template", "language", "fallback_from", "encoding"])
                + [Column("sms_segments", .count), Column("cost_per_message", .decimal(places: 4)), Column("text")],
            rows: plan.messages.map { m in
                [
                    .text(m.segment), .text(m.festival), .text(m.channel), .text(m.template), .text(m.language),
                    .text(m.fallbackFrom ?? ""),
                    .text(m.encoding), .count(m.smsSegments), .decimal(m.costPerMessage, places: 4), .text(m.text),
                ]
            })
    }

    static func excluded(_ plan: Plan) -> Table {
        Table(
            title: "Excluded", columns: texts(["segment", "festival", "channel", "reason"]),
            rows: plan.excluded.map { [.text($0.segment), .text($0.festival ?? ""), .text($0.channel ?? ""), .text($0.reason)] })
    }

    typealias Column = Table.Column

    /// Text columns with these names.
    static func texts(_ names: [String]) -> [Column] { names.map { Column($0) } }
}
