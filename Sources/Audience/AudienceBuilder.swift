import Festivals
import Locales
import Messages
import Planner
import PlannerCore
import PlannerIO
import Segments

/// What one `audience` run is asked.
public struct AudienceRequest: Sendable {
    /// The plan, as `Plan.load` read it.
    public let plan: Plan
    /// Where the plan was read from (names it in errors).
    public let planPath: String
    /// The customer file; `nil` means the one the plan records.
    public let customersPath: String?
    /// The folder holding `locales/`, `calendars/` and `templates/`.
    public let dataRoot: String
    /// Send to a customer file that has changed since the plan was made, reporting the differences.
    public let allowChangedCustomers: Bool

    /// A request for `plan`'s audience.
    public init(plan: Plan, planPath: String, customersPath: String? = nil, dataRoot: String, allowChangedCustomers: Bool = false) {
        self.plan = plan
        self.planPath = planPath
        self.customersPath = customersPath
        self.dataRoot = dataRoot
        self.allowChangedCustomers = allowChangedCustomers
    }
}

/// Turns a plan into the exact sends: one streaming pass over the customer file assigns every
/// customer to its plan segment; then each segment in turn is held out, ranked, capped,
/// scheduled and rendered, and handed to the sink before the next segment starts.
///
/// Memory: the customers of the plan's segments are kept (a compact record each) until their
/// segment is written; a segment's cap counters live only while it is assigned (a customer is in
/// exactly one segment). Segment by segment, the rules are:
/// 1. holdout: ``Holdout`` (MD5 of `campaign_id:customer_id`, the first `round(share × n)`);
/// 2. ranking: ``ResponseScore`` (recency, orders, spend), ties by the holdout hash;
/// 3. festivals in flight order; within a festival, lines by value per message (base revenue ÷
///    messages); each line takes the best-ranked customers reachable on its channel (opted in, a
///    valid contact not yet sent this festival's message on this channel, a name when the
///    template addresses one) whose cap allows the send day;
/// 4. each send goes out on the flight's least-loaded day (the earliest of equals; at most
///    `ceil(m ÷ days)` a day) that the customer's cap allows, the day's sends spread evenly over
///    its hours (the channel's window inside the country's quiet hours);
/// 5. held-out customers get the same treatment with quotas `round(m × held out ÷ treated)`:
///    their ghost sends, never sent.
public enum AudienceBuilder {
    /// Builds the audience of `request`, handing each segment's batch to `sink`.
    public static func build(_ request: AudienceRequest, sink: any AudienceSink) throws(Diagnostic) -> AudienceResult {
        let plan = request.plan
        let rules = try AudienceRules(plan: plan, path: request.planPath)
        let customersPath = request.customersPath ?? plan.input.file
        let locales = try LocaleCatalog(directory: "\(request.dataRoot)/locales", countries: [plan.country])
        guard let country = locales.country(code: plan.country) else {
            throw Diagnostic(.badInput, path: request.planPath, field: "country", message: "unknown country '\(plan.country)'")
        }
        let templates = try TemplateCatalog(directory: "\(request.dataRoot)/templates", locales: locales)
        let festivals = try FestivalCatalog(directory: "\(request.dataRoot)/calendars", country: plan.country, locales: locales)
        var warnings: [String] = []

        // The file the plan was made from, unchanged.
        let now = try FileFingerprint(path: customersPath)
        let changed = now.size != plan.input.size || now.sha256 != plan.input.sha256
        if changed {
            let what =
                "the customer file has changed since the plan was made (\(plan.input.size) → \(now.size) bytes, SHA-256 "
                + "\(plan.input.sha256.prefix(12))… → \(now.sha256.prefix(12))…)"
            guard request.allowChangedCustomers else {
                throw Diagnostic(
                    .badInput, path: customersPath, message: what,
                    hint:
                        "make the plan again from this file, or send to it as it is with \(OptionText.mention("allow-changed-customers")), "
                        + "which reports the differences in counts")
            }
            warnings.append(what + ": sending to it as it is now; the differences in counts are below")
        }

        // The rows, as the plan read them.
        var mapping = ColumnMapping(explicit: [:])
        var explicit: [CanonicalField: String] = [:]
        for (key, column) in plan.input.columns {
            guard let field = CanonicalField(rawValue: key) else {
                throw Diagnostic(
                    .badInput, path: request.planPath, field: "input.columns.\(key)", message: "unknown customer field '\(key)'")
            }
            explicit[field] = column
        }
        mapping = ColumnMapping(explicit: explicit)
        if let format = plan.input.dateFormat {
            mapping.dateOrder = try ColumnMapping.dateOrder(
                format, at: Diagnostic(.badInput, path: request.planPath, field: "input.date_format", message: ""))
        }
        let reader = CustomerRecordReader(
            rules: try SegmentReader(catalog: locales, country: plan.country, mapping: mapping, asOf: plan.asOf))
        let index = SegmentIndex(plan: plan, country: country)
        var members = [[Member]](repeating: [], count: index.ids.count)
        var outside = 0
        var rejects: [ContactReject] = []
        let counts = try reader.read(path: customersPath) { record in
            guard let segment = index.segment(region: record.region, language: record.language) else {
                outside += 1
                return
            }
            let member = Member(record: record, campaignID: rules.campaignID, country: plan.country)
            rejects += member.rejects
            members[segment].append(member)
        }
        rejects.sort { ($0.line, $0.reason) < ($1.line, $1.reason) }

        // Segment by segment.
        var outcomes = plan.lines.map(LineOutcome.init)
        let lineIndex = Dictionary(uniqueKeysWithValues: plan.lines.enumerated().map { ($1.id, $0) })
        var linesBySegment: [String: [Int]] = [:]
        for (i, line) in plan.lines.enumerated() { linesBySegment[line.segment, default: []].append(i) }
        var renderer = LineRenderer(plan: plan, rules: rules, templates: templates, festivals: festivals)
        let byName = LineRenderer.addressingByName(templates)
        var dedupe: [String: Set<String>] = [:]
        var ghostDedupe: [String: Set<String>] = [:]
        var segmentCounts: [(id: String, planned: Int, customers: Int, heldOut: Int)] = []
        for (s, id) in index.ids.enumerated() {
            var group = members[s]
            members[s] = []
            group.sort { $0.hashOrder(before: $1) }
            let held = Holdout.count(share: rules.holdoutShare, customers: group.count)
            for i in 0..<held { group[i].heldOut = true }
            segmentCounts.append((id, plan.segments[s].customers, group.count, held))
            group.sort { $0.rank(before: $1) }
            let lines = linesBySegment[id] ?? []
            let treated = group.indices.filter { !group[$0].heldOut }
            let ghosts = group.indices.filter { group[$0].heldOut }
            let quotas = lines.map { plan.lines[$0].forecast.messages }
            let ghostQuotas = quotas.map { m in
                treated.isEmpty ? 0 : Int((Double(m) * Double(ghosts.count) / Double(treated.count)).rounded(.toNearestOrAwayFromZero))
            }
            let order = festivalOrder(lines.map { plan.lines[$0] })
            var cap = [[Int]](repeating: [], count: group.count)
            let walk = WalkFacts(group)
            let sent = assign(
                lines: order.map { lines[$0] }, quotas: order.map { quotas[$0] }, candidates: treated, walk: walk, plan: plan,
                rules: rules, byName: byName, cap: &cap, dedupe: &dedupe)
            let ghostSent = assign(
                lines: order.map { lines[$0] }, quotas: order.map { ghostQuotas[$0] }, candidates: ghosts, walk: walk, plan: plan,
                rules: rules, byName: byName, cap: &cap, dedupe: &ghostDedupe)
            var sends: [AudienceSend] = []
            for assignment in sent {
                let l = assignment.line
                outcomes[l].assigned = assignment.picks.count
                outcomes[l].skipped = assignment.skipped
                for pick in assignment.picks {
                    let send = try renderer.send(line: plan.lines[l], member: group[pick.member], day: pick.day, time: pick.time)
                    if send.overWorst { outcomes[l].overWorstSegments += 1 }
                    outcomes[l].actualCost += send.send.cost
                    sends.append(send.send)
                }
            }
            var holdout: [HoldoutEntry] = []
            var ghostLines = [[String]](repeating: [], count: group.count)
            for assignment in ghostSent {
                outcomes[assignment.line].heldOut = assignment.picks.count
                for pick in assignment.picks { ghostLines[pick.member].append(plan.lines[assignment.line].id) }
            }
            for g in ghosts {
                let customer = group[g].record.id
                if ghostLines[g].isEmpty {
                    holdout.append(HoldoutEntry(customerID: customer, segment: id, line: nil))
                } else {
                    for line in ghostLines[g].sorted() { holdout.append(HoldoutEntry(customerID: customer, segment: id, line: line)) }
                }
            }
            let keyed = sends.map { (line: lineIndex[$0.line]!, day: $0.sendDate.dayNumber, send: $0) }
            sends = keyed.sorted {
                ($0.line, $0.day, $0.send.sendTime, $0.send.customerID) < ($1.line, $1.day, $1.send.sendTime, $1.send.customerID)
            }.map(\.send)
            holdout.sort { ($0.customerID, $0.line ?? "") < ($1.customerID, $1.line ?? "") }
            try sink.write(AudienceBatch(sends: sends, holdout: holdout))
        }
        if changed {
            for segment in segmentCounts where segment.planned != segment.customers {
                warnings.append("\(segment.id): \(segment.planned) customers in the plan, \(segment.customers) in the file now")
            }
            if counts.rows != plan.input.rowsRead { warnings.append("rows read: \(plan.input.rowsRead) in the plan, \(counts.rows) now") }
        }
        warnings += renderer.warnings.sorted()
        return AudienceResult(
            rules: rules, outcomes: outcomes, segments: segmentCounts, rowsRead: counts.rows,
            rowsRejected: Dictionary(uniqueKeysWithValues: counts.rejected.map { ($0.key.rawValue, $0.value) }), outsideSegments: outside,
            rejects: rejects, warnings: warnings)
    }

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

    struct Pick {
        let member: Int
        let day: CivilDate
        let time: String
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

    /// Walks `candidates` (ranked) for each line in turn, as ``AudienceBuilder`` describes.
    static func assign(
        lines: [Int], quotas: [Int], candidates: [Int], walk: WalkFacts, plan: Plan, rules: AudienceRules, byName: Set<String>,
        cap: inout [[Int]],
        dedupe: inout [String: Set<String>]
    ) -> [Assignment] {
        var result: [Assignment] = []
        for (position, l) in lines.enumerated() {
            let line = plan.lines[l]
            let quota = quotas[position]
            guard let channel = Channel(rawValue: line.channel) else { continue }
            let c = Channel.allCases.firstIndex(of: channel)!
            let key = "\(line.festival)|\(line.channel)"
            let needsName = byName.contains(line.template)
            let days = line.flight.sendDays
            var picked: [(member: Int, dayIndex: Int)] = []
            var seen: [SkipReason: Int] = [:]
            let start = line.flight.start.dayNumber
            let perDayLimit = (quota + days - 1) / max(days, 1)
            var load = [Int](repeating: 0, count: days)
            var used = dedupe.removeValue(forKey: key) ?? []
            defer { dedupe[key] = used }
            for m in candidates {
                if picked.count >= quota { break }
                // Flat per-member facts: no copy of the member (and of its strings) per candidate.
                guard walk.optIn[m] & (1 << c) != 0 else { continue }
                switch walk.state[m * 4 + c] {
                case .missing:
                    seen[.missingContact, default: 0] += 1
                    continue
                case .invalid:
                    seen[.invalidContact, default: 0] += 1
                    continue
                case .valid: break
                }
                if needsName && !walk.named[m] {
                    seen[.missingName, default: 0] += 1
                    continue
                }
                let contact = walk.contact[m * 4 + c]
                if used.contains(contact) {
                    seen[.duplicateContact, default: 0] += 1
                    continue
                }
                // The least-loaded day (the earliest of equals) that has room and that the cap allows.
                var chosen: Int?
                if cap[m].isEmpty {
                    // No other message yet: the least-loaded day, without sorting.
                    var best = -1
                    for d in 0..<days where load[d] < perDayLimit && (best < 0 || load[d] < load[best]) { best = d }
                    chosen = best >= 0 ? best : nil
                } else {
                    // Days by (load, position) without building the order: level by level.
                    var level = load.min() ?? 0
                    search: while level < perDayLimit {
                        for d in 0..<days where load[d] == level && rules.cap.allows(start + d, after: cap[m]) {
                            chosen = d
                            break search
                        }
                        level += 1
                    }
                }
                guard let dayIndex = chosen else {
                    seen[.cap, default: 0] += 1
                    continue
                }
                load[dayIndex] += 1
                cap[m].append(start + dayIndex)
                used.insert(contact)
                picked.append((m, dayIndex))
            }
            // Times: each day's sends spread evenly over the window.
            let (from, until) = window(line.flight, country: plan.country)
            var perDay = [Int](repeating: 0, count: days)
            for pick in picked { perDay[pick.dayIndex] += 1 }
            var placed = [Int](repeating: 0, count: days)
            var picks: [Pick] = []
            for pick in picked {
                let i = placed[pick.dayIndex]
                placed[pick.dayIndex] += 1
                let minute = from + i * (until - from) / perDay[pick.dayIndex]
                picks.append(Pick(member: pick.member, day: line.flight.start.adding(days: pick.dayIndex), time: clock(minute)))
            }
            // The shortfall, explained: reasons in order, the rest too few customers.
            var left = quota - picked.count
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

/// What the walk asks of each member, in flat arrays (index `m`, or `m * 4 + channel`).
struct WalkFacts {
    var optIn: [UInt8] = []
    var state: [ContactState] = []
    var named: [Bool] = []
    var contact: [String] = []

    init(_ group: [Member]) {
        optIn.reserveCapacity(group.count)
        named.reserveCapacity(group.count)
        state.reserveCapacity(group.count * 4)
        contact.reserveCapacity(group.count * 4)
        for member in group {
            var mask: UInt8 = 0
            for (c, flag) in member.record.optIns.enumerated() where flag { mask |= 1 << c }
            optIn.append(mask)
            named.append(!member.name.isEmpty)
            state += member.contactState
            contact += member.contacts
        }
    }
}

/// A contact's state for one channel.
enum ContactState: UInt8, Sendable {
    case missing, invalid, valid
}

/// A customer of a plan segment, as the assignment needs it.
struct Member: Sendable {
    let record: CustomerRecord
    let hash: (UInt64, UInt64)
    let score: ResponseScore
    /// Per channel (``Channel/allCases`` order): the normalised contact (empty unless valid) and its state.
    let contacts: [String]
    let contactState: [ContactState]
    private(set) var name: String
    /// The name's first word, for templates that take the first name or have a short `max_length`.
    private(set) var firstName: String
    var heldOut = false
    let rejects: [ContactReject]

    init(record: CustomerRecord, campaignID: String, country: String) {
        // Kept without the raw contacts and name: their checked and cleaned forms are below.
        self.record = CustomerRecord(
            line: record.line, id: record.id, region: record.region, language: record.language, imputedLanguage: record.imputedLanguage,
            spendMinor: record.spendMinor, orders: record.orders, daysSinceLastOrder: record.daysSinceLastOrder, optIns: record.optIns,
            phone: "", email: "", pushToken: "", name: "")
        hash = Holdout.digest(campaignID: campaignID, customerID: record.id)
        score = ResponseScore(daysSinceLastOrder: record.daysSinceLastOrder, orders: record.orders, spendMinor: record.spendMinor)
        name = SafeText.cleanName(record.name)
        firstName = LineRenderer.firstName(name)
        var rejects: [ContactReject] = []
        func check(_ raw: String, _ normalise: (String) -> String?, reason: String) -> (String, ContactState) {
            if raw.isEmpty { return ("", .missing) }
            if let value = normalise(raw) { return (value, .valid) }
            rejects.append(ContactReject(line: record.line, reason: reason, value: raw))
            return ("", .invalid)
        }
        let phone = check(record.phone, { ContactRules.phone($0, country: country) }, reason: "invalid_phone")
        let email = check(record.email, ContactRules.email, reason: "invalid_email")
        let token = check(record.pushToken, ContactRules.pushToken, reason: "invalid_push_token")
        contacts = [phone.0, phone.0, email.0, token.0]
        contactState = [phone.1, phone.1, email.1, token.1]
        self.rejects = rejects
    }

    /// The same customer under another (cleaned) name: previews and benchmarks render many names
    /// without hashing and checking contacts again.
    func renamed(_ cleaned: String) -> Member {
        var copy = self
        copy.name = cleaned
        copy.firstName = LineRenderer.firstName(cleaned)
        return copy
    }

    /// The holdout order: MD5 of the key, then the id.
    func hashOrder(before other: Member) -> Bool {
        if hash != other.hash { return hash < other.hash }
        return record.id < other.record.id
    }

    /// The ranking: best score first, ties by the holdout hash, then the id.
    func rank(before other: Member) -> Bool {
        if score != other.score { return score > other.score }
        return hashOrder(before: other)
    }
}
