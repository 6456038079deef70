import Planner
import PlannerCore

/// What the audience takes from the plan besides its lines: the campaign id, the holdout share,
/// the frequency cap, the brief's message arguments and the SMS price per segment. Read from
/// `plan.json`'s `campaign_id` and assumptions (which the planner writes in a fixed form), so a
/// plan file is all `audience` needs.
public struct AudienceRules: Sendable, Equatable {
    /// The key of the holdout hash.
    public let campaignID: String
    /// Share of each segment held out (0.05).
    public let holdoutShare: Double
    /// The per-customer cap across festivals and channels.
    public let cap: FrequencyCap
    /// The brief's campaign values for templates (`discount: 20`).
    public let arguments: [String: String]
    /// SMS price per segment in ten-thousandths of the currency unit (0.12 → 1200), when the plan has SMS.
    public let smsPricePerSegment: Int64?

    /// Rules given directly (tests).
    public init(campaignID: String, holdoutShare: Double, cap: FrequencyCap, arguments: [String: String], smsPricePerSegment: Int64?) {
        self.campaignID = campaignID
        self.holdoutShare = holdoutShare
        self.cap = cap
        self.arguments = arguments
        self.smsPricePerSegment = smsPricePerSegment
    }

    /// The rules a plan records; a plan without a `holdout` or `frequency_cap` assumption, or with
    /// one in another form, is a bad-input error naming it.
    public init(plan: Plan, path: String) throws(Diagnostic) {
        func value(_ key: String) -> String? { plan.assumptions.first { $0.key == key }?.value }
        func bad(_ key: String) -> Diagnostic {
            Diagnostic(
                .badInput, path: path, field: "assumptions.\(key)", message: "the plan does not record its \(key) in the planner's form",
                hint: "make the plan again with this version of campaign-planner")
        }
        guard let holdoutText = value("holdout"), let share = Double(holdoutText), share >= 0, share < 1 else { throw bad("holdout") }
        // `3 per 14 days`
        let words = (value("frequency_cap") ?? "").split(separator: " ")
        guard words.count == 4, words[1] == "per", let messages = Int(words[0]), let days = Int(words[2]), messages > 0, days > 0 else {
            throw bad("frequency_cap")
        }
        var arguments: [String: String] = [:]
        for assumption in plan.assumptions where assumption.key.hasPrefix("argument.") {
            arguments[String(assumption.key.dropFirst("argument.".count))] = assumption.value
        }
        var price: Int64?
        if let text = value("sms.cost_per_message") {
            guard let units = Self.tenThousandths(text) else { throw bad("sms.cost_per_message") }
            price = units
        }
        self.init(
            campaignID: plan.campaignID, holdoutShare: share, cap: FrequencyCap(messages: messages, days: days), arguments: arguments,
            smsPricePerSegment: price)
    }

    /// `0.1200` as 1200 ten-thousandths; `nil` for anything but a plain decimal with at most four places.
    static func tenThousandths(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0 else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard digits.count <= 4, digits.allSatisfy(\.isASCII), let value = Int64(digits.isEmpty ? "0" : String(digits)) else {
                return nil
            }
            fraction = value
            for _ in digits.count..<4 { fraction *= 10 }
        }
        return whole * 10_000 + fraction
    }
}
