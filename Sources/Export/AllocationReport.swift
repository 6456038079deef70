import Allocation
import PlannerCore
import PlannerIO

/// The `allocate` command's output: per cell budget, response, marginal return and status, the
/// certificate, and optionally the response-versus-budget frontier.
public struct AllocationReport: Sendable {
    /// The cells, budget and constraints that were solved.
    public let problem: AllocationProblem
    /// The optimum and its certificate.
    public let result: AllocationResult
    /// The optimum at other budget levels (empty unless asked for).
    public let frontier: [FrontierPoint]

    /// The report of `result`, the solution of `problem`.
    public init(problem: AllocationProblem, result: AllocationResult, frontier: [FrontierPoint]) {
        self.problem = problem
        self.result = result
        self.frontier = frontier
    }

    /// Solves `problem`, and the optimum at `frontierBudgets` when given; a problem that cannot
    /// be solved is an error naming `cellsPath`, the file the cells came from.
    public static func solve(_ problem: AllocationProblem, frontierBudgets: [Double]?, cellsPath: String) throws(Diagnostic)
        -> AllocationReport
    {
        do {
            let result = try allocate(problem)
            let points = try frontierBudgets.map { levels throws(AllocationError) in try Allocation.frontier(problem, budgets: levels) }
            return AllocationReport(problem: problem, result: result, frontier: points ?? [])
        } catch {
            var diagnostic = error.diagnostic
            diagnostic.path = cellsPath
            throw diagnostic
        }
    }

    /// The cells as a table: id, budget, response, marginal return and status, in input order.
    public var table: Table {
        Table(
            title: "Allocation", name: "allocation",
            columns: [
                Table.Column("id"), Table.Column("budget", .decimal(places: 2)), Table.Column("response", .decimal(places: 4)),
                Table.Column("marginal", .decimal(places: 6)), Table.Column("status"),
            ],
            rows: result.cells.map { c in
                [
                    .text(c.id), .decimal(c.budget, places: 2), .decimal(c.response, places: 4), .decimal(c.marginal, places: 6),
                    .text(c.status.rawValue),
                ]
            })
    }

    /// The whole result as JSON: the cells, totals, unspent reasons, the certificate with its
    /// binding constraints, and the frontier when one was asked for.
    public func json() -> String {
        let c = result.certificate
        var members: [(String, JSONValue)] = [
            ("cells", TableJSON.value(table)),
            ("total_spend", .number(DecimalText.fixed(result.totalSpend, places: 2))),
            ("total_response", .number(DecimalText.fixed(result.totalResponse, places: 4))),
            ("unspent", .number(DecimalText.fixed(result.unspent.amount, places: 2))),
            ("unspent_reasons", .array(result.unspent.reasons.map { .string($0.description) })),
            (
                "certificate",
                .object([
                    ("objective", .number(DecimalText.fixed(c.objective, places: 6))),
                    ("dual_bound", .number(DecimalText.fixed(c.dualBound, places: 6))),
                    ("gap", .number(DecimalText.scientific(c.gap))), ("relative_gap", .number(DecimalText.scientific(c.relativeGap))),
                    ("max_violation", .number(DecimalText.scientific(c.maxViolation))),
                    ("lambda", .number(DecimalText.fixed(c.lambda, places: 9))),
                    ("method", .string(c.method.rawValue)),
                    (
                        "binding",
                        .array(
                            c.multipliers.map { m in
                                .object([
                                    ("name", .string(m.name)), ("kind", .string(m.kind.rawValue)),
                                    ("multiplier", .number(DecimalText.fixed(m.multiplier, places: 9))),
                                ])
                            })
                    ),
                ])
            ),
        ]
        if !frontier.isEmpty {
            members.append(
                (
                    "frontier",
                    .array(
                        frontier.map { p in
                            .object([
                                ("budget", .number(DecimalText.fixed(p.budget, places: 2))),
                                ("spend", .number(DecimalText.fixed(p.spend, places: 2))),
                                ("response", .number(DecimalText.fixed(p.response, places: 4))),
                                ("lambda", .number(DecimalText.fixed(p.lambda, places: 9))),
                            ])
                        })
                ))
        }
        return JSONValue.object(members).render() + "\n"
    }

    /// The certificate in a few lines, for standard error.
    public static func summary(_ result: AllocationResult) -> String {
        let c = result.certificate
        var text =
            "certificate: \(c.method.rawValue), objective \(DecimalText.fixed(c.objective, places: 4)), dual bound "
            + "\(DecimalText.fixed(c.dualBound, places: 4)), relative gap \(DecimalText.scientific(c.relativeGap)), max violation "
            + "\(DecimalText.scientific(c.maxViolation)), λ \(DecimalText.fixed(c.lambda, places: 6))"
        text += "\nspent \(DecimalText.fixed(result.totalSpend, places: 2)), unspent \(DecimalText.fixed(result.unspent.amount, places: 2))"
        if !result.unspent.reasons.isEmpty { text += ": " + result.unspent.reasons.map(\.description).joined(separator: "; ") }
        return text
    }
}
