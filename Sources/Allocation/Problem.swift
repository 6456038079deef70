/// A cap on the total spend of one channel (a provider quota, a WhatsApp tier limit).
public struct ChannelCap: Sendable, Hashable {
    /// The channel name, as in ``Cell/channel``.
    public var channel: String
    /// Most total spend on the channel's cells.
    public var cap: Double

    /// Creates a channel cap.
    public init(channel: String, cap: Double) {
        self.channel = channel
        self.cap = cap
    }
}

/// Least and most total spend on one segment (coverage promises, fairness between regions).
public struct SegmentLimit: Sendable, Hashable {
    /// The segment name, as in ``Cell/segment``.
    public var segment: String
    /// Least total spend on the segment's cells (0 for none).
    public var minimum: Double
    /// Most total spend on the segment's cells (`.infinity` for none).
    public var maximum: Double

    /// Creates a segment limit.
    public init(segment: String, minimum: Double = 0, maximum: Double = .infinity) {
        self.segment = segment
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Everything the allocator needs: cells, the budget and the limits on them.
///
/// The budget is an inequality: the plan spends at most `budget` and leaves money unspent rather
/// than buy returns below `marginalFloor` ("spend only while the next rupee returns at least x").
/// With a floor the solver maximises `response − floor × spend`, which is the same plan.
public struct AllocationProblem: Sendable, Hashable {
    /// The cells; ids must be unique.
    public var cells: [Cell]
    /// Most total spend.
    public var budget: Double
    /// Per-channel caps (at most one per channel).
    public var channelCaps: [ChannelCap]
    /// Per-segment minimum and maximum spend (at most one per segment).
    public var segmentLimits: [SegmentLimit]
    /// Optional floor on the marginal return of the last unit spent (`nil` for none).
    public var marginalFloor: Double?

    /// Creates a problem.
    public init(
        cells: [Cell],
        budget: Double,
        channelCaps: [ChannelCap] = [],
        segmentLimits: [SegmentLimit] = [],
        marginalFloor: Double? = nil
    ) {
        self.cells = cells
        self.budget = budget
        self.channelCaps = channelCaps
        self.segmentLimits = segmentLimits
        self.marginalFloor = marginalFloor
    }
}

/// Tolerances and limits of the solver. The defaults meet the certificate targets.
public struct AllocationOptions: Sendable, Hashable {
    /// Stop the dual method and branch-and-bound at this relative duality gap.
    public var relativeGapTolerance: Double
    /// Most sweeps of dual coordinate ascent (channel caps and segment limits).
    public var maxSweeps: Int
    /// Most nodes of branch-and-bound (minimum viable spend, S-shaped curves).
    public var maxNodes: Int
    /// How many candidates on each side the 1-swap pass of whole-message rounding tries.
    public var swapCandidates: Int

    /// Creates options.
    public init(
        relativeGapTolerance: Double = 1e-9,
        maxSweeps: Int = 20_000,
        maxNodes: Int = 200,
        swapCandidates: Int = 64
    ) {
        self.relativeGapTolerance = relativeGapTolerance
        self.maxSweeps = maxSweeps
        self.maxNodes = maxNodes
        self.swapCandidates = swapCandidates
    }
}
