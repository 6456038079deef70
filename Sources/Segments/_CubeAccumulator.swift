import Locales
import PlannerCore
import PlannerIO

/// What every worker needs to read rows, fixed before reading starts: column indices, the region
/// and language code lists, imputation tables and the as-of day.
final class ReadPlan: Sendable {
    /// Per cell: customers, reachable ×4, spend, orders, active 90/180/365 days, imputed, opted in ×4.
    static let measures = 15
    /// A contact column index meaning "not needed": the opt-in alone makes a customer reachable.
    static let contactNotNeeded = -2
    let fieldCount: Int
    let id: Int, region: Int, language: Int, spend: Int, orders: Int, lastOrder: Int, device: Int
    /// Opt-in and contact columns per channel, in ``Channel/allCases`` order (-1 when absent).
    let optIns: [Int], contacts: [Int]
    let regions: [String], languages: [String]
    let languageIndex: [String: Int32]
    let regionIndex: [String: Int32]
    /// Per region index: (language index, cumulative share).
    let imputation: [[(language: Int32, cumulative: Double)]]
    let asOfDay: Int
    /// The extra dimension (value tier or activity band), if any, and its group count (1 when none).
    let dimension: SegmentDimension?
    let groups: Int
    /// The extra dimension's group names, by index (empty when none), made once rather than per row.
    let groupNames: [String]
    /// The value cut points of the second pass (value tiers only).
    let cuts: ValueCuts?
    /// Whether this pass only counts the value histograms (the first pass of a value-tier read).
    let histogramPass: Bool
    /// Whether each accepted customer's id hash and group are kept (``CustomerGroups``).
    let collectMembers: Bool
    /// How the last-order dates are written.
    let dateOrder: DateOrder
    let catalog: LocaleCatalog
    let country: String

    init(
        columns: ResolvedColumns, catalog: LocaleCatalog, country: Country, asOf: CivilDate, dimension: SegmentDimension? = nil,
        cuts: ValueCuts? = nil, histogramPass: Bool = false, collectMembers: Bool = false
    ) {
        fieldCount = columns.header.count
        self.dimension = dimension
        groups = max(1, dimension?.groups.count ?? 1)
        groupNames = dimension?.groups ?? []
        self.cuts = cuts
        self.histogramPass = histogramPass
        self.collectMembers = collectMembers
        func index(_ field: CanonicalField) -> Int { columns[field] ?? -1 }
        id = index(.customerID)
        region = index(.region)
        language = index(.language)
        spend = index(.spend)
        orders = index(.orders)
        lastOrder = index(.lastOrderDate)
        device = index(.deviceOS)
        dateOrder = columns.dateOrder
        optIns = ReachRule.optInFields.map(index)
        contacts = ReachRule.contactFields.map { columns.reach == .optIn ? Self.contactNotNeeded : index($0) }
        regions = country.regions.map(\.code).sorted()
        languages = catalog.languages.map(\.code).sorted()
        var languageIndex: [String: Int32] = [:]
        for (i, code) in languages.enumerated() { languageIndex[code] = Int32(i) }
        var regionIndex: [String: Int32] = [:]
        for (i, code) in regions.enumerated() { regionIndex[code] = Int32(i) }
        let tables = LanguageImputation(country: country).tables
        imputation = regions.map { code in
            (tables[code] ?? []).compactMap { entry in languageIndex[entry.language].map { ($0, entry.cumulative) } }
        }
        self.languageIndex = languageIndex
        self.regionIndex = regionIndex
        self.asOfDay = asOf.dayNumber
        self.catalog = catalog
        self.country = country.code
    }

    /// The region index a spelling names, or -1 (slow path, once per spelling per worker).
    func regionCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let region = catalog.region(matching: text, in: country) else { return -1 }
        return regionIndex[region.code] ?? -1
    }

    /// A spelling's code through a worker's cache, asking the catalog on a miss; -1 for an empty
    /// field. The segment reader and the customer record reader both read codes this way.
    @inline(__always)
    func code(_ bytes: UnsafeBufferPointer<UInt8>, _ cache: ByteCodeCache, region: Bool) -> Int32 {
        if bytes.isEmpty { return -1 }
        let hash = ByteCodeCache.hash(bytes)
        if let code = cache.lookup(bytes, hash: hash) { return code }
        let code = region ? regionCode(bytes) : languageCode(bytes)
        cache.insert(bytes, hash: hash, code: code)
        return code
    }

    /// The language index a spelling names (`ta`, `Tamil`, `தமிழ்`, `ta-IN`), or -1.
    func languageCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let text = String(decoding: bytes, as: UTF8.self)
        return catalog.language(named: text).flatMap { languageIndex[$0.code] } ?? -1
    }
}

/// One worker's aggregation: part-local counters and rejects, committed into its totals in file
/// order. Counters are integers (spend in hundredths), so totals do not depend on how the file
/// was split between workers.
final class CubeAccumulator: CSVPartConsumer {
    let plan: ReadPlan
    let cellCount: Int
    private let regionCache = ByteCodeCache()
    private let languageCache = ByteCodeCache()
    // Column indices copied out of the plan so the per-row path reads plain constants.
    private let fieldCount: Int, idColumn: Int, regionColumn: Int, languageColumn: Int
    private let spendColumn: Int, ordersColumn: Int, lastOrderColumn: Int, asOfDay: Int, languageCount: Int
    private let dateOrder: DateOrder
    /// 0: no extra dimension, 1: value tier, 2: activity band; `groups` cells per region × language.
    private let dimensionKind: Int, groups: Int, deviceColumn: Int
    private let histogramPass: Bool, collectMembers: Bool
    /// Value cut points copied out as constants (recency, frequency, spend; four each).
    private let r0: Int, r1: Int, r2: Int, r3: Int, f0: Int, f1: Int, f2: Int, f3: Int, m0: Int, m1: Int, m2: Int, m3: Int
    /// Value histograms (first pass only): part-local and committed, recency then frequency then spend buckets.
    private let partHistogram: UnsafeMutablePointer<Int64>
    private let tierTable: UnsafeMutablePointer<UInt8>
    let histogram: UnsafeMutablePointer<Int64>
    static let histogramCount = ValueCuts.recencyBuckets + ValueCuts.frequencyBuckets + ValueCuts.spendBucketCount
    /// Id hashes with the group in the low 3 bits (``CustomerGroups``), part-local and committed.
    private var partMembers: [UInt64] = []
    private(set) var members: [UInt64] = []

    /// The committed members, handed over (the accumulator keeps none).
    func takeMembers() -> [UInt64] {
        defer { members = [] }
        return members
    }
    private let opt0: Int, opt1: Int, opt2: Int, opt3: Int, contact0: Int, contact1: Int, contact2: Int, contact3: Int
    private let part: UnsafeMutablePointer<Int64>
    let total: UnsafeMutablePointer<Int64>
    @exclusivity(unchecked) private var partRows = 0
    private(set) var rows = 0
    private var partRejectCounts = [Int](repeating: 0, count: RejectReason.allCases.count)
    private(set) var rejectCounts = [Int](repeating: 0, count: RejectReason.allCases.count)
    private var partRejects: [(line: Int, reason: RejectReason, range: Range<Int>)] = []
    private var partRejectBytes: [UInt8] = []
    private let rejects: RejectsWriter?
    /// Where fields with doubled quotes are unescaped (as long as the longest record seen).
    @exclusivity(unchecked) private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    @exclusivity(unchecked) private var scratchCapacity = 4096

    init(plan: ReadPlan, rejects: RejectsWriter?) {
        self.plan = plan
        self.rejects = rejects
        cellCount = plan.regions.count * plan.languages.count * plan.groups
        groups = plan.groups
        dimensionKind = plan.dimension == .valueTier ? 1 : plan.dimension == .activity ? 2 : plan.dimension == .device ? 3 : 0
        deviceColumn = plan.device
        histogramPass = plan.histogramPass
        collectMembers = plan.collectMembers
        let cuts =
            plan.cuts ?? ValueCuts(recencyDays: [0, 0, 0, 0], frequencyOrders: [0, 0, 0, 0], spendBuckets: [0, 0, 0, 0], customers: 0)
        (r0, r1, r2, r3) = (cuts.recencyDays[0], cuts.recencyDays[1], cuts.recencyDays[2], cuts.recencyDays[3])
        (f0, f1, f2, f3) = (cuts.frequencyOrders[0], cuts.frequencyOrders[1], cuts.frequencyOrders[2], cuts.frequencyOrders[3])
        (m0, m1, m2, m3) = (cuts.spendBuckets[0], cuts.spendBuckets[1], cuts.spendBuckets[2], cuts.spendBuckets[3])
        let histogramCount = plan.histogramPass ? Self.histogramCount : 0
        tierTable = .allocate(capacity: 125)
        tierTable.initialize(from: ValueTier.table, count: 125)
        partHistogram = .allocate(capacity: histogramCount)
        partHistogram.initialize(repeating: 0, count: histogramCount)
        histogram = .allocate(capacity: histogramCount)
        histogram.initialize(repeating: 0, count: histogramCount)
        fieldCount = plan.fieldCount
        idColumn = plan.id
        regionColumn = plan.region
        languageColumn = plan.language
        spendColumn = plan.spend
        ordersColumn = plan.orders
        lastOrderColumn = plan.lastOrder
        dateOrder = plan.dateOrder
        asOfDay = plan.asOfDay
        languageCount = plan.languages.count
        (opt0, opt1, opt2, opt3) = (plan.optIns[0], plan.optIns[1], plan.optIns[2], plan.optIns[3])
        (contact0, contact1, contact2, contact3) = (plan.contacts[0], plan.contacts[1], plan.contacts[2], plan.contacts[3])
        part = .allocate(capacity: cellCount * ReadPlan.measures)
        total = .allocate(capacity: cellCount * ReadPlan.measures)
        total.initialize(repeating: 0, count: cellCount * ReadPlan.measures)
        part.initialize(repeating: 0, count: cellCount * ReadPlan.measures)
    }

    deinit {
        part.deallocate()
        total.deallocate()
        partHistogram.deallocate()
        histogram.deallocate()
        tierTable.deallocate()
        scratch.deallocate()
    }

    func beginPart() {
        if histogramPass {
            partHistogram.update(repeating: 0, count: Self.histogramCount)
        } else {
            part.update(repeating: 0, count: cellCount * ReadPlan.measures)
        }
        partMembers.removeAll(keepingCapacity: true)
        partRows = 0
        for i in partRejectCounts.indices { partRejectCounts[i] = 0 }
        partRejects.removeAll(keepingCapacity: true)
        partRejectBytes.removeAll(keepingCapacity: true)
    }

    func commitPart(firstLine: Int) throws(Diagnostic) {
        if histogramPass {
            for i in 0..<Self.histogramCount { histogram[i] &+= partHistogram[i] }
        } else {
            for i in 0..<(cellCount * ReadPlan.measures) { total[i] &+= part[i] }
        }
        if collectMembers { members.append(contentsOf: partMembers) }
        rows += partRows
        for i in partRejectCounts.indices { rejectCounts[i] += partRejectCounts[i] }
        if let rejects {
            for entry in partRejects {
                try rejects.append(line: firstLine - 1 + entry.line, reason: entry.reason.rawValue, raw: partRejectBytes[entry.range])
            }
        }
    }

    private func reject(_ reason: RejectReason, _ record: CSVRecordView) {
        partRejectCounts[RejectReason.allCases.firstIndex(of: reason)!] += 1
        let start = partRejectBytes.count
        partRejectBytes.append(contentsOf: record.raw)
        partRejects.append((record.line, reason, start..<partRejectBytes.count))
    }

    @inline(__always)
    private func field(_ record: CSVRecordView, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        record.trimmedField(column, scratch: scratch)
    }

    /// 0 when the channel's opt-in says no (or is absent), 1 when it says yes but the contact is
    /// missing, 3 when it says yes and the contact is present (or not needed), -1 for an opt-in
    /// that is not a boolean: bit 0 is "opted in", bit 1 "reachable".
    @inline(__always)
    private func reach(_ record: CSVRecordView, _ optIn: Int, _ contact: Int) -> Int64 {
        guard optIn >= 0 else { return 0 }
        let flag = ByteNumbers.boolean(field(record, optIn))
        if flag <= 0 { return Int64(flag) }
        if contact == ReadPlan.contactNotNeeded { return 3 }
        return contact >= 0 && !field(record, contact).isEmpty ? 3 : 1
    }

    /// ``ValueCuts/tierIndex(age:orders:spend:)`` over the copied constants.
    @inline(__always)
    private func tierIndex(age: Int, orders: Int64, spend: Int64) -> Int {
        let rb = ValueCuts.recencyBucket(age: age), fb = ValueCuts.frequencyBucket(orders: orders)
        let mb = ValueCuts.spendBucket(minor: spend)
        var r = 4, f = 0, m = 0
        if rb > r0 { r &-= 1 }
        if rb > r1 { r &-= 1 }
        if rb > r2 { r &-= 1 }
        if rb > r3 { r &-= 1 }
        if fb > f0 { f &+= 1 }
        if fb > f1 { f &+= 1 }
        if fb > f2 { f &+= 1 }
        if fb > f3 { f &+= 1 }
        if mb > m0 { m &+= 1 }
        if mb > m1 { m &+= 1 }
        if mb > m2 { m &+= 1 }
        if mb > m3 { m &+= 1 }
        return Int(tierTable[r &* 25 &+ f &* 5 &+ m])
    }

    func consume(_ record: CSVRecordView) {
        partRows &+= 1
        if let error = record.error {
            reject(error == .recordTooLong ? .recordTooLong : .brokenQuoting, record)
            return
        }
        guard record.count == fieldCount else { return reject(.wrongFieldCount, record) }
        guard record.isValidUTF8 else { return reject(.invalidUTF8, record) }
        if record.rawRange.count > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = record.rawRange.count
            scratch = .allocate(capacity: scratchCapacity)
        }
        let id = field(record, idColumn)
        guard !id.isEmpty else { return reject(.missingCustomerID, record) }
        let idHash = LanguageImputation.fnv1a(id)
        let region = plan.code(field(record, regionColumn), regionCache, region: true)
        guard region >= 0 else { return reject(.unknownRegion, record) }
        var spend: Int64 = 0, orders: Int64 = 0
        if spendColumn >= 0 {
            let bytes = field(record, spendColumn)
            if !bytes.isEmpty {
                guard let value = ByteNumbers.decimal(bytes, places: 2) else { return reject(.badNumber, record) }
                spend = value
            }
        }
        if ordersColumn >= 0 {
            let bytes = field(record, ordersColumn)
            if !bytes.isEmpty {
                guard let value = ByteNumbers.integer(bytes) else { return reject(.badNumber, record) }
                orders = value
            }
        }
        var age = Int.max
        if lastOrderColumn >= 0 {
            guard let day = ValueParsing.dayNumber(field(record, lastOrderColumn), order: dateOrder) else {
                return reject(.badDate, record)
            }
            if day != ValueParsing.noDate { age = asOfDay &- day }
        }
        let sms = reach(record, opt0, contact0), whatsapp = reach(record, opt1, contact1)
        let email = reach(record, opt2, contact2), push = reach(record, opt3, contact3)
        guard sms | whatsapp | email | push >= 0 else { return reject(.badBoolean, record) }
        if histogramPass {
            partHistogram[ValueCuts.recencyBucket(age: age)] &+= 1
            partHistogram[ValueCuts.recencyBuckets &+ ValueCuts.frequencyBucket(orders: orders)] &+= 1
            partHistogram[ValueCuts.recencyBuckets &+ ValueCuts.frequencyBuckets &+ ValueCuts.spendBucket(minor: spend)] &+= 1
            return
        }
        var language: Int32 = -1
        if languageColumn >= 0 { language = plan.code(field(record, languageColumn), languageCache, region: false) }
        var imputed: Int64 = 0
        if language < 0 {
            let table = plan.imputation[Int(region)]
            let u = LanguageImputation.draw(field(record, idColumn))  // read again: later fields reuse the scratch
            language = table[table.count - 1].language
            for entry in table where u < entry.cumulative {
                language = entry.language
                break
            }
            imputed = 1
        }
        var group = 0
        if dimensionKind == 1 {
            group = tierIndex(age: age, orders: orders, spend: spend)
        } else if dimensionKind == 2 {
            group = ActivityBand.index(age: age)
        } else if dimensionKind == 3 {
            group = deviceColumn >= 0 ? DeviceGroup.index(field(record, deviceColumn)) : 3
        }
        if collectMembers { partMembers.append(CustomerGroups.key(idHash: idHash, group: group)) }
        let cell = part + ((Int(region) &* languageCount &+ Int(language)) &* groups &+ group) &* ReadPlan.measures
        cell[0] &+= 1
        cell[1] &+= sms >> 1
        cell[2] &+= whatsapp >> 1
        cell[3] &+= email >> 1
        cell[4] &+= push >> 1
        cell[5] &+= spend
        cell[6] &+= orders
        if age < 90 { cell[7] &+= 1 }
        if age < 180 { cell[8] &+= 1 }
        if age < 365 { cell[9] &+= 1 }
        cell[10] &+= imputed
        cell[11] &+= sms & 1
        cell[12] &+= whatsapp & 1
        cell[13] &+= email & 1
        cell[14] &+= push & 1
    }
}

/// Values read from field bytes.
enum ValueParsing {
    /// Returned by ``dayNumber(_:)`` for an empty field (no order yet).
    static let noDate = Int.min

    /// A date in `order`, optionally followed by `T` or a space and a time: the day number;
    /// `noDate` for an empty field; `nil` for anything else.
    @inline(__always)
    static func dayNumber(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder = .iso) -> Int? {
        if bytes.isEmpty { return noDate }
        switch order {
        case .iso: return isoDayNumber(bytes)
        case .dayFirst: return slashedDayNumber(bytes, dayFirst: true)
        case .monthFirst: return slashedDayNumber(bytes, dayFirst: false)
        }
    }

    /// `YYYY-MM-DD[(T| )...]`.
    @inline(__always)
    static func isoDayNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        if bytes.count > 10 && bytes[10] != 0x54 && bytes[10] != 0x20 { return nil }
        func number(_ from: Int, _ to: Int) -> Int? {
            var value = 0
            for i in from..<to {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        return date.dayNumber
    }

    /// `D[D]/M[M]/YYYY[(T| )...]` (day first) or `M[M]/D[D]/YYYY...`, with `/`, `-` or `.` as the
    /// separator (the same twice).
    static func slashedDayNumber(_ bytes: UnsafeBufferPointer<UInt8>, dayFirst: Bool) -> Int? {
        var i = 0
        func digits(_ most: Int) -> Int? {
            var value = 0, count = 0
            while i < bytes.count, count < most, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        guard let first = digits(2), i < bytes.count else { return nil }
        let separator = bytes[i]
        guard separator == 0x2F || separator == 0x2D || separator == 0x2E else { return nil }
        i += 1
        guard let second = digits(2), i < bytes.count, bytes[i] == separator else { return nil }
        i += 1
        let yearStart = i
        guard let year = digits(4), i - yearStart == 4 else { return nil }
        if i < bytes.count && bytes[i] != 0x54 && bytes[i] != 0x20 { return nil }
        let (day, month) = dayFirst ? (first, second) : (second, first)
        return CivilDate(year: year, month: month, day: day)?.dayNumber
    }
}
