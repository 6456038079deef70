import Locales
import Messages
import Planner
import PlannerCore
import PlannerIO
import Segments

extension AudienceBuilder {
    /// Positions of `lines` (one segment's) in assignment order: festivals by first flight day
    /// then id; within one, by base revenue per message (highest first), then channel order.
    static func festivalOrder(_ lines: [PlanLine]) -> [Int] {
        var festivalStart: [String: CivilDate] = [:]
        for line in lines { festivalStart[line.festival] = min(festivalStart[line.festival] ?? line.flight.start, line.flight.start) }
        func value(_ line: PlanLine) -> Double {
            line.forecast.messages > 0 ? line.forecast.revenue.base / Double(line.forecast.messages) : 0
        }
        func channel(_ line: PlanLine) -> Int { Channel.allCases.firstIndex { $0.rawValue == line.channel } ?? 99 }
        return lines.indices.sorted { a, b in
            let x = lines[a], y = lines[b]
            if x.festival != y.festival { return (festivalStart[x.festival]!, x.festival) < (festivalStart[y.festival]!, y.festival) }
            if value(x) != value(y) { return value(x) > value(y) }
            return channel(x) < channel(y)
        }
    }

    /// One send chosen: the member (its position in rank order among the segment's treated or
    /// held-out customers) and its row (``Member/place`` and line, to read it again), the day
    /// number and the minute of the day it goes out.
    struct Pick: Sendable {
        let member: Int32
        let day: Int32
        var minute: Int32
        let row: UInt32
        let place: UInt64

        /// The picked customer's row in the file.
        var position: CustomerRecordPosition { Member.position(place: place, line: row) }
    }

    struct Assignment {
        let line: Int
        let picks: [Pick]
        let skipped: [SkipReason: Int]
    }

    /// The hours a line may send in: its flight's, inside India's 09:00-21:00 for every channel
    /// (TRAI's promotional hours, which we keep as the country's quiet hours).
    static func window(_ flight: Flight, country: String) -> (from: Int, until: Int) {
        var from = minutes(flight.sendFrom) ?? 9 * 60
        var until = minutes(flight.sendUntil) ?? 21 * 60
        if country == "IN" {
            from = max(from, DLTRules.promotionalWindow.start)
            until = min(until, DLTRules.promotionalWindow.end)
        }
        return (from, max(until, from + 1))
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }

    /// Walks the customers of `bucket` of `ranked` (in rank order) for each line in turn, as
    /// ``AudienceBuilder`` describes; `cap` holds their send days, by rank position.
    static func assign(
        lines: [Int], quotas: [Int], ranked: BucketSpill<Member>, bucket: Int, plan: Plan, rules: AudienceRules, byName: Set<String>,
        cap: inout CapBook,
        dedupe: inout [String: Set<UInt64>]
    ) throws(Diagnostic) -> [Assignment] {
        var result: [Assignment] = []
        for (position, l) in lines.enumerated() {
            let line = plan.lines[l]
            let quota = quotas[position]
            guard let channel = Channel(rawValue: line.channel) else { continue }
            let c = Channel.allCases.firstIndex(of: channel)!
            let kind = Member.kind(c)
            let key = "\(line.festival)|\(line.channel)"
            let needsName = byName.contains(line.template)
            let days = line.flight.sendDays
            // The picks themselves as they are chosen (24 bytes each, room for the quota made once);
            // their minutes are set when the day's count is known.
            var picks: [Pick] = []
            picks.reserveCapacity(min(quota, ranked.count(bucket)))
            var seen: [SkipReason: Int] = [:]
            let start = line.flight.start.dayNumber
            let perDayLimit = (quota + days - 1) / max(days, 1)
            var load = [Int](repeating: 0, count: days)
            var used = dedupe.removeValue(forKey: key) ?? []
            defer { dedupe[key] = used }
            var candidates = MemberCursor(ranked, bucket: bucket)
            var m = -1
            while picks.count < quota, let member = try candidates.next() {
                m += 1
                guard member.optIn & (1 << UInt8(c)) != 0 else { continue }
                switch member.state(kind: kind) {
                case .missing:
                    seen[.missingContact, default: 0] += 1
                    continue
                case .invalid:
                    seen[.invalidContact, default: 0] += 1
                    continue
                case .valid: break
                }
                if needsName && !member.named {
                    seen[.missingName, default: 0] += 1
                    continue
                }
                // Only contacts that several customers share keep a key (see SharedContacts).
                let contact = member.contact(kind: kind)
                if contact != 0 && used.contains(contact) {
                    seen[.duplicateContact, default: 0] += 1
                    continue
                }
                // The least-loaded day (the earliest of equals) that has room and that the cap allows.
                var chosen: Int?
                if cap.isEmpty(m) {
                    // No other message yet: the least-loaded day, without sorting.
                    var best = -1
                    for d in 0..<days where load[d] < perDayLimit && (best < 0 || load[d] < load[best]) { best = d }
                    chosen = best >= 0 ? best : nil
                } else {
                    // The least-loaded of the days with room that the cap allows, the earliest of equals: one
                    // pass over the days (not level by level up to the day limit, which cost a capped customer
                    // time in proportion to the line's messages, and the whole walk the square of them).
                    let existing = cap.days(m)
                    for d in 0..<days where load[d] < perDayLimit && (chosen == nil || load[d] < load[chosen!]) {
                        if rules.cap.allows(start + d, after: existing) { chosen = d }
                    }
                }
                guard let dayIndex = chosen else {
                    seen[.cap, default: 0] += 1
                    continue
                }
                load[dayIndex] += 1
                cap.add(m, day: start + dayIndex)
                if contact != 0 { used.insert(contact) }
                picks.append(Pick(member: Int32(m), day: Int32(start + dayIndex), minute: 0, row: member.line, place: member.place))
            }
            // Times: each day's sends spread evenly over the window.
            let (from, until) = window(line.flight, country: plan.country)
            var perDay = [Int](repeating: 0, count: days)
            for pick in picks { perDay[Int(pick.day) - start] += 1 }
            var placed = [Int](repeating: 0, count: days)
            for p in picks.indices {
                let dayIndex = Int(picks[p].day) - start
                let i = placed[dayIndex]
                placed[dayIndex] += 1
                picks[p].minute = Int32(from + i * (until - from) / perDay[dayIndex])
            }
            // The shortfall, explained: reasons in order, the rest too few customers.
            var left = quota - picks.count
            var skipped: [SkipReason: Int] = [:]
            for reason in [SkipReason.cap, .duplicateContact, .invalidContact, .missingContact, .missingName] where left > 0 {
                let n = min(left, seen[reason] ?? 0)
                if n > 0 { skipped[reason] = n }
                left -= n
            }
            if left > 0 { skipped[.tooFewCustomers] = left }
            result.append(Assignment(line: l, picks: picks, skipped: skipped))
        }
        return result
    }
}
