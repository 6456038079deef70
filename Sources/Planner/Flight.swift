import PlannerCore

/// When one channel speaks to one segment about one festival: the days it may send on and the
/// local hours it may send in.
public struct Flight: Sendable, Equatable {
    /// The festival's id in the calendar file (`diwali`).
    public let festival: String
    /// The channel's name as in the brief (`sms`, `whatsapp`, `email`, `push`).
    public let channel: String
    /// First and last send day (inclusive), inside the plan's period.
    public let start: CivilDate
    /// The last send day (inclusive), at most the plan's last day.
    public let end: CivilDate
    /// Local send hours (`HH:MM`), already narrowed to what the regulator allows.
    public let sendFrom: String
    /// End of the daily send hours (`HH:MM`, local), after `sendFrom`.
    public let sendUntil: String
    /// The Olson zone the send hours are in: the segment's region's, else the country's.
    public let timeZone: String

    /// Days the flight may send on, `start` to `end` inclusive (at least 1).
    public var sendDays: Int { start.days(to: end) + 1 }

    /// Lays a flight before a festival's principal day.
    ///
    /// The flight opens `leadDays` before the principal day and closes `followUpDays` after it, both
    /// widened by the festival's date uncertainty (a moon-sighting Eid may fall a day either side),
    /// then clipped to the plan's period. Promotional SMS in India may be sent only 09:00-21:00
    /// (TRAI TCCCPR 2018), so an SMS window is narrowed to that. `nil` when nothing is left.
    public static func make(
        festival: String, principal: CivilDate, uncertaintyDays: Int, channel: String, leadDays: Int, followUpDays: Int,
        sendWindow: Brief.SendWindow, timeZone: String, country: String, period: Brief.Period
    ) -> Flight? {
        let start = max(principal.adding(days: -(leadDays + uncertaintyDays)), period.start)
        let end = min(principal.adding(days: followUpDays + uncertaintyDays), period.end)
        guard start <= end else { return nil }
        var from = Brief.minutes(sendWindow.start) ?? 9 * 60
        var until = Brief.minutes(sendWindow.end) ?? 21 * 60
        if channel == "sms", country == "IN" {
            from = max(from, 9 * 60)
            until = min(until, 21 * 60)
        }
        guard from < until else { return nil }
        return Flight(
            festival: festival, channel: channel, start: start, end: end, sendFrom: clock(from), sendUntil: clock(until),
            timeZone: timeZone)
    }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}

/// Shares a per-customer frequency cap (`messages` per `days`) between festival flights of one
/// segment whose windows overlap, so Navratri, Dussehra, Diwali and Chhath inside one month do not
/// each get the full cap.
public enum FrequencyBudget {
    /// Messages per customer each window may use, keyed by window index.
    ///
    /// Windows are grouped into clusters that overlap (directly or through others). A cluster of
    /// span S days may send `messages × ceil(S / days)` per customer. Windows with a `priority`
    /// rank (the brief's priority list) take their own full cap first (`messages × ceil(length /
    /// days)`), in rank order, while the allowance lasts; the rest is shared by the other windows
    /// in proportion to their lengths. The cluster never exceeds the cap.
    public static func shares(windows: [(start: CivilDate, end: CivilDate)], cap: Brief.FrequencyCap, priority: [Int?]? = nil) -> [Double] {
        let ranks = priority ?? Array(repeating: nil, count: windows.count)
        let order = windows.indices.sorted { (windows[$0].start, $0) < (windows[$1].start, $1) }
        var shares = [Double](repeating: 0, count: windows.count)
        var cluster: [Int] = []
        var clusterEnd: CivilDate?
        func close() {
            guard let first = cluster.first, let end = clusterEnd else { return }
            let span = windows[first].start.days(to: end) + 1
            var allowance = Double(cap.messages * ((span + cap.days - 1) / cap.days))
            let length = { (i: Int) in windows[i].start.days(to: windows[i].end) + 1 }
            for index in cluster.filter({ ranks[$0] != nil }).sorted(by: { (ranks[$0]!, $0) < (ranks[$1]!, $1) }) {
                let own = Double(cap.messages * ((length(index) + cap.days - 1) / cap.days))
                shares[index] = min(own, allowance)
                allowance -= shares[index]
            }
            let rest = cluster.filter { ranks[$0] == nil }
            let total = rest.map { Double(length($0)) }.reduce(0, +)
            for index in rest { shares[index] = total > 0 ? allowance * Double(length(index)) / total : 0 }
            cluster = []
            clusterEnd = nil
        }
        for index in order {
            if let end = clusterEnd, windows[index].start > end { close() }
            cluster.append(index)
            clusterEnd = max(clusterEnd ?? windows[index].end, windows[index].end)
        }
        close()
        return shares
    }
}
