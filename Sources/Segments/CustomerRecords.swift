import Locales
import PlannerCore
import PlannerIO

/// One accepted customer row, with the values a send list needs: what the segment reader counts
/// (region, language, spend, orders, recency, opt-ins) and the contacts and name it does not keep.
public struct CustomerRecord: Sendable, Equatable {
    /// The row's physical line in the file (the header is line 1).
    public let line: Int
    /// The customer's id, as written (trimmed).
    public let id: String
    /// The region's ISO 3166-2 code (`IN-TN`).
    public let region: String
    /// The language's code (`ta`), imputed when the row has none (see ``imputedLanguage``).
    public let language: String
    /// Whether ``language`` was imputed from the region's shares.
    public let imputedLanguage: Bool
    /// Lifetime spend in minor units (paise).
    public let spendMinor: Int64
    /// Lifetime orders.
    public let orders: Int
    /// Days from the last order to the as-of day (0: that day); `nil` when the row has no order date.
    public let daysSinceLastOrder: Int?
    /// Opt-ins in ``Channel/allCases`` order (sms, whatsapp, email, push).
    public let optIns: [Bool]
    /// The phone, email and push token as written (trimmed; empty when absent).
    public let phone: String, email: String, pushToken: String
    /// The name as written (empty when the file has no name column).
    public let name: String
    /// The group of the reader's extra dimension (value tier, activity band, device: `at_risk`),
    /// by the rules the segment cube counts it with; nil when segments are cut by region and language only.
    public let group: String?

    /// A record; the reader makes them, tests may too.
    public init(
        line: Int, id: String, region: String, language: String, imputedLanguage: Bool = false, spendMinor: Int64, orders: Int,
        daysSinceLastOrder: Int?, optIns: [Bool], phone: String, email: String, pushToken: String, name: String, group: String? = nil
    ) {
        self.group = group
        self.line = line
        self.id = id
        self.region = region
        self.language = language
        self.imputedLanguage = imputedLanguage
        self.spendMinor = spendMinor
        self.orders = orders
        self.daysSinceLastOrder = daysSinceLastOrder
        self.optIns = optIns
        self.phone = phone
        self.email = email
        self.pushToken = pushToken
        self.name = name
    }
}

/// Streams a customer CSV row by row: the rows ``SegmentReader`` accepts, with the same column
/// resolution, normalisation, imputation and reject rules, handed over in file order.
///
/// The audience reads the file the plan was made from with it, so a customer lands in the
/// same region and language the plan counted it in.
public struct CustomerRecordReader: Sendable {
    /// The reader whose rules apply (catalog, country, mapping, as-of day, workers, chunk size).
    public let rules: SegmentReader

    /// A record reader with `rules`' settings.
    public init(rules: SegmentReader) { self.rules = rules }

    /// What a read saw besides the records.
    public struct Counts: Sendable, Equatable {
        /// Data rows read.
        public let rows: Int
        /// Rows rejected, per reason.
        public let rejected: [RejectReason: Int]
    }

    /// Reads `path`, calling `each` with every accepted row in file order (on the caller's
    /// thread, never concurrently). Rejected rows are counted, not handed over.
    public func read(path: String, each: (CustomerRecord) -> Void) throws(Diagnostic) -> Counts {
        try read(path: path, transform: { $0 }) { record, position in
            each(
                CustomerRecord(
                    line: position.line, id: record.id, region: record.region, language: record.language,
                    imputedLanguage: record.imputedLanguage, spendMinor: record.spendMinor, orders: record.orders,
                    daysSinceLastOrder: record.daysSinceLastOrder, optIns: record.optIns, phone: record.phone, email: record.email,
                    pushToken: record.pushToken, name: record.name, group: record.group))
        }
    }

    /// Reads `path`, turning every accepted row with `transform` on the reader's worker threads
    /// (concurrently: it must not touch shared state), then calling `each` with each result and
    /// the row's place in the file, in file order, on the caller's thread. The record `transform`
    /// sees has a part-relative ``CustomerRecord/line``: the row's real line is the position's.
    /// Per-row work (hashing, checking contacts) runs in parallel this way, and what a caller keeps
    /// of a row can be a small value that fetches the rest later by offset (``CustomerRowReader``).
    /// - Throws: besides the file's errors, a request error when `rules` cut by value tier without
    ///   ``SegmentReader/valueCuts``: a record's tier needs the cut points its plan was made with.
    public func read<T>(
        path: String, transform: @escaping @Sendable (CustomerRecord) -> T, each: (T, CustomerRecordPosition) -> Void
    ) throws(Diagnostic) -> Counts {
        let file = try CSVFileReader(path: path, chunkBytes: rules.chunkBytes)
        guard let header = try file.readHeader() else {
            throw Diagnostic(path: path, line: 1, message: "the file is empty; expected a header row")
        }
        let names = header.fields.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() }
        let columns = try rules.mapping.resolve(header: names, path: path)
        let dimension = rules.dimension == .region || rules.dimension == .language ? nil : rules.dimension
        guard dimension != .valueTier || rules.valueCuts != nil else {
            throw Diagnostic(
                .badRequest, path: path, message: "customers cut by value tier need the value cut points they were planned with",
                hint: "make the plan again from the customer file, or from a cube with its value_cut rows")
        }
        let plan = ReadPlan(
            columns: columns, catalog: rules.catalog, country: rules.country, asOf: rules.asOf, dimension: dimension, cuts: rules.valueCuts)
        let extras = CustomerRecordColumns(columns.columns)
        let collectors = (0..<max(1, rules.workers)).map { _ in RecordCollector(plan: plan, extras: extras, transform: transform) }
        var failure: Diagnostic?
        withoutActuallyEscaping(each) { each in
            for collector in collectors { collector.sink = each }
            do { try file.read(consumers: collectors) { _ in } } catch {
                failure = (error as? Diagnostic) ?? Diagnostic(.internal, path: path, message: "\(error)")
            }
            for collector in collectors { collector.sink = nil }
        }
        if let failure { throw failure }
        var rows = 0
        var counts = [Int](repeating: 0, count: RejectReason.allCases.count)
        for collector in collectors {
            rows += collector.rows
            for i in counts.indices { counts[i] += collector.rejectCounts[i] }
        }
        var rejected: [RejectReason: Int] = [:]
        for (i, reason) in RejectReason.allCases.enumerated() where counts[i] > 0 { rejected[reason] = counts[i] }
        return Counts(rows: rows, rejected: rejected)
    }
}

/// Where an accepted row is in the customer file: its physical line (the header is line 1) and
/// its bytes (offset of the first, length without the line end), to read it again later.
public struct CustomerRecordPosition: Sendable, Equatable {
    /// The row's physical line.
    public let line: Int
    /// The byte offset of the row's first byte in the file.
    public let offset: Int
    /// The row's length in bytes, without its line end.
    public let length: Int

    /// A position (the reader makes them; tests may too).
    public init(line: Int, offset: Int, length: Int) {
        self.line = line
        self.offset = offset
        self.length = length
    }
}

/// The columns of the fields a send list needs that the segment reader does not count (`-1`: absent).
struct CustomerRecordColumns: Sendable {
    let id: Int, phone: Int, email: Int, token: Int, name: Int

    init(_ columns: [CanonicalField: Int]) {
        id = columns[.customerID] ?? -1
        phone = columns[.phone] ?? -1
        email = columns[.email] ?? -1
        token = columns[.pushToken] ?? -1
        name = columns[.name] ?? -1
    }
}

/// The text fields of one customer row read again by its position: its id, contacts and name, as
/// ``CustomerRecordReader`` read them (trimmed, unescaped). One reader per thread.
public final class CustomerRowReader {
    private let rows: CSVRowReader
    private let columns: CustomerRecordColumns
    private var scratch = [UInt8](repeating: 0, count: 4096)

    /// The text fields of a customer row.
    public struct Fields: Sendable, Equatable {
        /// The customer's id, phone, email, push token and name as written (trimmed; empty when absent).
        public let id: String, phone: String, email: String, pushToken: String, name: String
    }

    /// A reader of `path`'s rows with the columns `rules` resolves from its header.
    public init(path: String, rules: SegmentReader) throws(Diagnostic) {
        let file = try CSVFileReader(path: path, chunkBytes: 1 << 16)
        guard let header = try file.readHeader() else {
            throw Diagnostic(path: path, line: 1, message: "the file is empty; expected a header row")
        }
        let names = header.fields.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() }
        columns = CustomerRecordColumns(try rules.mapping.resolve(header: names, path: path).columns)
        rows = try CSVRowReader(path: path)
    }

    /// The fields of the row at `position`.
    public func fields(at position: CustomerRecordPosition) throws(Diagnostic) -> Fields {
        if position.length > scratch.count { scratch = [UInt8](repeating: 0, count: position.length) }
        let columns = columns
        return try scratch.withUnsafeMutableBufferPointer { buffer throws(Diagnostic) in
            let scratch = buffer.baseAddress!
            return try rows.withRecord(offset: position.offset, length: position.length) { record throws(Diagnostic) in
                func text(_ column: Int) -> String {
                    column < 0 || column >= record.count
                        ? "" : String(decoding: record.trimmedField(column, scratch: scratch), as: UTF8.self)
                }
                return Fields(
                    id: text(columns.id), phone: text(columns.phone), email: text(columns.email), pushToken: text(columns.token),
                    name: text(columns.name))
            }
        }
    }
}

/// One worker's records of the current part, handed to the sink when the part is committed (in
/// file order). Parsing mirrors ``CubeAccumulator/consume(_:)`` rule for rule.
final class RecordCollector<T>: CSVPartConsumer {
    let plan: ReadPlan
    let extras: CustomerRecordColumns
    let transform: @Sendable (CustomerRecord) -> T
    var sink: ((T, CustomerRecordPosition) -> Void)?
    private let regionCache = ByteCodeCache()
    private let languageCache = ByteCodeCache()
    private var part: [(value: T, line: Int, start: Int, length: Int)] = []
    private var partRows = 0
    private var partRejects = [Int](repeating: 0, count: RejectReason.allCases.count)
    private(set) var rows = 0
    private(set) var rejectCounts = [Int](repeating: 0, count: RejectReason.allCases.count)
    private var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    private var scratchCapacity = 4096

    init(plan: ReadPlan, extras: CustomerRecordColumns, transform: @escaping @Sendable (CustomerRecord) -> T) {
        self.plan = plan
        self.extras = extras
        self.transform = transform
    }

    deinit { scratch.deallocate() }

    func beginPart() {
        part.removeAll(keepingCapacity: true)
        partRows = 0
        for i in partRejects.indices { partRejects[i] = 0 }
    }

    func commitPart(firstLine: Int) throws(Diagnostic) { try commitPart(firstLine: firstLine, bufferOffset: 0) }

    func commitPart(firstLine: Int, bufferOffset: Int) throws(Diagnostic) {
        rows += partRows
        for i in partRejects.indices { rejectCounts[i] += partRejects[i] }
        guard let sink else { return }
        for entry in part {
            sink(
                entry.value,
                CustomerRecordPosition(line: firstLine - 1 + entry.line, offset: bufferOffset + entry.start, length: entry.length))
        }
    }

    private func reject(_ reason: RejectReason) {
        partRejects[RejectReason.allCases.firstIndex(of: reason)!] += 1
    }

    private func field(_ record: CSVRecordView, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        record.trimmedField(column, scratch: scratch)
    }

    private func text(_ record: CSVRecordView, _ column: Int) -> String {
        column < 0 ? "" : String(decoding: field(record, column), as: UTF8.self)
    }

    func consume(_ record: CSVRecordView) {
        partRows += 1
        if let error = record.error { return reject(error == .recordTooLong ? .recordTooLong : .brokenQuoting) }
        guard record.count == plan.fieldCount else { return reject(.wrongFieldCount) }
        guard record.isValidUTF8 else { return reject(.invalidUTF8) }
        if record.rawRange.count > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = record.rawRange.count
            scratch = .allocate(capacity: scratchCapacity)
        }
        let idBytes = field(record, plan.id)
        guard !idBytes.isEmpty else { return reject(.missingCustomerID) }
        let id = String(decoding: idBytes, as: UTF8.self)
        let idHash = LanguageImputation.fnv1a(idBytes)
        let region = plan.code(field(record, plan.region), regionCache, region: true)
        guard region >= 0 else { return reject(.unknownRegion) }
        var spend: Int64 = 0, orders: Int64 = 0
        if plan.spend >= 0 {
            let bytes = field(record, plan.spend)
            if !bytes.isEmpty {
                guard let value = ByteNumbers.decimal(bytes, places: 2) else { return reject(.badNumber) }
                spend = value
            }
        }
        if plan.orders >= 0 {
            let bytes = field(record, plan.orders)
            if !bytes.isEmpty {
                guard let value = ByteNumbers.integer(bytes) else { return reject(.badNumber) }
                orders = value
            }
        }
        var age: Int?
        if plan.lastOrder >= 0 {
            guard let day = ValueParsing.dayNumber(field(record, plan.lastOrder), order: plan.dateOrder) else { return reject(.badDate) }
            if day != ValueParsing.noDate { age = plan.asOfDay - day }
        }
        var optIns: [Bool] = []
        for column in plan.optIns {
            guard column >= 0 else {
                optIns.append(false)
                continue
            }
            let flag = ByteNumbers.boolean(field(record, column))
            guard flag >= 0 else { return reject(.badBoolean) }
            optIns.append(flag == 1)
        }
        var language: Int32 = -1
        if plan.language >= 0 { language = plan.code(field(record, plan.language), languageCache, region: false) }
        var imputed = false
        if language < 0 {
            let table = plan.imputation[Int(region)]
            let u = LanguageImputation.draw(field(record, plan.id))  // read again: later fields reuse the scratch
            language = table[table.count - 1].language
            for entry in table where u < entry.cumulative {
                language = entry.language
                break
            }
            imputed = true
        }
        var group: String?
        if let dimension = plan.dimension {
            let index: Int
            switch dimension {
            case .valueTier: index = plan.cuts?.tierIndex(age: age ?? Int.max, orders: orders, spend: spend) ?? 0
            case .activity: index = ActivityBand.index(age: age ?? Int.max)
            case .device: index = plan.device >= 0 ? DeviceGroup.index(field(record, plan.device)) : 3
            case .region, .language: index = 0
            }
            group = plan.groupNames[index]
        }
        let value = transform(
            CustomerRecord(
                line: record.line, id: id, region: plan.regions[Int(region)], language: plan.languages[Int(language)],
                imputedLanguage: imputed, spendMinor: spend, orders: Int(orders), daysSinceLastOrder: age, optIns: optIns,
                phone: text(record, extras.phone), email: text(record, extras.email), pushToken: text(record, extras.token),
                name: text(record, extras.name), group: group))
        part.append((value, record.line, record.rawRange.lowerBound, record.rawRange.count))
    }
}
