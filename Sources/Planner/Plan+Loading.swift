import Foundation
import PlannerCore
import PlannerIO

extension Plan {
    /// Reads `plan.json` as `campaign-planner plan` writes it.
    ///
    /// - Throws: one ``Diagnostic`` naming the file and the field: not JSON, not a plan, another
    ///   schema version, a missing or mistyped field, or figures that do not reconcile (lines that
    ///   do not add up to the allocated total, allocated plus unspent not the budget, two lines
    ///   for one segment, festival and channel). An unreadable file is a bad request.
    public static func load(_ path: String) throws(Diagnostic) -> Plan {
        try parse(FileBytes.read(path), path: path)
    }

    /// Parses plan JSON text; `path` only names it in diagnostics.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Plan {
        let data = Data(bytes)
        let hint = "a plan file is the plan.json that `campaign-planner plan` writes"
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw Diagnostic(path: path, message: "not a campaign plan: not a JSON object", hint: hint)
        }
        guard let version = header.schemaVersion else {
            throw Diagnostic(path: path, field: "schema_version", message: "not a campaign plan: no schema_version", hint: hint)
        }
        guard version == schemaVersion else {
            throw Diagnostic(
                path: path, field: "schema_version",
                message: "plan schema version \(version) is not supported: this campaign-planner reads version \(schemaVersion)",
                hint: "make the plan again with this campaign-planner (`campaign-planner plan BRIEF`)")
        }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw diagnostic(error, path: path, hint: hint)
        } catch {
            throw Diagnostic(path: path, message: "not a campaign plan: \(error)", hint: hint)
        }
        try plan.checkReconciled(path: path)
        return plan
    }

    /// The figures a reader relies on add up: the lines to the allocated total, allocated plus
    /// unspent to the budget, and one line per segment, festival and channel.
    func checkReconciled(path: String) throws(Diagnostic) {
        let sum = lines.map(\.budget).reduce(Money.zero, +)
        guard sum == totals.allocated else {
            throw Diagnostic(
                path: path, field: "totals.allocated",
                message: "the lines' budgets sum to \(sum), not to the allocated total \(totals.allocated): the file was edited or cut",
                hint: "make the plan again")
        }
        guard totals.allocated + totals.unspent == budget else {
            throw Diagnostic(
                path: path, field: "totals.unspent",
                message: "allocated \(totals.allocated) plus unspent \(totals.unspent) is not the budget \(budget)",
                hint: "make the plan again")
        }
        var seen: Set<String> = []
        for (i, line) in lines.enumerated() where !seen.insert(line.key).inserted {
            throw Diagnostic(
                path: path, field: "lines[\(i)]",
                message: "a second line for segment \(line.segment), festival \(line.festival), channel \(line.channel)",
                hint: "make the plan again")
        }
    }

    /// The value of an assumption, nil when the plan does not have it.
    public func assumption(_ key: String) -> String? { assumptions.first { $0.key == key }?.value }

    /// A decoding error as a diagnostic naming the field as the file spells it (`lines[3].cost_per_message`).
    static func diagnostic(_ error: DecodingError, path: String, hint: String) -> Diagnostic {
        func field(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return Diagnostic(path: path, field: field(context.codingPath, key), message: "not a campaign plan: missing", hint: hint)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return Diagnostic(
                path: path, field: field(context.codingPath), message: "not a campaign plan: expected \(describe(type))", hint: hint)
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
}

/// The first look at a file: is it a plan, and of which version.
private struct Header: Decodable {
    let schemaVersion: Int?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
    }
}
