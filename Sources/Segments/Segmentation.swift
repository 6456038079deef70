import Locales
import PlannerCore
import PlannerIO
import PostgresAccess

/// One `segments` run, the way the command and any other front end asks for it: read a customer
/// export into the segment cube (bad rows to a rejects file), refuse an export with no customers
/// or too many rejects, and roll small segments up.
///
/// ```swift
/// let run = try Segmentation.run(
///     Segmentation.Request(customers: "customers.csv", country: "IN", asOf: day), catalog: catalog)
/// // notices: "customers.csv: 40000 rows, 40000 accepted, 0 rejected; 412 languages imputed"
/// ```
public struct Segmentation: Sendable {
    /// Where the customers are: an export to read, or a cube already aggregated elsewhere.
    public enum Source: Sendable, Equatable {
        /// A customer export, CSV with a header row (``SegmentReader``).
        case csv(String)
        /// A cube file, the result of ``SegmentSQL`` run in a warehouse (``SegmentCubeRows``).
        case cube(String)
        /// A table in PostgreSQL, aggregated there (``PostgresSegmentSource``).
        case postgres(PostgresSegmentSource)
    }

    /// What to segment and how.
    public struct Request: Sendable {
        /// Where the customers are.
        public var source: Source
        /// The file the source names, as messages name it.
        public var customers: String {
            switch source {
            case .csv(let path), .cube(let path): path
            case .postgres(let table): table.description
            }
        }
        /// The country code whose regions and languages the rows use (`IN`).
        public var country: String
        /// How the export names its columns, writes dates and defines reach.
        public var mapping: ColumnMapping
        /// The day activity windows count back from.
        public var asOf: CivilDate
        /// Where rejected rows go; `nil`: beside the export (`RejectsWriter.path(beside:)`).
        public var rejectsPath: String?
        /// The thresholds small segments are rolled up or dropped by.
        public var rollup: SubstantialityRollup
        /// The largest share of rejected rows accepted (0.01 = 1 %).
        public var maxRejectRate: Double
        /// The extra dimension beyond region and language (``SegmentDimension``), or nil.
        public var dimension: SegmentDimension?
        /// Value cut points to score with instead of the file's own (value tiers only).
        public var valueCuts: ValueCuts?
        /// Whether to keep each customer's group for matching snapshots (``CustomerGroups``).
        public var collectGroups = false

        /// A request for `source`, otherwise as ``init(customers:country:mapping:asOf:rejectsPath:rollup:maxRejectRate:)``.
        public init(
            source: Source, country: String, mapping: ColumnMapping = .automatic, asOf: CivilDate, rejectsPath: String? = nil,
            rollup: SubstantialityRollup = SubstantialityRollup(), maxRejectRate: Double = 0.01
        ) {
            self.init(
                customers: "", country: country, mapping: mapping, asOf: asOf, rejectsPath: rejectsPath, rollup: rollup,
                maxRejectRate: maxRejectRate)
            self.source = source
        }

        /// A request with the automatic column mapping, no roll-up thresholds and a 1 % reject limit.
        public init(
            customers: String, country: String, mapping: ColumnMapping = .automatic, asOf: CivilDate, rejectsPath: String? = nil,
            rollup: SubstantialityRollup = SubstantialityRollup(), maxRejectRate: Double = 0.01
        ) {
            self.source = .csv(customers)
            self.country = country
            self.mapping = mapping
            self.asOf = asOf
            self.rejectsPath = rejectsPath
            self.rollup = rollup
            self.maxRejectRate = maxRejectRate
        }
    }

    /// What the read found: rows, rejects per reason, imputed languages, warnings.
    public let report: SegmentReadReport
    /// The segments after the roll-up, sorted by region then language.
    public let rows: [SegmentRow]
    /// Where the rejected rows were written.
    public let rejectsPath: String
    /// The read's cube: every non-empty cell before the roll-up.
    public var cube: SegmentCube? = nil
    /// The value cut points the tiers were scored with (value tiers only).
    public var valueCuts: ValueCuts? = nil
    /// Each customer's group, when the request asked to keep them.
    public var groups: CustomerGroups? = nil

    /// Runs `request`; `progress` gets bytes done and the file's size while reading, and `notice`
    /// the read's summary line and its warnings (``summary(of:rejectsPath:)``, then
    /// ``SegmentReadReport/warnings``) before the checks, so a refused export still says what
    /// was read. Notices name files and counts, never a row's contents.
    /// - Throws: the reader's diagnostics (an unreadable or malformed export, an unknown mapping),
    ///   no customers at all, or more rejected rows than `maxRejectRate` allows.
    public static func run(
        _ request: Request, catalog: LocaleCatalog, progress: ((Int, Int) -> Void)? = nil, notice: (String) -> Void = { _ in }
    ) throws(Diagnostic) -> Segmentation {
        let rejectsPath = request.rejectsPath ?? RejectsWriter.path(beside: request.customers)
        let result = try read(request, catalog: catalog, progress: progress)
        if case .csv = request.source {
            notice(summary(of: result.report, rejectsPath: rejectsPath))
        } else {
            notice(summary(of: result.report, rejectsPath: "the query's counts; the rejected rows stay in the warehouse"))
        }
        for warning in result.report.warnings { notice("warning: \(warning)") }
        if request.dimension == .device && result.report.columns[.deviceOS] == nil {
            notice(
                "warning: no device_os column in \(request.customers): every customer is in the device group 'other'; name the column with \(OptionText.mention("map", "device_os=COLUMN")) or device_os: COLUMN in a \(OptionText.mention("columns")) file"
            )
        }
        try result.report.checkHasCustomers()
        try result.report.check(maxRejectRate: request.maxRejectRate)
        guard let country = catalog.country(code: request.country) else {
            throw Diagnostic(.badRequest, field: OptionText.mention("country"), message: "unknown country '\(request.country)'")
        }
        var run = Segmentation(
            report: result.report, rows: request.rollup.apply(to: result.cube, country: country), rejectsPath: rejectsPath)
        run.cube = result.cube
        run.valueCuts = result.valueCuts
        run.groups = result.groups
        return run
    }

    /// Reads `request`'s source into the segment cube, without the checks and the roll-up of
    /// ``run(_:catalog:progress:notice:)``: a CSV export streamed (bad rows to the rejects file), a
    /// cube file, or a PostgreSQL table aggregated on its server. `plan` reads through it too.
    /// - Throws: the reader's diagnostics, or a cube cut by other dimensions than the request's.
    public static func read(
        _ request: Request, catalog: LocaleCatalog, progress: ((Int, Int) -> Void)? = nil
    ) throws(Diagnostic) -> SegmentReadResult {
        var reader = try SegmentReader(catalog: catalog, country: request.country, mapping: request.mapping, asOf: request.asOf)
        reader.dimension = request.dimension
        reader.valueCuts = request.valueCuts
        reader.collectGroups = request.collectGroups
        let result: SegmentReadResult
        switch request.source {
        case .csv(let path):
            let rejectsPath = request.rejectsPath ?? RejectsWriter.path(beside: request.customers)
            return try reader.read(path: path, rejectsPath: rejectsPath, progress: progress)
        case .cube(let path):
            result = try SegmentCubeRows.read(
                path: path, catalog: catalog, country: request.country, asOf: request.asOf, reach: request.mapping.reach)
        case .postgres(let table):
            result = try table.read(request, catalog: catalog)
        }
        let wanted = request.dimension == .region || request.dimension == .language ? nil : request.dimension
        guard result.dimension == wanted || result.cube.cells.isEmpty else {
            throw Diagnostic(
                .badRequest, path: request.customers, field: OptionText.mention("by"),
                message:
                    "the cube is cut by \(result.dimension?.rawValue ?? "region and language only"), not by \(wanted?.rawValue ?? "region and language only")",
                hint: "ask for the dimensions the query was made with, or emit the query again with them")
        }
        return result
    }

    /// One line for standard error: rows read, accepted, rejected (by reason, and where they went)
    /// and languages imputed.
    public static func summary(of report: SegmentReadReport, rejectsPath: String) -> String {
        "\(report.path): \(report.rowsRead) rows, \(report.accepted) accepted, \(report.rejectedTotal) rejected"
            + (report.rejectedTotal > 0 ? " (\(report.rejectSummary)) → \(rejectsPath)" : "")
            + "; \(report.imputedLanguages) languages imputed"
    }
}
