import Planner
import PlannerCore

/// A plan read back for a review, with the path it came from: the ``Plan`` document itself
/// (its fields are reachable directly: `file.lines`, `file.totals`) and the name `compare` gives
/// it in legends and messages.
///
/// ```swift
/// let base = try PlanFile.load("last-week/plan.json")
/// let other = try PlanFile.load("this-week/plan.json", base: base)
/// ```
///
/// Loading refuses what ``Plan/load(_:)`` refuses (a file that is not a plan, another schema
/// version, figures that do not reconcile) and, for a review, a plan in another currency than the
/// base plan: budgets in two currencies cannot be subtracted.
@dynamicMemberLookup
public struct PlanFile: Sendable {
    /// The path it was read from (as given), for messages and column legends.
    public let path: String
    /// The plan document.
    public let plan: Plan

    /// A plan and the path it was read from.
    public init(path: String, plan: Plan) {
        self.path = path
        self.plan = plan
    }

    /// The plan's own fields (`name`, `lines`, `totals`, ...).
    public subscript<Value>(dynamicMember keyPath: KeyPath<Plan, Value>) -> Value { plan[keyPath: keyPath] }

    /// Reads `plan.json` written by `campaign-planner plan`.
    ///
    /// - Parameter base: the plan this one will be compared with; a plan in another currency is
    ///   refused (its budgets cannot be subtracted from the base's).
    /// - Throws: one ``Diagnostic`` naming the file and the field (see ``Plan/load(_:)``), or the
    ///   currency when it is not the base plan's.
    public static func load(_ path: String, base: PlanFile? = nil) throws(Diagnostic) -> PlanFile {
        try checked(PlanFile(path: path, plan: Plan.load(path)), base: base)
    }

    /// Loads several plans; the first is the base the others are checked against.
    public static func loadAll(_ paths: [String]) throws(Diagnostic) -> [PlanFile] {
        var plans: [PlanFile] = []
        for path in paths { plans.append(try load(path, base: plans.first)) }
        return plans
    }

    /// Parses plan JSON text (`path` only names it in diagnostics).
    public static func parse(_ bytes: [UInt8], path: String, base: PlanFile? = nil) throws(Diagnostic) -> PlanFile {
        try checked(PlanFile(path: path, plan: Plan.parse(bytes, path: path)), base: base)
    }

    static func checked(_ file: PlanFile, base: PlanFile?) throws(Diagnostic) -> PlanFile {
        if let base, file.currency != base.currency {
            throw Diagnostic(
                path: file.path, field: "currency",
                message: "this plan is in \(file.currency) but the base plan \(base.path) is in \(base.currency): "
                    + "budgets in different currencies cannot be compared",
                hint: "compare plans made in the same currency")
        }
        return file
    }
}
