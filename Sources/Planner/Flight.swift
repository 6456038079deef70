import ICUKit

/// When one channel speaks to one segment about one festival: the days it may send on and the
/// local hours it may send in.
public struct Flight: Sendable, Equatable {
    public let festival: String
    public let channel: String
    /// First and last send day (inclusive), inside the plan's period.
    public let start: CivilDate
    public let end: CivilDate
    /// Local send hours (`HH:MM`), already narrowed to what the regulator allows.
    public let sendFrom: String
    public let sendUntil: String
    public let timeZone: String

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
    /// span S days may send `messages × ceil(S / days)` per customer; that allowance is shared by
    /// its windows in proportion to their lengths (their send days), so every window gets a share
    /// and the cluster never exceeds the cap.
    public static func shares(windows: [(start: CivilDate, end: CivilDate)], cap: Brief.FrequencyCap) -> [Double] {
        let order = windows.indices.sorted { (windows[$0].start, $0) < (windows[$1].start, $1) }
        var shares = [Double](repeating: 0, count: windows.count)
        var cluster: [Int] = []
        var clusterEnd: CivilDate?
        func close() {
            guard let first = cluster.first, let end = clusterEnd else { return }
            let span = windows[first].start.days(to: end) + 1
            let allowance = Double(cap.messages * ((span + cap.days - 1) / cap.days))
            let lengths = cluster.map { Double(windows[$0].start.days(to: windows[$0].end) + 1) }
            let total = lengths.reduce(0, +)
            for (index, length) in zip(cluster, lengths) { shares[index] = allowance * length / total }
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
