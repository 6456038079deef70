import Locales
import PlannerCore
import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

/// Streams a customer CSV into a ``SegmentCube``: the hot path on large files.
///
/// Rows are scanned in parallel (one worker per core, see ``CSVFileReader``), fields are read as
/// bytes, region and language spellings are normalised once each through the ``LocaleCatalog``,
/// and a missing or unknown language is imputed (``LanguageImputation``). A row that cannot be
/// counted is not lost: it goes to the rejects file with its line and reason. Nothing here reads
/// the clock: activity windows count back from `asOf`.
///
/// ```swift
/// let reader = try SegmentReader(catalog: catalog, country: "IN", asOf: CivilDate(iso: "2026-10-01")!)
/// let result = try reader.read(path: "customers.csv", rejectsPath: "customers.rejects.csv")
/// print(result.report.accepted, result.cube[region: "IN-TN", language: "ta"]?.customers ?? 0)
/// ```
public struct SegmentReader: Sendable {
    /// The locale catalog that normalises region and language spellings and gives language shares.
    public let catalog: LocaleCatalog
    /// The country the customers are in, loaded from `catalog`.
    public let country: Country
    /// Which columns hold which fields, plus the date order and reach rule.
    public var mapping: ColumnMapping
    /// The day activity windows count back from (inclusive); the reader never reads the clock.
    public let asOf: CivilDate
    /// Worker threads (default: the online processors, at most 8).
    public var workers: Int
    /// Bytes read per chunk.
    public var chunkBytes = 8 << 20
    /// The dimension cutting each region × language cell further (value tier or activity band),
    /// or nil for region and language only.
    public var dimension: SegmentDimension?
    /// The value cut points to score customers with (value tiers only); nil: computed on the file
    /// in a first pass (``ValueCuts``). A review scores both snapshots with the old file's cuts.
    public var valueCuts: ValueCuts?
    /// Whether to keep each accepted customer's id hash and group (``CustomerGroups``, 8 bytes
    /// per customer), for matching two snapshots.
    public var collectGroups = false

    /// A reader for customers of `country` (which `catalog` must have loaded).
    public init(catalog: LocaleCatalog, country: String, mapping: ColumnMapping = .automatic, asOf: CivilDate) throws(Diagnostic) {
        guard let loaded = catalog.country(code: country) else {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("country"), message: "unknown country '\(country)'",
                hint: "known countries: \(catalog.countries.keys.sorted().joined(separator: ", "))")
        }
        self.catalog = catalog
        self.country = loaded
        self.mapping = mapping
        self.asOf = asOf
        self.workers = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Reads the file at `path`. Rejected rows are written to `rejectsPath` (when given) as
    /// `line,reason,raw`; `progress` is called after each chunk with (bytes read, file size).
    public func read(
        path: String, rejectsPath: String? = nil, progress: ((Int, Int) -> Void)? = nil
    ) throws(Diagnostic) -> SegmentReadResult {
        let file = try CSVFileReader(path: path, chunkBytes: chunkBytes)
        guard let header = try file.readHeader() else {
            throw Diagnostic(path: path, line: 1, message: "the file is empty; expected a header row")
        }
        let names = header.fields.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() }
        let columns = try mapping.resolve(header: names, path: path)
        let dimension = self.dimension == .region || self.dimension == .language ? nil : self.dimension
        var cuts = dimension == .valueTier ? valueCuts : nil
        if dimension == .valueTier && cuts == nil {
            let first = try CSVFileReader(path: path, chunkBytes: chunkBytes)
            _ = try first.readHeader()
            let pass = ReadPlan(columns: columns, catalog: catalog, country: country, asOf: asOf, histogramPass: true)
            let counters = (0..<max(1, workers)).map { _ in CubeAccumulator(plan: pass, rejects: nil) }
            try first.read(consumers: counters) { progress?($0 / 2, file.size) }
            let r = ValueCuts.recencyBuckets, f = ValueCuts.frequencyBuckets
            var histogram = [Int64](repeating: 0, count: CubeAccumulator.histogramCount)
            for counter in counters { for i in histogram.indices { histogram[i] += counter.histogram[i] } }
            cuts = ValueCuts.from(
                recency: Array(histogram[0..<r]), frequency: Array(histogram[r..<(r + f)]), spend: Array(histogram[(r + f)...]))
        }
        let halved = dimension == .valueTier && valueCuts == nil
        let plan = ReadPlan(
            columns: columns, catalog: catalog, country: country, asOf: asOf, dimension: dimension, cuts: cuts,
            collectMembers: collectGroups)
        let rejects = try rejectsPath.map { path throws(Diagnostic) in try RejectsWriter(path: path) }
        let accumulators = (0..<max(1, workers)).map { _ in CubeAccumulator(plan: plan, rejects: rejects) }
        try file.read(consumers: accumulators) { progress?(halved ? file.size / 2 + $0 / 2 : $0, file.size) }
        try rejects?.commit()

        let measures = ReadPlan.measures
        var totals = [Int64](repeating: 0, count: accumulators[0].cellCount * measures)
        var rows = 0
        var rejectCounts = [Int](repeating: 0, count: RejectReason.allCases.count)
        for accumulator in accumulators {
            for i in totals.indices { totals[i] += accumulator.total[i] }
            rows += accumulator.rows
            for i in rejectCounts.indices { rejectCounts[i] += accumulator.rejectCounts[i] }
        }
        var cells: [SegmentKey: SegmentCell] = [:]
        for (r, region) in plan.regions.enumerated() {
            for (l, language) in plan.languages.enumerated() {
                for g in 0..<plan.groups {
                    let at = ((r * plan.languages.count + l) * plan.groups + g) * measures
                    guard totals[at] > 0 else { continue }
                    var cell = SegmentCell()
                    cell.customers = Int(totals[at])
                    cell.reachable = ChannelCounts(
                        sms: Int(totals[at + 1]), whatsapp: Int(totals[at + 2]), email: Int(totals[at + 3]), push: Int(totals[at + 4]))
                    cell.spend = Money(minor: totals[at + 5])
                    cell.orders = Int(totals[at + 6])
                    cell.active90d = Int(totals[at + 7])
                    cell.active180d = Int(totals[at + 8])
                    cell.active365d = Int(totals[at + 9])
                    cell.imputedLanguage = Int(totals[at + 10])
                    cell.optedIn = ChannelCounts(
                        sms: Int(totals[at + 11]), whatsapp: Int(totals[at + 12]), email: Int(totals[at + 13]), push: Int(totals[at + 14]))
                    cells[SegmentKey(region: region, language: language, group: dimension.map { $0.groups[g] })] = cell
                }
            }
        }
        var byReason: [RejectReason: Int] = [:]
        for (i, reason) in RejectReason.allCases.enumerated() where rejectCounts[i] > 0 { byReason[reason] = rejectCounts[i] }
        let rejected = rejectCounts.reduce(0, +)
        let cube = SegmentCube(country: country.code, cells: cells)
        let report = SegmentReadReport(
            path: path, columns: columns, rowsRead: rows, accepted: rows - rejected, rejected: byReason, total: cube.total,
            rejectsPath: rejectsPath, asOf: asOf)
        var result = SegmentReadResult(cube: cube, report: report)
        result.valueCuts = cuts
        if collectGroups {
            var all: [UInt64] = []
            all.reserveCapacity(accumulators.reduce(0) { $0 + $1.members.count })
            for accumulator in accumulators { all.append(contentsOf: accumulator.takeMembers()) }
            all.sort()
            result.groups = CustomerGroups(sorted: all)
        }
        return result
    }
}

/// A read's cube and its report.
public struct SegmentReadResult: Sendable {
    /// Accepted customers by region and language.
    public let cube: SegmentCube
    /// Row counts, rejects by reason and the columns used.
    public let report: SegmentReadReport
    /// The value cut points the customers were scored with (value tiers only).
    public var valueCuts: ValueCuts?
    /// Each customer's group, when the reader was asked to keep them.
    public var groups: CustomerGroups?
    /// The extra dimension of the cube's groups, when read from a cube (``SegmentCubeRows``).
    public var dimension: SegmentDimension?
}

/// What a read saw: every data row is either accepted or rejected for one reason.
public struct SegmentReadReport: Sendable, Equatable {
    /// The customer file read, as given to `read(path:)`.
    public let path: String
    /// The columns used for each field.
    public let columns: ResolvedColumns
    /// Data rows (records after the header), good or bad.
    public let rowsRead: Int
    /// Data rows counted into the cube (`rowsRead` minus the rejected).
    public let accepted: Int
    /// Rejected rows per reason (reasons with none are absent).
    public let rejected: [RejectReason: Int]
    /// The accepted rows' measures added together (customers, reach and opt-ins per channel, ...).
    public let total: SegmentCell
    /// The rejects file as messages name it.
    public var rejectsPath: String?
    /// The day activity windows counted back from.
    public let asOf: CivilDate

    /// Accepted rows whose language was missing or unknown, and imputed.
    public var imputedLanguages: Int { total.imputedLanguage }

    /// What makes reach silently smaller than it looks: a channel whose opt-in column is there but
    /// whose contact column is not, so no opted-in customer counts as reachable on it. One line per
    /// missing contact column, with the opted-in customers it leaves unreachable and the two ways
    /// out (map the column, or declare the opt-in enough for planning).
    public var warnings: [String] {
        guard columns.reach == .contact else { return [] }
        var lines: [String] = []
        var done = Set<CanonicalField>()
        for contact in ReachRule.contactFields where !done.contains(contact) {
            done.insert(contact)
            guard columns[contact] == nil else { continue }
            let channels = Channel.allCases.indices.filter {
                ReachRule.contactFields[$0] == contact && columns[ReachRule.optInFields[$0]] != nil
            }
            .map { Channel.allCases[$0] }
            let counts = channels.map { (channel: $0, count: total.optedIn[$0]) }.filter { $0.count > 0 }
            guard !counts.isEmpty else { continue }
            let who = counts.enumerated().map { i, c in "\(c.count) \(i == 0 ? "customers opted in " : "")to \(c.channel.displayName)" }
                .joined(separator: " and ")
            let names = counts.map(\.channel.displayName).joined(separator: " and ")
            lines.append(
                "no \(contact.rawValue) column in \(path): \(who) cannot be reached, so \(names) reach is 0; "
                    + "map the column (\(OptionText.mention("map", "\(contact.rawValue)=COLUMN")), or \(contact.rawValue): COLUMN in a \(OptionText.mention("columns")) file or a brief's customers.columns), "
                    + "or, if the export leaves contacts out on purpose, declare the opt-in enough for planning "
                    + "(\(OptionText.mention("reach", "opt-in")), or reach: opt_in in a \(OptionText.mention("columns")) file or a brief's customers); send lists still need the \(contact.rawValue)"
            )
        }
        return lines
    }

    /// All rejected rows.
    public var rejectedTotal: Int { rejected.values.reduce(0, +) }

    /// Rejected rows as a fraction of rows read (0 for an empty file).
    public var rejectRate: Double { rowsRead == 0 ? 0 : Double(rejectedTotal) / Double(rowsRead) }

    /// `bad_number 4, unknown_region 2`: reasons in their fixed order.
    public var rejectSummary: String {
        RejectReason.allCases.compactMap { reason in rejected[reason].map { "\(reason.rawValue) \($0)" } }.joined(separator: ", ")
    }

    /// Throws a data ``Diagnostic`` when the file has no data rows, or none was accepted: there is
    /// nothing to segment or plan, and an empty table would look like an answer.
    public func checkHasCustomers() throws(Diagnostic) {
        if rowsRead == 0 {
            throw Diagnostic(
                .badInput, path: path, line: 1, message: "the file has a header but no customer rows: there is nothing to segment",
                hint: "export the customers with the header, one customer per row")
        }
        if accepted == 0 {
            throw Diagnostic(
                .badInput, path: path, message: "none of the \(rowsRead) customer rows was accepted (\(rejectSummary))",
                hint: (rejectsPath.map { "see \($0) for each row and reason; " } ?? "") + "fix the export or the column mapping")
        }
    }

    /// Throws a data ``Diagnostic`` when more than `maxRate` (a fraction: 0.01 = 1 %) of the rows
    /// were rejected.
    public func check(maxRejectRate maxRate: Double) throws(Diagnostic) {
        guard rejectRate > maxRate else { return }
        throw Diagnostic(
            path: path,
            message:
                "\(rejectedTotal) of \(rowsRead) rows (\(DecimalText.fixed(rejectRate * 100, places: 2)) %) were rejected, more than the allowed \(DecimalText.fixed(maxRate * 100, places: 2)) % (\(rejectSummary))",
            hint: (rejectsPath.map { "see \($0) for each row and reason; " } ?? "") + (dateHint.map { "\($0); " } ?? "")
                + "fix the export or the column mapping, or raise \(OptionText.mention("max-reject-rate"))")
    }

    /// What to do about rejected dates, when there are some: they must be written in the
    /// declared order (ISO unless the mapping says otherwise).
    public var dateHint: String? {
        guard let count = rejected[.badDate], count > 0 else { return nil }
        let what = count == 1 ? "1 last-order date is not" : "\(count) last-order dates are not"
        guard columns.dateOrder == .iso else { return "\(what) \(columns.dateOrder.rawValue), the declared date format" }
        return
            "\(what) yyyy-mm-dd: if the export writes 14/04/2026, say so with \(OptionText.mention("date-format", "dd/mm/yyyy")) (date_format: in a column mapping or in a brief's customers)"
    }
}
