import Locales
import PlannerCore
import Segments

/// A review of segments between two snapshots of the customer file: per segment the size, reach
/// and spend then and now, the change and its significance (``ShareTest``), segments that appeared
/// or vanished, became too small or too broad, and the migration of customers between value
/// tiers (or activity bands), matched by customer id.
///
/// Two levels are compared: each region × language segment (`IN-KA/kn`, its share of all
/// customers), and, when segments are cut further, each group inside it (`IN-KA/kn/lapsed`, its
/// share of the region × language segment), so that growth in a state and a shift between tiers
/// are told apart. Both snapshots are scored with the old file's value cut points, so a customer
/// changes tier only when their own recency, orders or spend changed, not because the quintiles
/// moved. Sizes are the customers of each cell as read (before the roll-up); the thresholds say
/// when a segment became too small or too broad.
///
/// ```swift
/// let review = try SegmentReview.run(SegmentReview.Request(old: "june.csv", new: "sept.csv", country: "IN", asOf: day), catalog: catalog)
/// review.segments.filter(\.significant).map(\.id)   // ["IN-KA/kn", "IN-KA/kn/lapsed"]
/// ```
public struct SegmentReview: Sendable, Encodable {
    /// What to compare and how.
    public struct Request: Sendable {
        /// The older customer export.
        public var old: String
        /// The newer customer export.
        public var new: String
        /// The country code of both (`IN`).
        public var country: String
        /// How both exports name their columns, write dates and define reach.
        public var mapping: ColumnMapping
        /// The day the new snapshot's activity counts back from.
        public var asOf: CivilDate
        /// The day the old snapshot's activity counts back from (default: `asOf`).
        public var oldAsOf: CivilDate?
        /// The extra dimension (value tier by default: the migration matrix needs one).
        public var dimension: SegmentDimension?
        /// The thresholds of too small (`minCustomers`, `minSpend`) and too broad (`maxShare`).
        public var rollup: SubstantialityRollup
        /// The largest share of rejected rows accepted in either file.
        public var maxRejectRate: Double
        /// Where each file's rejected rows go (default: beside each file).
        public var oldRejectsPath: String?, newRejectsPath: String?
        /// The family-wise significance level (``ShareTest``).
        public var alpha: Double
        /// The smallest change that counts, relative to the old share or rate (0.1: a share of
        /// 20 % must move to 18 % or 22 %). With millions of customers a statistically significant
        /// change can be tiny: when one state grows by 1 % of the file, every other segment's
        /// share falls by 1 % of itself, which the z-test alone would flag.
        public var minChange = 0.10
        /// The campaign results of each snapshot's period, for conversion changes (both or none).
        public var oldResults: SegmentResults?, newResults: SegmentResults?

        /// A request cut by value tier, with no thresholds, a 1 % reject limit and level 0.01.
        public init(
            old: String, new: String, country: String, mapping: ColumnMapping = .automatic, asOf: CivilDate,
            dimension: SegmentDimension? = .valueTier, rollup: SubstantialityRollup = SubstantialityRollup(),
            maxRejectRate: Double = 0.01, alpha: Double = 0.01
        ) {
            self.old = old
            self.new = new
            self.country = country
            self.mapping = mapping
            self.asOf = asOf
            self.dimension = dimension
            self.rollup = rollup
            self.maxRejectRate = maxRejectRate
            self.alpha = alpha
        }
    }

    /// One snapshot's file and totals.
    public struct Snapshot: Sendable, Encodable {
        /// The file, as given.
        public let path: String
        /// The day its activity counted back from.
        public let asOf: CivilDate
        /// Accepted customers.
        public let customers: Int
        /// Their total spend.
        public let spend: Money

        enum CodingKeys: String, CodingKey { case path, asOf = "as_of", customers, spend }
    }

    /// A segment's measures in one snapshot.
    public struct Side: Sendable, Encodable, Equatable {
        /// Customers in the segment.
        public let customers: Int
        /// Their total spend.
        public let spend: Money
        /// Customers reachable per channel (`sms`, `whatsapp`, `email`, `push`).
        public let reach: [String: Int]
        /// The share tested, in percent: of all customers for a region × language segment, of
        /// its region × language segment for a group.
        public let sharePct: FixedDecimal

        enum CodingKeys: String, CodingKey { case customers, spend, reach, sharePct = "share_pct" }

        /// Equal counts, spend and reach (the share follows from them).
        public static func == (lhs: Side, rhs: Side) -> Bool {
            lhs.customers == rhs.customers && lhs.spend == rhs.spend && lhs.reach == rhs.reach
        }
    }

    /// Something a marketer should act on, in words.
    public struct Flag: Sendable, Encodable, Equatable {
        /// `grew`, `shrank`, `appeared`, `vanished`, `too_small`, `too_broad`.
        public let kind: String
        /// What changed, with numbers, and what to consider doing.
        public let reason: String
    }

    /// One compared segment.
    public struct Entry: Sendable, Encodable {
        /// `IN-TN/ta` as in plan segments, or `IN-KA/kn/lapsed` for a group inside it.
        public let id: String
        /// The region (ISO 3166-2), language (BCP 47) and group (nil for a region × language segment).
        public let region: String, language: String, group: String?
        /// The measures then and now.
        public let old: Side, new: Side
        /// The change in customers, in percent of the old count (nil when the segment is new).
        public let changePct: FixedDecimal?
        /// The two-proportion z statistic of the share.
        public let z: FixedDecimal
        /// Whether the share changed significantly (``ShareTest``).
        public let significant: Bool
        /// What to act on (empty when nothing).
        public var flags: [Flag]
        /// The conversion rate then and now, when results were given for the segment.
        public var conversion: ConversionChange?

        enum CodingKeys: String, CodingKey {
            case id, region, language, group, old, new, changePct = "change_pct", z, significant, flags, conversion
        }

        /// Every member written, absent figures (`group`, `change_pct`) as `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(region, forKey: .region)
            try c.encode(language, forKey: .language)
            try c.encode(group, forKey: .group)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
            try c.encode(changePct, forKey: .changePct)
            try c.encode(z, forKey: .z)
            try c.encode(significant, forKey: .significant)
            try c.encode(flags, forKey: .flags)
            try c.encode(conversion, forKey: .conversion)
        }
    }

    /// A segment's conversion rate (conversions of customers sent) in each snapshot's results,
    /// tested as shares are (``ShareTest``, split over the segments with results in both).
    public struct ConversionChange: Sendable, Encodable {
        /// Customers sent and converted then and now.
        public let oldSent: Int, oldConversions: Int, newSent: Int, newConversions: Int
        /// The rates in percent.
        public let oldRatePct: FixedDecimal, newRatePct: FixedDecimal
        /// The two-proportion z statistic of the rate.
        public let z: FixedDecimal
        /// Whether the rate changed significantly.
        public let significant: Bool

        enum CodingKeys: String, CodingKey {
            case oldSent = "old_sent", oldConversions = "old_conversions", newSent = "new_sent", newConversions = "new_conversions"
            case oldRatePct = "old_rate_pct", newRatePct = "new_rate_pct", z, significant
        }
    }

    /// Customers matched by id between the two snapshots, by group.
    public struct MigrationMatrix: Sendable, Encodable {
        /// The dimension (`value_tier`).
        public let dimension: String
        /// The groups, in the order of rows and columns.
        public let groups: [String]
        /// `counts[from][to]`: customers in group `from` then and `to` now.
        public let counts: [[Int]]
        /// Customers only in the old file, by old group.
        public let gone: [Int]
        /// Customers only in the new file, by new group.
        public let arrived: [Int]
        /// Customers in both files.
        public let matched: Int
        /// Matched customers whose group changed.
        public let moved: Int
    }

    /// The old and new snapshots.
    public let old: Snapshot, new: Snapshot
    /// The extra dimension, if any (`value_tier`).
    public let dimension: String?
    /// The significance test and its threshold.
    public let test: ShareTestSummary
    /// The value cut points both snapshots were scored with (value tiers only).
    public let valueCuts: String?
    /// Every compared segment, region × language segments and their groups, in key order.
    public let segments: [Entry]
    /// The tier-to-tier customer counts (nil without an extra dimension).
    public let migration: MigrationMatrix?
    /// Segment ids of the results files that name no compared segment (a zone or country
    /// segment of a plan, or a misspelt id), sorted; empty without results.
    public var resultsUnmatched: [String] = []

    enum CodingKeys: String, CodingKey {
        case old, new, dimension, test, valueCuts = "value_cuts", segments, migration, resultsUnmatched = "results_unmatched"
    }

    /// Every member written; without an extra dimension `dimension`, `value_cuts` and
    /// `migration` are `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(test, forKey: .test)
        try c.encode(valueCuts, forKey: .valueCuts)
        try c.encode(segments, forKey: .segments)
        try c.encode(migration, forKey: .migration)
        try c.encode(resultsUnmatched, forKey: .resultsUnmatched)
    }

    /// How significance was decided, for readers of the review.
    public struct ShareTestSummary: Sendable, Encodable {
        /// `two-proportion z-test on shares, Bonferroni`.
        public let name: String
        /// The smallest relative change of a share that counts.
        public let minChange: Double
        /// The family-wise level.
        public let alpha: Double
        /// Comparisons made.
        public let tests: Int
        /// The p-value a change must stay below.
        public let pThreshold: ScientificDecimal

        enum CodingKeys: String, CodingKey { case name, alpha, tests, pThreshold = "p_threshold", minChange = "min_change" }
    }

    /// Entries with at least one flag.
    public var flagged: [Entry] { segments.filter { !$0.flags.isEmpty } }

    /// Reads both files (streaming, as `segments` does: the old one first, to fix the value cut
    /// points) and compares them. `notice` gets each read's summary line and warnings. Two
    /// `segments --format json` outputs (files ending in `.json`) are read back instead, and
    /// compared the same way, without a migration (they hold no customer ids).
    /// - Throws: either read's diagnostics (an unreadable export, a bad mapping, no customers, too
    ///   many rejects, a JSON file that is not a segments output), or one JSON and one CSV file.
    public static func run(
        _ request: Request, catalog: LocaleCatalog, progress: ((Int, Int) -> Void)? = nil, notice: (String) -> Void = { _ in }
    ) throws(Diagnostic) -> SegmentReview {
        let json = [request.old, request.new].map { $0.lowercased().hasSuffix(".json") }
        if json[0] != json[1] {
            throw Diagnostic(
                .badRequest, message: "give two customer exports or two segments JSON outputs, not one of each",
                hint: "the JSON holds no customer ids and its own value cut points, so it cannot be compared with an export")
        }
        if json[0] {
            let old = try SegmentSnapshot(segmentsJSON: request.old, country: request.country)
            let new = try SegmentSnapshot(segmentsJSON: request.new, country: request.country)
            guard old.dimension == new.dimension else {
                throw Diagnostic(
                    .badInput, path: request.new,
                    message:
                        "cut by \(new.dimension?.rawValue ?? "region and language only"), but \(request.old) by \(old.dimension?.rawValue ?? "region and language only")",
                    hint: "run segments with the same --by for both")
            }
            var same = request
            same.dimension = old.dimension
            if old.dimension == .valueTier && old.valueCuts != new.valueCuts {
                notice(
                    "warning: the two JSON outputs scored value tiers with different cut points (each on its own file), so tier sizes can move because the quintiles moved; review the customer files to score both with the old cuts"
                )
            }
            return compare(old: old, new: new, request: same)
        }
        var first = Segmentation.Request(
            customers: request.old, country: request.country, mapping: request.mapping, asOf: request.oldAsOf ?? request.asOf,
            rejectsPath: request.oldRejectsPath, rollup: request.rollup, maxRejectRate: request.maxRejectRate)
        first.dimension = request.dimension
        first.collectGroups = request.dimension != nil
        let old = try Segmentation.run(first, catalog: catalog, progress: progress, notice: notice)
        var second = first
        second.source = .csv(request.new)
        second.asOf = request.asOf
        second.rejectsPath = request.newRejectsPath
        second.valueCuts = old.valueCuts
        let new = try Segmentation.run(second, catalog: catalog, progress: progress, notice: notice)
        return compare(
            old: SegmentSnapshot(old, dimension: request.dimension), new: SegmentSnapshot(new, dimension: request.dimension),
            request: request)
    }

    /// The review of two snapshots cut by the request's dimension (the second scored with the
    /// first's value cut points, for customer files).
    public static func compare(old: SegmentSnapshot, new: SegmentSnapshot, request: Request) -> SegmentReview {
        let oldCube = old.cube, newCube = new.cube
        let oldParents = parents(oldCube), newParents = parents(newCube)
        let oldTotal = oldCube.total, newTotal = newCube.total
        var keys = Set(oldCube.cells.keys).union(newCube.cells.keys)
        keys.formUnion(oldParents.keys)
        keys.formUnion(newParents.keys)
        let sorted = keys.sorted()
        let test = ShareTest(alpha: request.alpha, tests: sorted.count)
        var entries: [Entry] = []
        for key in sorted {
            let isGroup = key.group != nil
            let parentKey = SegmentKey(region: key.region, language: key.language)
            let o = (isGroup ? oldCube.cells[key] : oldParents[key]) ?? SegmentCell()
            let n = (isGroup ? newCube.cells[key] : newParents[key]) ?? SegmentCell()
            let oBase = isGroup ? (oldParents[parentKey]?.customers ?? 0) : oldTotal.customers
            let nBase = isGroup ? (newParents[parentKey]?.customers ?? 0) : newTotal.customers
            let z = ShareTest.z(o.customers, of: oBase, n.customers, of: nBase)
            let significant =
                test.isSignificant(z)
                && Self.relativeChange(o.customers, of: oBase, n.customers, of: nBase) >= request.minChange
            let entry = Entry(
                id: key.description, region: key.region, language: key.language, group: key.group,
                old: side(o, base: oBase), new: side(n, base: nBase),
                changePct: o.customers > 0
                    ? FixedDecimal(Double(n.customers - o.customers) * 100 / Double(o.customers), places: 2) : nil,
                z: FixedDecimal(z, places: 2), significant: significant,
                flags: ReviewFlags.flags(
                    key: key, old: o, new: n, oldBase: oBase, newBase: nBase, significant: significant, rollup: request.rollup,
                    oldTotal: oldTotal.customers, newTotal: newTotal.customers))
            entries.append(entry)
        }
        var migration: MigrationMatrix?
        if let dimension = request.dimension, !dimension.groups.isEmpty, let a = old.groups, let b = new.groups {
            let moves = CustomerGroups.migration(from: a, to: b, groups: dimension.groups.count)
            var matched = 0, stayed = 0
            for (i, row) in moves.counts.enumerated() {
                matched += row.reduce(0, +)
                stayed += row[i]
            }
            migration = MigrationMatrix(
                dimension: dimension.rawValue, groups: dimension.groups, counts: moves.counts, gone: moves.gone, arrived: moves.arrived,
                matched: matched, moved: matched - stayed)
        }
        var unmatched: [String] = []
        if let a = request.oldResults, let b = request.newResults {
            let ids = Set(entries.map(\.id))
            let both = Set(a.bySegment.keys).intersection(b.bySegment.keys).filter(ids.contains)
            unmatched = Set(a.bySegment.keys).union(b.bySegment.keys).subtracting(ids).sorted()
            let conversionTest = ShareTest(alpha: request.alpha, tests: both.count)
            for i in entries.indices where both.contains(entries[i].id) {
                let o = a.bySegment[entries[i].id]!, n = b.bySegment[entries[i].id]!
                let z = ShareTest.z(o.conversions, of: o.sent, n.conversions, of: n.sent)
                let change = ConversionChange(
                    oldSent: o.sent, oldConversions: o.conversions, newSent: n.sent, newConversions: n.conversions,
                    oldRatePct: FixedDecimal(o.sent > 0 ? Double(o.conversions) * 100 / Double(o.sent) : 0, places: 2),
                    newRatePct: FixedDecimal(n.sent > 0 ? Double(n.conversions) * 100 / Double(n.sent) : 0, places: 2),
                    z: FixedDecimal(z, places: 2),
                    significant: conversionTest.isSignificant(z)
                        && Self.relativeChange(o.conversions, of: o.sent, n.conversions, of: n.sent) >= request.minChange)
                entries[i].conversion = change
                if change.significant { entries[i].flags.append(ReviewFlags.conversion(id: entries[i].id, change)) }
            }
        }
        var review = SegmentReview(
            old: Snapshot(path: old.path, asOf: old.asOf, customers: oldTotal.customers, spend: oldTotal.spend),
            new: Snapshot(path: new.path, asOf: new.asOf, customers: newTotal.customers, spend: newTotal.spend),
            dimension: request.dimension?.rawValue,
            test: ShareTestSummary(
                name: "two-proportion z-test on shares, Bonferroni", minChange: request.minChange, alpha: request.alpha, tests: test.tests,
                pThreshold: ScientificDecimal(test.threshold)),
            valueCuts: old.valueCuts?.summary, segments: entries, migration: migration)
        review.resultsUnmatched = unmatched
        return review
    }

    /// `|x₂/n₂ − x₁/n₁| / (x₁/n₁)`: the change of a share relative to the old one (infinite
    /// from a share of 0 to any other, 0 when both are 0).
    static func relativeChange(_ x1: Int, of n1: Int, _ x2: Int, of n2: Int) -> Double {
        let p1 = n1 > 0 ? Double(x1) / Double(n1) : 0, p2 = n2 > 0 ? Double(x2) / Double(n2) : 0
        if p1 == 0 { return p2 == 0 ? 0 : .infinity }
        return abs(p2 - p1) / p1
    }

    /// Region × language totals of a cube cut by groups (the cube itself when it is not).
    static func parents(_ cube: SegmentCube) -> [SegmentKey: SegmentCell] {
        var sums: [SegmentKey: SegmentCell] = [:]
        for (key, cell) in cube.cells { sums[SegmentKey(region: key.region, language: key.language), default: SegmentCell()].add(cell) }
        return sums
    }

    static func side(_ cell: SegmentCell, base: Int) -> Side {
        Side(
            customers: cell.customers, spend: cell.spend,
            reach: Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0.rawValue, cell.reachable[$0]) }),
            sharePct: FixedDecimal(base > 0 ? Double(cell.customers) * 100 / Double(base) : 0, places: 2))
    }
}
