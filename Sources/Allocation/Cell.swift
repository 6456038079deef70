/// One place where budget can go: a segment reached through a channel.
///
/// ```swift
/// let cell = Cell(id: "MH-mr-diwali/sms", segment: "MH-mr-diwali", channel: "sms",
///                 curve: .saturation(a: 12_000, s: 40_000), lo: 0, hi: 120_000,
///                 minimumSpend: 5_000, unitCost: 0.25)
/// ```
///
/// Cells are keyed by `id`: ids must be unique, and every tie in the solver is broken by id, so
/// the order in which cells are given never changes the plan (results come back in input order).
public struct Cell: Sendable, Hashable {
    /// Unique key of the cell (for example `segment/channel`).
    public var id: String
    /// The segment this cell belongs to, for per-segment minimum and maximum spend.
    public var segment: String?
    /// The channel this cell uses, for per-channel caps.
    public var channel: String?
    /// Expected response as a function of spend.
    public var curve: ResponseCurve
    /// Least spend on this cell (contracts, commitments). Must be at most `hi`.
    public var lo: Double
    /// Most spend on this cell (frequency cap × audience × cost per contact). Must be finite.
    public var hi: Double
    /// Minimum viable spend: the cell is either left at 0 or given at least this much.
    /// 0 means no minimum. With `lo > 0` it raises the lower bound to `max(lo, minimumSpend)`.
    public var minimumSpend: Double
    /// Cost of one message: when set, the cell's budget is a whole number of messages.
    public var unitCost: Double?

    /// Creates a cell; see the properties for what each value means.
    public init(
        id: String,
        segment: String? = nil,
        channel: String? = nil,
        curve: ResponseCurve,
        lo: Double = 0,
        hi: Double,
        minimumSpend: Double = 0,
        unitCost: Double? = nil
    ) {
        self.id = id
        self.segment = segment
        self.channel = channel
        self.curve = curve
        self.lo = lo
        self.hi = hi
        self.minimumSpend = minimumSpend
        self.unitCost = unitCost
    }
}
