/// The brief's frequency cap per customer: never more than `messages` in any `days` consecutive
/// days, across every festival and channel of the campaign.
public struct FrequencyCap: Sendable, Equatable {
    /// The most messages in any window.
    public let messages: Int
    /// The window's length in days.
    public let days: Int

    /// A cap of `messages` per `days` days.
    public init(messages: Int, days: Int) {
        self.messages = messages
        self.days = days
    }

    /// Whether one more message on `day` keeps every window of `days` days holding it at
    /// `messages` or fewer, given the customer's other send days.
    public func allows(_ day: Int, after existing: [Int]) -> Bool {
        guard existing.count >= messages else { return true }
        for start in (day - days + 1)...day {
            var count = 1
            for other in existing where other >= start && other < start + days { count += 1 }
            if count > messages { return false }
        }
        return true
    }
}
