import Planner
import PlannerCore
import PlannerIO

/// What a campaign earned, measured against its holdout: `campaign-planner results`.
///
/// Reads the plan, the audience folder it was sent from (`sends.csv`, `holdout.csv`) and an
/// outcomes file, and compares, for every plan line and for each channel, festival, segment and
/// the whole campaign, the customers messaged with the held-out customers who would have been
/// messaged (their ghost sends). Conversion lifts carry Newcombe's 95 % interval, revenue lifts
/// Welch's (see ``Interval``); a group too small for an interval says so.
///
/// An outcome without a date counts for every line its customer was in (or would have been in):
/// a line's figure is then the whole campaign's effect on the customers that line chose. With a
/// `date` column, an outcome counts for a group only from its first flight's start to its last
/// flight's end plus ``Request/attributionDays``.
public struct CampaignResults: Sendable {
    /// What to measure.
    public struct Request: Sendable {
        /// The plan.json the audience was made from.
        public var plan: String
        /// The audience folder (`sends.csv`, `holdout.csv`).
        public var audience: String
        /// The outcomes file (`customer_id,converted,revenue`, or as mapped).
        public var outcomes: String
        /// Outcome field → column name, for headers not recognised by themselves.
        public var mapping: [String: String]
        /// Where rejected outcome rows go; `nil`: beside the outcomes file.
        public var rejectsPath: String?
        /// Days after a flight's end in which a dated outcome still counts for it.
        public var attributionDays: Int

        /// A request with recognised headers, rejects beside the outcomes and 7 attribution days.
        public init(
            plan: String, audience: String, outcomes: String, mapping: [String: String] = [:], rejectsPath: String? = nil,
            attributionDays: Int = 7
        ) {
            self.plan = plan
            self.audience = audience
            self.outcomes = outcomes
            self.mapping = mapping
            self.rejectsPath = rejectsPath
            self.attributionDays = attributionDays
        }
    }

    /// What the outcomes file gave.
    public struct Input: Sendable, Equatable {
        /// The outcomes file, as given.
        public let file: String
        /// Data rows read.
        public let rowsRead: Int
        /// Rows counted.
        public let accepted: Int
        /// Rejected rows per reason (`unknown_customer`, `duplicate`, `negative_revenue`, ...).
        public let rejected: [String: Int]
        /// Where the rejected rows were written (owner-only: they hold customer ids).
        public let rejectsPath: String
        /// Whether outcomes were dated (windows applied).
        public let dated: Bool
    }

    /// The plan's name.
    public let name: String
    /// The plan's currency: every money figure's.
    public let currency: String
    /// Days after a flight in which a dated outcome counts.
    public let attributionDays: Int
    /// All lines together: customers with any send against held-out customers with any ghost send.
    public let overall: GroupLift
    /// Per channel, in the order `sms`, `whatsapp`, `email`, `push` (those the plan has).
    public let byChannel: [GroupLift]
    /// Per festival, by festival id.
    public let byFestival: [GroupLift]
    /// Per segment, by segment id.
    public let bySegment: [GroupLift]
    /// Per plan line, in the plan's order (keys are line ids).
    public let byLine: [GroupLift]
    /// What each plan line is (its segment, festival and channel), by line id, for labels.
    public let lines: [String: LineLabel]

    /// A plan line's labels, as results.json's `by_line` entries carry them.
    public struct LineLabel: Sendable, Equatable {
        /// The segment's id.
        public let segment: String
        /// The festival's id.
        public let festival: String
        /// The channel.
        public let channel: String

        /// Labels of a line.
        public init(segment: String, festival: String, channel: String) {
            self.segment = segment
            self.festival = festival
            self.channel = channel
        }
    }
    /// The outcomes file's counts.
    public let input: Input
    /// Learned response rates for the next plan (``CalibrationEstimate``), written as `calibration.yaml`.
    public let calibration: Calibration

    /// Measures `request`.
    /// - Throws: a ``Diagnostic`` naming the file, line and field: an unreadable plan, a missing
    ///   or malformed audience file, a send for a line the plan does not have, a customer both
    ///   messaged and held out, an outcomes header without a customer id or an outcome column.
    public static func measure(_ request: Request) throws(Diagnostic) -> CampaignResults {
        let plan = try Plan.load(request.plan)
        let audience = try AudienceMembership.read(directory: request.audience, plan: plan)
        let window = plan.period.start.dayNumber...plan.period.end.adding(days: request.attributionDays).dayNumber
        let rejectsPath = request.rejectsPath ?? RejectsWriter.path(beside: request.outcomes)
        let outcomes = try Outcomes.read(
            path: request.outcomes, mapping: request.mapping, rejectsPath: rejectsPath, audience: audience, window: window)
        let measure = Measurement(plan: plan, audience: audience, outcomes: outcomes, attributionDays: request.attributionDays)
        let channels = ["sms", "whatsapp", "email", "push"]
        func grouped(_ key: (PlanLine) -> String, order: ([String]) -> [String]) -> [GroupLift] {
            var groups: [String: [Int]] = [:]
            for (i, line) in plan.lines.enumerated() { groups[key(line), default: []].append(i) }
            return order(Array(groups.keys)).map { measure.lift(key: $0, lines: groups[$0]!) }
        }
        let byChannel = grouped(\.channel) { keys in channels.filter(keys.contains) + keys.filter { !channels.contains($0) }.sorted() }
        var segmentChannels: [String: GroupLift] = [:]
        for lift in grouped({ "\($0.segment) \($0.channel)" }, order: { $0.sorted() }) { segmentChannels[lift.key] = lift }
        let conversionRates = Dictionary(
            uniqueKeysWithValues: channels.compactMap { c in plan.assumption("\(c).conversion_rate").flatMap(Double.init).map { (c, $0) } })
        return CampaignResults(
            name: plan.name, currency: plan.currency, attributionDays: request.attributionDays,
            overall: measure.lift(key: "overall", lines: Array(plan.lines.indices)),
            byChannel: byChannel,
            byFestival: grouped(\.festival) { $0.sorted() }, bySegment: grouped(\.segment) { $0.sorted() },
            byLine: plan.lines.indices.map { measure.lift(key: plan.lines[$0].id, lines: [$0]) },
            lines: Dictionary(
                uniqueKeysWithValues: plan.lines.map { ($0.id, LineLabel(segment: $0.segment, festival: $0.festival, channel: $0.channel)) }
            ),
            input: Input(
                file: request.outcomes, rowsRead: outcomes.rows, accepted: outcomes.accepted, rejected: outcomes.rejected,
                rejectsPath: rejectsPath, dated: outcomes.dated),
            calibration: CalibrationEstimate.make(
                source: "results of \(plan.name)", channels: byChannel, segmentChannels: segmentChannels, conversionRates: conversionRates))
    }
}

/// The join of audience and outcomes, group by group.
struct Measurement {
    let plan: Plan
    let audience: AudienceMembership
    let outcomes: Outcomes
    let attributionDays: Int

    /// The lift of the lines at `lines` (indices into the plan's lines), distinct customers.
    func lift(key: String, lines: [Int]) -> GroupLift {
        var treated = Set<Int32>(), ghosts = Set<Int32>()
        for l in lines {
            treated.formUnion(audience.treated[l])
            ghosts.formUnion(audience.ghosts[l])
        }
        let flights = lines.map { plan.lines[$0].flight }
        let first = flights.map(\.start.dayNumber).min() ?? 0
        let last = (flights.map(\.end.dayNumber).max() ?? 0) + attributionDays
        func side(_ customers: Set<Int32>) -> GroupSide {
            var side = GroupSide()
            for customer in customers {
                var conversions = 0, revenue: Int64 = 0
                for event in outcomes.events[customer] ?? [] {
                    if let day = event.day, !(first...last).contains(Int(day)) { continue }
                    conversions += Int(event.conversions)
                    revenue += event.revenue
                }
                side.add(converted: conversions > 0, revenue: revenue)
            }
            return side
        }
        func sum(_ range: (PlanLine) -> Range3) -> Range3 {
            lines.reduce(Range3(low: 0, base: 0, high: 0)) { total, l in
                let r = range(plan.lines[l])
                return Range3(low: total.low + r.low, base: total.base + r.base, high: total.high + r.high)
            }
        }
        return GroupLift(
            key: key, treated: side(treated), holdout: side(ghosts), spend: audience.spend(of: lines),
            forecastConversions: sum(\.forecast.conversions), forecastRevenue: sum(\.forecast.revenue))
    }
}
