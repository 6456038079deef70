import Planner
import PlannerCore

/// A plan as `compare` reads it back from `plan.json`: the figures a budget review needs, with
/// money in paise (``Money``) so that deltas and totals reconcile exactly.
///
/// ```swift
/// let base = try PlanFile.load("last-week/plan.json")
/// let other = try PlanFile.load("this-week/plan.json", base: base)
/// ```
///
/// Loading refuses, with one ``Diagnostic`` naming the file and the field, a file that is not a
/// plan, a plan of another schema version than ``Plan/schemaVersion``, a plan in another currency
/// than the base plan, and a plan whose lines do not add up to its allocated total.
public struct PlanFile: Sendable {
    /// The path it was read from (as given), for messages and column legends.
    public let path: String
    public let name: String
    public let country: String
    public let currency: String
    /// The brief's budget: what the plan could spend.
    public let budget: Money
    /// The assumptions the plan rests on (brief fields and defaults), in the plan's order.
    public let assumptions: [Assumption]
    public let segments: [Segment]
    public let lines: [Line]
    public let messages: [Message]
    /// The budget's shadow price: revenue of the plan's last rupee (the optimiser's certificate).
    public let lambda: Double
    public let totals: Totals

    /// A segment's size and reach, to tell a segment that grew or shrank.
    public struct Segment: Sendable, Equatable {
        public let id: String
        public let customers: Int
        /// Reachable customers per channel.
        public let reachable: [String: Int]
    }

    /// One plan line's budget and forecast (base case).
    public struct Line: Sendable, Equatable {
        public let id: String
        public let segment: String
        public let region: String
        public let language: String
        public let festival: String
        public let festivalName: String
        /// ISO dates, compared as text.
        public let festivalDate: String
        public let flightStart: String
        public let flightEnd: String
        public let channel: String
        public let budget: Money
        public let costPerMessage: Double
        public let messages: Int
        public let reachable: Int
        public let conversions: Double
        public let revenue: Double
        public let roi: Double?
        public let marginalReturn: Double

        /// What identifies a line across plans: its segment, festival and channel
        /// (`IN-WB/bn durga_puja sms`). Line ids (`L0007`) are positions and shift between plans.
        public var key: String { "\(segment) \(festival) \(channel)" }
    }

    /// A message's SMS segment count, per segment, festival and channel.
    public struct Message: Sendable, Equatable {
        public let segment: String
        public let festival: String
        public let channel: String
        public let smsSegments: Int
        public let costPerMessage: Double
    }

    /// The plan's totals as written.
    public struct Totals: Sendable, Equatable {
        public let allocated: Money
        public let unspent: Money
    }

    public init(
        path: String, name: String, country: String, currency: String, budget: Money, assumptions: [Assumption], segments: [Segment],
        lines: [Line], messages: [Message], lambda: Double, totals: Totals
    ) {
        self.path = path
        self.name = name
        self.country = country
        self.currency = currency
        self.budget = budget
        self.assumptions = assumptions
        self.segments = segments
        self.lines = lines
        self.messages = messages
        self.lambda = lambda
        self.totals = totals
    }

    /// The value of an assumption, nil when the plan does not have it.
    public func assumption(_ key: String) -> String? { assumptions.first { $0.key == key }?.value }
}
