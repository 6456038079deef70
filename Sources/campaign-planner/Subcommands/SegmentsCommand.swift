import ArgumentParser
import Export
import Locales
import PlannerCore
import PlannerIO
import Segments

/// `campaign-planner segments`: a customer export to the segment table (region x language), with
/// rejects and the substantiality roll-up.
struct SegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Turn a customer export into segments by region and language, checked for substantiality.",
        discussion: """
            CSV columns: \(SegmentTable.header.joined(separator: ","))
            sorted by region then language. Regions are ISO 3166-2 codes (IN-TN); merged segments are
            zones (IN:south) and the whole country (IN). Rows that cannot be counted go to the rejects
            file (line,reason,raw); a summary goes to standard error.
            """
    )

    @Option(help: "The customer export: CSV with a header row.")
    var customers: String

    @Option(help: "Country code: IN or MY.")
    var country = "IN"

    @Option(help: "YAML file of field: column pairs naming the source columns.")
    var columns: String?

    @Option(name: .customLong("map"), help: "field=column, repeatable (e.g. --map region=state).")
    var maps: [String] = []

    @Option(help: "Minimum customers for a segment of its own.")
    var minCustomers = 0

    @Option(help: "Minimum total spend for a segment of its own (currency units).")
    var minSpend = "0"

    @Option(help: "Flag kept segments above this percentage of all customers (e.g. 30).")
    var maxShare: String?

    @Option(help: "Fail when more than this percentage of rows is rejected.")
    var maxRejectRate = "1"

    @Option(help: "Output format: table, csv or json.")
    var format: ListFormat = .table

    @Option(help: "Write the output to this file instead of standard output.")
    var out: String?

    @Option(help: "Rejects file (default: beside the output, or beside the input when printing).")
    var rejects: String?

    @Option(help: "The day activity windows count back from, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "How the export writes dates: yyyy-mm-dd (default), dd/mm/yyyy or mm/dd/yyyy (- and . also).")
    var dateFormat: String?

    @Option(
        help: ArgumentHelp(
            "When a customer is reachable: contact (opt-in and the contact present; the default) or opt-in (the opt-in flag is enough, for exports that leave contacts out).",
            valueName: "rule"))
    var reach: String?

    @Option(
        help: ArgumentHelp(
            "Dimensions, comma-separated: region,language and at most one of value_tier (RFM tiers) and activity.",
            valueName: "dimensions"))
    var by = "region,language"

    @OptionGroup var data: DataOptions

    func validate() throws {
        if columns != nil && !maps.isEmpty {
            throw ValidationError("give the column mapping either as --columns FILE or as --map flags, not both")
        }
        if minCustomers < 0 { throw ValidationError("--min-customers must not be negative") }
    }

    func run() throws {
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        var mapping = try columns.map { path throws(Diagnostic) in try ColumnMapping(yamlPath: path) } ?? ColumnMapping(flags: maps)
        if let dateFormat {
            mapping.dateOrder = try ColumnMapping.dateOrder(dateFormat, at: Diagnostic(.badRequest, field: "--date-format", message: ""))
        }
        if let reach {
            mapping.reach = try ColumnMapping.reachRule(reach, at: Diagnostic(.badRequest, field: "--reach", message: ""))
        }
        let day =
            try asOf.map { text throws(Diagnostic) in
                guard let date = CivilDate(iso: text) else {
                    throw Diagnostic(.badRequest, field: "--as-of", message: "'\(text)' is not a date YYYY-MM-DD")
                }
                return date
            } ?? Clock.today
        guard let minimumSpend = Money(minSpend) else {
            throw Diagnostic(.badRequest, field: "--min-spend", message: "'\(minSpend)' is not an amount")
        }
        let dimension = try SegmentDimension.extra(from: by.split(separator: ",").map(String.init), option: "--by")
        var request = Segmentation.Request(
            customers: customers, country: country.uppercased(), mapping: mapping, asOf: day,
            rejectsPath: rejects ?? out.map(Segmentation.rejectsPath(beside:)),
            rollup: SubstantialityRollup(
                minCustomers: minCustomers, minSpend: minimumSpend,
                maxShare: try maxShare.map { text throws(Diagnostic) in try Self.percent(text, option: "--max-share") }),
            maxRejectRate: try Self.percent(maxRejectRate, option: "--max-reject-rate"))
        request.dimension = dimension
        let showProgress = Terminal.errorIsTerminal
        let run = try Segmentation.run(
            request, catalog: catalog,
            progress: { done, size in
                guard showProgress, size > 64 << 20 else { return }
                Terminal.progress("reading \(customers): \(done * 100 / size) %")
            },
            notice: { line in
                if showProgress { Terminal.progress(nil) }
                Terminal.printError(line)
            })
        if let cuts = run.valueCuts { Terminal.printError("value tiers: \(cuts.summary)") }
        let table = SegmentTable.table(run.rows, dimension: dimension)
        let text =
            switch format {
            case .csv: TableFormat.csv.render(table)
            case .json: SegmentTable.json(run.rows, report: run.report, dimension: dimension, valueCuts: run.valueCuts)
            case .table:
                TableFormat.terminal.render(
                    table.selecting(SegmentTable.terminalColumns(dimension: dimension), renaming: SegmentTable.terminalHeaders))
            }
        if let out {
            try AtomicFile.write(text, to: out)
        } else {
            print(text, terminator: "")
        }
    }

    /// `1`, `1%` or `0.5 %` as a fraction.
    static func percent(_ text: String, option: String) throws(Diagnostic) -> Double {
        var trimmed = text.trimmingASCIISpaces()
        if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()).trimmingASCIISpaces() }
        guard let value = Double(trimmed), value >= 0, value <= 100 else {
            throw Diagnostic(.badRequest, field: option, message: "'\(text)' is not a percentage between 0 and 100")
        }
        return value / 100
    }
}
