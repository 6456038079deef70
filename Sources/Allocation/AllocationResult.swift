import PlannerCore

/// Why a cell has the budget it has.
public enum CellStatus: String, Sendable, Hashable {
    /// At its upper bound: it would take more at the current marginal return.
    case atUpper
    /// At its lower bound: its marginal return there is below the budget's price.
    case atLower
    /// Between its bounds, at the common marginal return (the budget's shadow price plus any
    /// channel or segment multiplier).
    case interior
    /// Left at 0: not worth its minimum viable spend.
    case off
    /// At its lower bound because its next unit returns less than the marginal floor.
    case belowFloor
}

/// One cell of the plan.
public struct CellAllocation: Sendable, Hashable {
    /// The cell's id.
    public var id: String
    /// Spend on the cell.
    public var budget: Double
    /// Expected response at that spend.
    public var response: Double
    /// Marginal return of the next unit of currency, `r'(budget)`.
    public var marginal: Double
    /// Why the cell has this budget.
    public var status: CellStatus
    /// Whole messages bought (cells with a unit cost), else `nil`.
    public var messages: Int?
}

/// Why some budget is left unspent; each reason counts the cells it holds back.
public enum UnspentReason: Sendable, Hashable {
    /// Every cell is at its upper bound: there is nothing left to buy.
    case everyCellAtUpperBound
    /// These cells have room, but their next unit returns less than the marginal floor.
    case belowMarginalFloor(cells: Int, floor: Double)
    /// These cells have room, but their channel is at its cap.
    case channelCapReached(channel: String, cells: Int)
    /// These cells have room, but their segment is at its maximum.
    case segmentMaximumReached(segment: String, cells: Int)
    /// These cells' next whole message costs more than what is left.
    case lessThanOneMessage(cells: Int)
    /// These cells are off: their minimum viable spend does not fit or does not pay.
    case minimumSpendNotWorthIt(cells: Int)
}

extension UnspentReason: CustomStringConvertible {
    /// The reason in words, as plans and the `allocate` command show it.
    public var description: String {
        switch self {
        case .everyCellAtUpperBound: "every cell is at its upper bound"
        case .belowMarginalFloor(let cells, let floor): "\(cells) cells would return less than the floor \(floor) per unit"
        case .channelCapReached(let channel, let cells): "channel cap of \(channel) reached (\(cells) cells)"
        case .segmentMaximumReached(let segment, let cells): "segment maximum of \(segment) reached (\(cells) cells)"
        case .lessThanOneMessage(let cells): "the rest buys less than one whole message (\(cells) cells)"
        case .minimumSpendNotWorthIt(let cells): "\(cells) cells are not worth their minimum spend"
        }
    }
}

/// Money the plan does not spend, and why.
public struct UnspentBudget: Sendable, Hashable {
    /// `budget − Σ spend` (0 when fully spent up to rounding).
    public var amount: Double
    /// Why, when `amount > 0`; empty otherwise.
    public var reasons: [UnspentReason]
}

/// A solved plan: per-cell budgets in input order, totals, the certificate and unspent budget.
public struct AllocationResult: Sendable, Hashable {
    /// One entry per input cell, in input order.
    public var cells: [CellAllocation]
    /// Total spend.
    public var totalSpend: Double
    /// Total expected response.
    public var totalResponse: Double
    /// The optimality certificate.
    public var certificate: Certificate
    /// Unspent budget and why.
    public var unspent: UnspentBudget
}
