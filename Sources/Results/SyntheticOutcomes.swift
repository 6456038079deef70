import Planner
import PlannerCore
import PlannerIO

/// Outcomes made from a known truth, for checking `results`: every customer of an audience
/// (messaged or held out) converts anyway with `baseRate`; a messaged customer converts with
/// an extra `lift[channel]` for each channel that messaged it (independently:
/// `1 − (1 − base) · Π (1 − lift)`); a conversion is worth `orderValue`. Held-out customers get
/// the base rate only, so a channel's true incremental conversion rate, for customers messaged on
/// that channel alone, is `(1 − base) · lift`.
///
/// The same plan, audience, rates and seed give the same file (`customer_id,converted,revenue`,
/// customers in the order first seen in sends.csv, then holdout.csv).
public struct SyntheticOutcomes: Sendable {
    /// The chance a customer converts without any message.
    public var baseRate: Double
    /// Channel → the extra chance of converting a message on it adds.
    public var lift: [String: Double]
    /// Revenue of one conversion, in currency units.
    public var orderValue: Money
    /// The random stream's seed.
    public var seed: UInt64

    /// Outcomes with these true rates.
    public init(baseRate: Double, lift: [String: Double], orderValue: Money, seed: UInt64) {
        self.baseRate = baseRate
        self.lift = lift
        self.orderValue = orderValue
        self.seed = seed
    }

    /// The outcomes CSV for the audience in `directory` of the plan at `plan`.
    /// - Throws: the plan's and the audience files' diagnostics.
    public func csv(plan path: String, audience directory: String) throws(Diagnostic) -> String {
        let truth = try Truth(model: self, plan: path, audience: directory)
        var ids = [String](repeating: "", count: truth.audience.customers.count)
        for (id, n) in truth.audience.customers { ids[Int(n)] = id }
        var random = SplitMix64(scrambling: seed)
        var text = "customer_id,converted,revenue\n"
        for (n, id) in ids.enumerated() {
            let converted = random.unit() < truth.probability(Int32(n))
            text += "\(CSVWriter.escape(id)),\(converted ? 1 : 0),\(converted ? orderValue : .zero)\n"
        }
        return text
    }

    /// The true incremental conversion rate `results` estimates for each channel (and `overall`):
    /// the mean conversion chance of the customers the channel's lines messaged, minus the base
    /// rate (which is what their held-out counterparts have). With customers messaged on several
    /// channels this is more than `(1 − base) · lift`: it is the whole campaign's effect on them.
    public func expectedIncrementalRates(plan path: String, audience directory: String) throws(Diagnostic) -> [String: Double] {
        let truth = try Truth(model: self, plan: path, audience: directory)
        var groups: [String: Set<Int32>] = [:]
        for (l, customers) in truth.audience.treated.enumerated() {
            groups[truth.plan.lines[l].channel, default: []].formUnion(customers)
            groups["overall", default: []].formUnion(customers)
        }
        return groups.mapValues { customers in
            customers.map(truth.probability).reduce(0, +) / Double(max(1, customers.count)) - baseRate
        }
    }

    /// Each customer's chance of converting under the model.
    struct Truth {
        let plan: Plan
        let audience: AudienceMembership
        let channels: [Int32: Set<String>]
        let model: SyntheticOutcomes

        init(model: SyntheticOutcomes, plan path: String, audience directory: String) throws(Diagnostic) {
            self.model = model
            plan = try Plan.load(path)
            audience = try AudienceMembership.read(directory: directory, plan: plan)
            var channels: [Int32: Set<String>] = [:]
            for (l, customers) in audience.treated.enumerated() {
                for c in customers { channels[c, default: []].insert(plan.lines[l].channel) }
            }
            self.channels = channels
        }

        func probability(_ customer: Int32) -> Double {
            var stay = 1 - model.baseRate
            for channel in (channels[customer] ?? []).sorted() { stay *= 1 - (model.lift[channel] ?? 0) }
            return 1 - stay
        }
    }
}
