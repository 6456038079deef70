/// Which method produced a plan (the last stage that ran).
public enum SolveMethod: String, Sendable, Hashable {
    /// The exact marginal-return search for a budget and bounds.
    case exactBudget
    /// Dual coordinate ascent for channel caps and segment limits.
    case dualCoordinateAscent
    /// Branch-and-bound over concave envelopes (minimum viable spend, S-curves).
    case branchAndBound
    /// Rounding to whole messages (greedy fill and 1-swap) after a continuous solve.
    case wholeMessageRounding
}

/// The multiplier (shadow price) of one binding channel cap or segment limit.
///
/// `multiplier` is the response lost per unit by which the limit tightens, or gained per unit it
/// loosens: a segment minimum with multiplier 0.2 costs 0.2 of response per rupee it forces.
public struct ConstraintMultiplier: Sendable, Hashable {
    /// What kind of limit this is.
    public enum Kind: String, Sendable, Hashable {
        /// A cap on a channel's total spend.
        case channelCap
        /// A segment's minimum total spend.
        case segmentMinimum
        /// A segment's maximum total spend.
        case segmentMaximum
    }
    /// The channel or segment name.
    public var name: String
    /// The kind of limit.
    public var kind: Kind
    /// The limit's value.
    public var limit: Double
    /// The plan's total spend on the group.
    public var spend: Double
    /// The shadow price (non-negative).
    public var multiplier: Double
}

/// The proof that comes with every plan: how good it is and what holds it back.
///
/// `dualBound` is a Lagrangian bound no feasible plan can beat, so `relativeGap` says how far the
/// plan can be from the true optimum; for budget and bounds alone it is zero up to rounding. The
/// objective is `response − marginalFloor × spend` (the total response when there is no floor).
public struct Certificate: Sendable, Hashable {
    /// `Σ r(b) − floor·Σ b` of the plan.
    public var objective: Double
    /// An upper bound on the objective of any feasible plan.
    public var dualBound: Double
    /// `dualBound − objective` (rounding below zero reported as 0).
    public var gap: Double
    /// `gap / |objective|`.
    public var relativeGap: Double
    /// The largest violation of the budget, a bound, a cap or a segment limit.
    public var maxViolation: Double
    /// The budget's shadow price: the marginal return of the last unit of currency (at least the
    /// marginal floor). 0 when the budget is not binding and there is no floor.
    public var lambda: Double
    /// The largest relative KKT residual over cells (continuous plans only; `nil` after branching
    /// or rounding, where the gap is the proof).
    public var maxKKTResidual: Double?
    /// Multipliers of the binding channel caps and segment limits, by name.
    public var multipliers: [ConstraintMultiplier]
    /// The method that produced the plan.
    public var method: SolveMethod
    /// Branch-and-bound nodes solved.
    public var nodes: Int
    /// Sweeps of dual coordinate ascent (1 for the exact budget solver).
    public var sweeps: Int
    /// Ids of cells moved by rounding (off a chord, or to whole messages).
    public var roundedCells: [String]
}
