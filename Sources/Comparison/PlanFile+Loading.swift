import Foundation
import Planner
import PlannerCore
import PlannerIO

extension PlanFile {
    /// Reads `plan.json` written by `campaign-planner plan`.
    ///
    /// - Parameter base: the plan this one will be compared with; a plan in another currency is
    ///   refused (its budgets cannot be subtracted from the base's).
    /// - Throws: one ``Diagnostic`` (kind `.data`, exit 65) naming the file and the field: not
    ///   JSON, not a plan, another schema version, a missing or mistyped field, another currency,
    ///   lines that do not add up to the allocated total. An unreadable file is a usage error (64).
    public static func load(_ path: String, base: PlanFile? = nil) throws(Diagnostic) -> PlanFile {
        try parse(FileBytes.read(path), path: path, base: base)
    }

    /// Loads several plans; the first is the base the others are checked against.
    public static func loadAll(_ paths: [String]) throws(Diagnostic) -> [PlanFile] {
        var plans: [PlanFile] = []
        for path in paths { plans.append(try load(path, base: plans.first)) }
        return plans
    }

    /// Parses plan JSON text (`path` only names it in diagnostics).
    public static func parse(_ bytes: [UInt8], path: String, base: PlanFile? = nil) throws(Diagnostic) -> PlanFile {
        let data = Data(bytes)
        let hint = "compare reads the plan.json that `campaign-planner plan` writes"
        let header: Header
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw Diagnostic(path: path, message: "not a campaign plan: not a JSON object", hint: hint)
        }
        guard let version = header.schemaVersion else {
            throw Diagnostic(path: path, field: "schema_version", message: "not a campaign plan: no schema_version", hint: hint)
        }
        guard version == Plan.schemaVersion else {
            throw Diagnostic(
                path: path, field: "schema_version",
                message: "plan schema version \(version) is not supported: this campaign-planner reads version \(Plan.schemaVersion)",
                hint: "make the plan again with this campaign-planner (`campaign-planner plan BRIEF`)")
        }
        let wire: WirePlan
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            wire = try decoder.decode(WirePlan.self, from: data)
        } catch let error as DecodingError {
            throw Self.diagnostic(error, path: path, hint: hint)
        } catch {
            throw Diagnostic(path: path, message: "not a campaign plan: \(error)", hint: hint)
        }
        let plan = wire.plan(path: path)
        if let base, plan.currency != base.currency {
            throw Diagnostic(
                path: path, field: "currency",
                message: "this plan is in \(plan.currency) but the base plan \(base.path) is in \(base.currency): "
                    + "budgets in different currencies cannot be compared",
                hint: "compare plans made in the same currency")
        }
        let sum = plan.lines.map(\.budget).reduce(Money.zero, +)
        guard sum == plan.totals.allocated else {
            throw Diagnostic(
                path: path, field: "totals.allocated",
                message:
                    "the lines' budgets sum to \(sum), not to the allocated total \(plan.totals.allocated): the file was edited or cut",
                hint: "make the plan again")
        }
        guard plan.totals.allocated + plan.totals.unspent == plan.budget else {
            throw Diagnostic(
                path: path, field: "totals.unspent",
                message: "allocated \(plan.totals.allocated) plus unspent \(plan.totals.unspent) is not the budget \(plan.budget)",
                hint: "make the plan again")
        }
        var seen: Set<String> = []
        for (i, line) in plan.lines.enumerated() where !seen.insert(line.key).inserted {
            throw Diagnostic(
                path: path, field: "lines[\(i)]",
                message: "a second line for segment \(line.segment), festival \(line.festival), "
                    + "channel \(line.channel)", hint: "make the plan again")
        }
        return plan
    }

    /// `lines[3].costPerMessage` → `lines[3].cost_per_message`: the field as the file spells it.
    static func diagnostic(_ error: DecodingError, path: String, hint: String) -> Diagnostic {
        func field(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue)
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return Diagnostic(path: path, field: field(context.codingPath, key), message: "not a campaign plan: missing", hint: hint)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return Diagnostic(
                path: path, field: field(context.codingPath), message: "not a campaign plan: expected \(Self.describe(type))",
                hint: hint)
        case .dataCorrupted(let context):
            return Diagnostic(
                path: path, field: context.codingPath.isEmpty ? nil : field(context.codingPath),
                message: "not a campaign plan: \(context.debugDescription)", hint: hint)
        @unknown default:
            return Diagnostic(path: path, message: "not a campaign plan", hint: hint)
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase {
                out += "_" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// The first look at a file: is it a plan, and of which version.
private struct Header: Decodable {
    let schemaVersion: Int?
}

/// `plan.json` as written by `PlanJSON` (schema version 1), the fields `compare` uses.
private struct WirePlan: Decodable {
    struct Named: Decodable {
        let key: String
        let value: String
        let source: String
    }
    struct Segment: Decodable {
        let id: String
        let customers: Int
        let reachable: [String: Int]
    }
    struct Range: Decodable { let base: Double }
    struct Period: Decodable {
        let start: String
        let end: String
    }
    struct Line: Decodable {
        let id: String
        let segment: String
        let region: String
        let language: String
        let festival: String
        let festivalName: String
        let festivalDate: String
        let channel: String
        let flight: Period
        let budget: Double
        let costPerMessage: Double
        let messages: Int
        let reachable: Int
        let conversions: Range
        let revenue: Range
        let roi: Double?
        let marginalReturn: Double
    }
    struct Message: Decodable {
        let segment: String
        let festival: String
        let channel: String
        let smsSegments: Int
        let costPerMessage: Double
    }
    struct Certificate: Decodable { let lambda: Double }
    struct Totals: Decodable {
        let allocated: Double
        let unspent: Double
    }

    let name: String
    let country: String
    let currency: String
    let budget: Double
    let assumptions: [Named]
    let segments: [Segment]
    let lines: [Line]
    let messages: [Message]
    let certificate: Certificate
    let totals: Totals

    /// Money is written with two decimals; `Money(major:)` rounds to the nearest paisa, exact for
    /// amounts below 2^53 paise (about ₹90 lakh crore).
    func plan(path: String) -> PlanFile {
        PlanFile(
            path: path, name: name, country: country, currency: currency, budget: Money(major: budget),
            assumptions: assumptions.map { Assumption(key: $0.key, value: $0.value, source: $0.source) },
            segments: segments.map { PlanFile.Segment(id: $0.id, customers: $0.customers, reachable: $0.reachable) },
            lines: lines.map { l in
                PlanFile.Line(
                    id: l.id, segment: l.segment, region: l.region, language: l.language, festival: l.festival,
                    festivalName: l.festivalName, festivalDate: l.festivalDate, flightStart: l.flight.start, flightEnd: l.flight.end,
                    channel: l.channel, budget: Money(major: l.budget), costPerMessage: l.costPerMessage, messages: l.messages,
                    reachable: l.reachable, conversions: l.conversions.base, revenue: l.revenue.base, roi: l.roi,
                    marginalReturn: l.marginalReturn)
            },
            messages: messages.map {
                PlanFile.Message(
                    segment: $0.segment, festival: $0.festival, channel: $0.channel, smsSegments: $0.smsSegments,
                    costPerMessage: $0.costPerMessage)
            },
            lambda: certificate.lambda,
            totals: PlanFile.Totals(allocated: Money(major: totals.allocated), unspent: Money(major: totals.unspent)))
    }
}
