import Planner
import PlannerCore
import PlannerIO

/// The canonical JSON of a plan: fixed key order, fixed number formats (money with two decimals,
/// rates with six significant places), lists in the plan's own sorted order. The same plan gives
/// the same bytes, so plans can be diffed, hashed and compared.
public enum PlanJSON {
    public static func render(_ plan: Plan) -> String { value(plan).render() + "\n" }

    static func value(_ plan: Plan) -> JSONValue {
        .object([
            ("schema_version", .number(String(Plan.schemaVersion))),
            ("name", .string(plan.name)),
            ("country", .string(plan.country)),
            ("currency", .string(plan.currency)),
            ("period", .object([("start", .string(plan.period.start.description)), ("end", .string(plan.period.end.description))])),
            ("as_of", .string(plan.asOf.description)),
            ("budget", money(plan.budget)),
            (
                "assumptions",
                .array(
                    plan.assumptions.map { a in
                        .object([("key", .string(a.key)), ("value", .string(a.value)), ("source", .string(a.source))])
                    })
            ),
            (
                "input",
                .object([
                    ("file", .string(plan.input.file)), ("rows_read", int(plan.input.rowsRead)), ("accepted", int(plan.input.accepted)),
                    ("rejects", .object(plan.input.rejects.keys.sorted().map { ($0, int(plan.input.rejects[$0]!)) })),
                ])
            ),
            ("warnings", .array(plan.warnings.map(JSONValue.string))),
            ("segments", .array(plan.segments.map(segment))),
            (
                "excluded",
                .array(
                    plan.excluded.map { e in
                        .object([
                            ("segment", .string(e.segment)), ("festival", e.festival.map(JSONValue.string) ?? .null),
                            ("channel", e.channel.map(JSONValue.string) ?? .null), ("reason", .string(e.reason)),
                        ])
                    })
            ),
            ("lines", .array(plan.lines.map(line))),
            ("messages", .array(plan.messages.map(message))),
            ("certificate", certificate(plan.certificate)),
            ("totals", totals(plan.totals)),
        ])
    }

    static func segment(_ s: PlanSegment) -> JSONValue {
        .object([
            ("id", .string(s.id)), ("region", .string(s.region)), ("region_name", .string(s.regionName)), ("language", .string(s.language)),
            ("customers", int(s.customers)),
            ("reachable", .object(s.reachable.keys.sorted().map { ($0, int(s.reachable[$0]!)) })),
            ("spend", money(s.spend)), ("orders", int(s.orders)), ("active_90d", int(s.active90d)),
            ("imputed_language", int(s.imputedLanguage)), ("status", .string(s.status)),
            ("festivals", .array(s.festivals.map(JSONValue.string))),
        ])
    }

    static func line(_ l: PlanLine) -> JSONValue {
        let f = l.forecast
        return .object([
            ("id", .string(l.id)), ("segment", .string(l.segment)), ("region", .string(l.region)), ("language", .string(l.language)),
            ("festival", .string(l.festival)), ("festival_name", .string(l.festivalName)),
            ("festival_date", .string(l.festivalDate.description)),
            ("channel", .string(l.channel)), ("template", .string(l.template)),
            (
                "flight",
                .object([
                    ("start", .string(l.flight.start.description)), ("end", .string(l.flight.end.description)),
                    ("send_days", int(l.flight.sendDays)), ("send_from", .string(l.flight.sendFrom)),
                    ("send_until", .string(l.flight.sendUntil)), ("time_zone", .string(l.flight.timeZone)),
                ])
            ),
            ("budget", money(l.budget)), ("cost_per_message", number(l.costPerMessage, places: 4)),
            ("status", .string(l.status)),
            ("audience", int(f.audience)), ("reachable", int(f.reachable)), ("holdout", int(f.holdout)), ("messages", int(f.messages)),
            ("reached", number(f.reached, places: 2)),
            ("responses", range(f.responses)), ("conversions", range(f.conversions)), ("revenue", range(f.revenue, places: 2)),
            ("roi", f.roi.map { number($0, places: 4) } ?? .null),
            ("cost_per_conversion", f.costPerConversion.map { number($0, places: 2) } ?? .null),
            ("marginal_return", number(f.marginalReturn, places: 6)),
        ])
    }

    static func message(_ m: PlanMessage) -> JSONValue {
        .object([
            ("segment", .string(m.segment)), ("festival", .string(m.festival)), ("channel", .string(m.channel)),
            ("template", .string(m.template)), ("language", .string(m.language)),
            ("fallback_from", m.fallbackFrom.map(JSONValue.string) ?? .null), ("text", .string(m.text)),
            ("encoding", .string(m.encoding)), ("sms_segments", int(m.smsSegments)),
            ("cost_per_message", number(m.costPerMessage, places: 4)),
        ])
    }

    static func certificate(_ c: PlanCertificate) -> JSONValue {
        .object([
            ("method", .string(c.method)), ("objective", number(c.objective, places: 2)), ("dual_bound", number(c.dualBound, places: 2)),
            ("gap", number(c.gap, places: 6)), ("relative_gap", scientific(c.relativeGap)), ("max_violation", scientific(c.maxViolation)),
            ("lambda", number(c.lambda, places: 6)), ("binding", .array(c.binding.map(JSONValue.string))),
        ])
    }

    static func totals(_ t: PlanTotals) -> JSONValue {
        .object([
            ("budget", money(t.budget)), ("allocated", money(t.allocated)), ("unspent", money(t.unspent)),
            ("unspent_reasons", .array(t.unspentReasons.map(JSONValue.string))), ("messages", int(t.messages)),
            ("conversions", range(t.conversions)), ("revenue", range(t.revenue, places: 2)),
            ("roi", t.roi.map { number($0, places: 4) } ?? .null),
        ])
    }

    static func money(_ m: Money) -> JSONValue { .number(m.description) }
    static func int(_ n: Int) -> JSONValue { .number(String(n)) }
    static func number(_ x: Double, places: Int) -> JSONValue { .number(DecimalText.fixed(x, places: places)) }
    static func range(_ r: Range3, places: Int = 4) -> JSONValue {
        .object([
            ("low", number(r.low, places: places)), ("base", number(r.base, places: places)), ("high", number(r.high, places: places)),
        ])
    }
    static func scientific(_ x: Double) -> JSONValue { .number(DecimalText.scientific(x)) }
}
