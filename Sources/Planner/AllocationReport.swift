import Allocation
import PlannerCore
import PlannerIO

/// The `allocate` command's output: per cell budget, response, marginal return and status, the
/// certificate, and optionally the response-versus-budget frontier.
public struct AllocationReport: Sendable {
    public let problem: AllocationProblem
    public let result: AllocationResult
    public let frontier: [FrontierPoint]

    public init(problem: AllocationProblem, result: AllocationResult, frontier: [FrontierPoint]) {
        self.problem = problem
        self.result = result
        self.frontier = frontier
    }

    public enum Format: String, Sendable { case table, csv, json }

    public static let header = ["id", "budget", "response", "marginal", "status"]

    var rows: [[String]] {
        result.cells.map { c in
            [
                c.id, DecimalText.fixed(c.budget, places: 2), DecimalText.fixed(c.response, places: 4),
                DecimalText.fixed(c.marginal, places: 6), c.status.rawValue,
            ]
        }
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .csv:
            return CSVWriter.render(header: Self.header, rows: rows)
        case .table:
            return TextTable.render(header: Self.header, rows: rows)
        case .json:
            let c = result.certificate
            var members: [(String, JSONValue)] = [
                (
                    "cells",
                    .array(
                        rows.map { row in
                            .object(zip(Self.header, row).map { ($0, $0 == "id" || $0 == "status" ? .string($1) : .number($1)) })
                        })
                ),
                ("total_spend", .number(DecimalText.fixed(result.totalSpend, places: 2))),
                ("total_response", .number(DecimalText.fixed(result.totalResponse, places: 4))),
                ("unspent", .number(DecimalText.fixed(result.unspent.amount, places: 2))),
                ("unspent_reasons", .array(result.unspent.reasons.map { .string(Self.describe($0)) })),
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
    }

    /// The certificate in a few lines, for standard error.
    public static func summary(_ result: AllocationResult) -> String {
        let c = result.certificate
        var text =
            "certificate: \(c.method.rawValue), objective \(DecimalText.fixed(c.objective, places: 4)), dual bound "
            + "\(DecimalText.fixed(c.dualBound, places: 4)), relative gap \(DecimalText.scientific(c.relativeGap)), max violation "
            + "\(DecimalText.scientific(c.maxViolation)), λ \(DecimalText.fixed(c.lambda, places: 6))"
        text += "\nspent \(DecimalText.fixed(result.totalSpend, places: 2)), unspent \(DecimalText.fixed(result.unspent.amount, places: 2))"
        if !result.unspent.reasons.isEmpty { text += ": " + result.unspent.reasons.map(describe).joined(separator: "; ") }
        return text
    }

    /// Why budget was left unspent, in words.
    public static func describe(_ reason: UnspentReason) -> String {
        switch reason {
        case .everyCellAtUpperBound: "every cell is at its upper bound"
        case .belowMarginalFloor(let cells, let floor): "\(cells) cells would return less than the floor \(floor) per unit"
        case .channelCapReached(let channel, let cells): "channel cap of \(channel) reached (\(cells) cells)"
        case .segmentMaximumReached(let segment, let cells): "segment maximum of \(segment) reached (\(cells) cells)"
        case .lessThanOneMessage(let cells): "the rest buys less than one whole message (\(cells) cells)"
        case .minimumSpendNotWorthIt(let cells): "\(cells) cells are not worth their minimum spend"
        }
    }
}
