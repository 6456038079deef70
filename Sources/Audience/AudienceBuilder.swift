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
/// scheduled and rendered, and handed to the sink in batches before the next segment starts.
///
/// Memory: one segment at a time, and within a segment a run of records. The streaming pass sets
/// each customer's fixed-size record (``Member``, 72 bytes: the row's place in the file, the
/// holdout hash, the score, contact keys and flags) aside on disk in its segment's bucket
/// (``BucketSpill``); ids, contacts and names stay in the file and are read again by offset for
/// the rows that are written (sends, holdout) and for the checks. The two checks that look across
/// segments (duplicate ids, shared contacts) sort one partition of a hash range at a time
/// (``HashPartitions``). A segment is held out and ranked on disk too (``RankedSegment``: sorted
/// runs, merged) and walked from there; what stays in memory per customer of the segment being
/// assigned is its cap counters (``CapBook``, 8 bytes), and per chosen send its pick (24 bytes),
/// until the segment's sends are rendered and handed over, in chunks of a few thousand, on every
/// core, in order. Invalid contacts (rejects-file rows) and the held-out rows of the segment are
/// kept until written. Segment by segment, the rules are:
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
///
/// A customer id on several rows is refused on every row (``DuplicateIDs``).
public enum AudienceBuilder {
    /// Sends rendered and handed over at a time (a chunk ends where a line, day and time end).
    static let chunkSends = 4096

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
        let index = try SegmentIndex(plan: plan, country: country, planPath: request.planPath)
        var segmentRules = try SegmentReader(catalog: locales, country: plan.country, mapping: mapping, asOf: plan.asOf)
        segmentRules.dimension = index.dimension
        segmentRules.valueCuts = index.valueCuts
        let reader = CustomerRecordReader(rules: segmentRules)
        // Each segment's customers set aside on disk as they are read (the last bucket: rows in no
        // plan segment, kept for the duplicate-id check), so memory holds one segment at a time.
        let members = try BucketSpill<Member>(buckets: index.ids.count + 1, prefix: "campaign-planner-members")
        let outsideBucket = index.ids.count
        var rejects: [ContactReject] = []
        var spillFailure: Diagnostic?
        let campaignID = rules.campaignID, countryCode = plan.country
        let counts = try reader.read(
            path: customersPath,
            transform: { record in
                let segment = index.segment(region: record.region, language: record.language, group: record.group) ?? -1
                return MemberDraft(record: record, segment: segment, campaignID: campaignID, country: countryCode)
            },
            each: { draft, position in
                var member = draft.member
                member.place = UInt64(position.offset) << 24 | UInt64(position.length)
                member.line = UInt32(clamping: position.line)
                for reject in draft.rejects {
                    rejects.append(ContactReject(line: position.line, reason: reject.reason, value: reject.value))
                }
                guard spillFailure == nil else { return }
                do throws(Diagnostic) {
                    try members.append(member, to: draft.segment < 0 ? outsideBucket : draft.segment)
                } catch { spillFailure = error }
            })
        if let spillFailure { throw spillFailure }
        let rows = try CustomerRowReader(path: customersPath, rules: reader.rules)
        let (duplicates, removed) = try DuplicateIDs.find(in: members, rows: rows)
        let outside = members.count(outsideBucket) - removed[outsideBucket].count
        // Rows of a duplicated id are rejected as a whole: their contacts are not checked either.
        let duplicateLines = Set(duplicates.map(\.line))
        rejects.removeAll { duplicateLines.contains($0.line) }
        rejects += duplicates.map { ContactReject(line: $0.line, reason: DuplicateIDs.reason, value: $0.id) }
        rejects.sort { ($0.line, $0.reason) < ($1.line, $1.reason) }
        var shared = try SharedContacts(members: members, segments: index.ids.count, removed: removed)

        // Segment by segment.
        var outcomes = plan.lines.map(LineOutcome.init)
        var linesBySegment: [String: [Int]] = [:]
        for (i, line) in plan.lines.enumerated() { linesBySegment[line.segment, default: []].append(i) }
        var renderer = LineRenderer(plan: plan, rules: rules, templates: templates, festivals: festivals)
        let byName = LineRenderer.addressingByName(templates)
        let firstDay = plan.lines.map(\.flight.start.dayNumber).min() ?? 0
        var dedupe: [String: Set<UInt64>] = [:]
        var ghostDedupe: [String: Set<UInt64>] = [:]
        var segmentCounts: [(id: String, planned: Int, customers: Int, heldOut: Int)] = []
        let writer = try SendWriter(path: customersPath, rules: reader.rules, country: plan.country)
        for (s, id) in index.ids.enumerated() {
            let segment = try RankedSegment(
                members: members, segment: s, removed: removed[s], share: rules.holdoutShare, shared: &shared, rows: rows,
                country: plan.country)
            let treated = segment.treated, heldOut = segment.heldOut
            segmentCounts.append((id, plan.segments[s].customers, treated + heldOut, heldOut))
            let lines = linesBySegment[id] ?? []
            let quotas = lines.map { plan.lines[$0].forecast.messages }
            let ghostQuotas = quotas.map { (m: Int) -> Int in
                guard treated > 0 else { return 0 }
                let share = Double(m) * Double(heldOut) / Double(treated)
                return Int(share.rounded(.toNearestOrAwayFromZero))
            }
            let order = festivalOrder(lines.map { plan.lines[$0] })
            var cap = CapBook(count: treated, base: firstDay)
            let sent = try assign(
                lines: order.map { lines[$0] }, quotas: order.map { quotas[$0] }, ranked: segment.ranked, bucket: 0, plan: plan,
                rules: rules, byName: byName, cap: &cap, dedupe: &dedupe)
            cap = CapBook(count: heldOut, base: firstDay)
            let ghostSent = try assign(
                lines: order.map { lines[$0] }, quotas: order.map { ghostQuotas[$0] }, ranked: segment.ranked, bucket: 1, plan: plan,
                rules: rules, byName: byName, cap: &cap, dedupe: &ghostDedupe)
            cap = CapBook(count: 0, base: firstDay)

            // The held-out customers with their ghost lines, by customer id and line.
            var ghostLines: [Int: [String]] = [:]
            for assignment in ghostSent {
                outcomes[assignment.line].heldOut = assignment.picks.count
                for pick in assignment.picks { ghostLines[Int(pick.member), default: []].append(plan.lines[assignment.line].id) }
            }
            var holdout: [HoldoutEntry] = []
            var ghosts = MemberCursor(segment.ranked, bucket: 1)
            var g = -1
            while let ghost = try ghosts.next() {
                g += 1
                let customer = try rows.fields(at: ghost.position).id
                let lines = ghostLines[g] ?? []
                if lines.isEmpty {
                    holdout.append(HoldoutEntry(customerID: customer, segment: id, line: nil))
                } else {
                    for line in lines.sorted() { holdout.append(HoldoutEntry(customerID: customer, segment: id, line: line)) }
                }
            }
            holdout.sort { ($0.customerID, $0.line ?? "") < ($1.customerID, $1.line ?? "") }
            try sink.write(AudienceBatch(segment: id, sends: [], holdout: holdout))
            holdout = []

            // The sends, by line, day, time and customer id, rendered in chunks on every core, a
            // line at a time.
            var messages: [Int: LineMessage] = [:]
            for assignment in sent {
                let l = assignment.line
                outcomes[l].assigned = assignment.picks.count
                outcomes[l].skipped = assignment.skipped
                if !assignment.picks.isEmpty { messages[l] = try renderer.message(for: plan.lines[l]) }
            }
            for assignment in sent.sorted(by: { $0.line < $1.line }) where !assignment.picks.isEmpty {
                let line = Int32(assignment.line)
                var picks: [(line: Int32, pick: Pick)] = []
                picks.reserveCapacity(assignment.picks.count)
                for pick in assignment.picks { picks.append((line, pick)) }
                picks.sort { a, b in a.pick.day != b.pick.day ? a.pick.day < b.pick.day : a.pick.minute < b.pick.minute }
                try writer.write(picks: picks, messages: messages, outcomes: &outcomes, segment: id, sink: sink)
            }
        }
        if changed {
            for segment in segmentCounts where segment.planned != segment.customers {
                warnings.append("\(segment.id): \(segment.planned) customers in the plan, \(segment.customers) in the file now")
            }
            if counts.rows != plan.input.rowsRead { warnings.append("rows read: \(plan.input.rowsRead) in the plan, \(counts.rows) now") }
        }
        warnings += renderer.warnings.sorted()
        var rejected = Dictionary(uniqueKeysWithValues: counts.rejected.map { ($0.key.rawValue, $0.value) })
        if !duplicates.isEmpty { rejected[DuplicateIDs.reason] = duplicates.count }
        return AudienceResult(
            rules: rules, outcomes: outcomes, segments: segmentCounts, rowsRead: counts.rows, rowsRejected: rejected,
            outsideSegments: outside, rejects: rejects, warnings: warnings)
    }
}
