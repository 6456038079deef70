import ArgumentParser
import Export
import Locales
import PlannerCore
import PlannerIO
import PostgresAccess
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
    var customers: String?

    @Option(help: "A cube: the result of the --emit-sql query run elsewhere (CSV with its header), instead of --customers.")
    var cube: String?

    @Option(
        help: ArgumentHelp(
            "Segment a PostgreSQL table (--table) where it lives: postgres://USER@HOST:PORT/DATABASE, the password from PGPASSWORD or ~/.pgpass.",
            valueName: "url"))
    var postgres: String?

    @Option(
        help: ArgumentHelp(
            "Print the segmentation as one SQL query for postgres, spark or duckdb over --table, instead of reading a file.",
            valueName: "dialect"))
    var emitSql: String?

    @Option(help: "The table the query reads (name or schema.name), with --emit-sql or --postgres.")
    var table: String?

    @Option(
        help: ArgumentHelp(
            "The table's columns, comma-separated, as DESCRIBE lists them (default: every field's canonical name with --emit-sql, the server's list with --postgres).",
            valueName: "columns"))
    var tableColumns: String?

    @Option(help: "Output format: table, csv or json.")
    var format: ListFormat = .table

    @Option(help: "Write the output to this file instead of standard output.")
    var out: String?

    @Option(help: "Rejects file (default: beside the output, or beside the input when printing).")
    var rejects: String?

    @Option(
        help: ArgumentHelp(
            "Dimensions, comma-separated: region,language and at most one of value_tier (RFM tiers), activity and device (device_os).",
            valueName: "dimensions"))
    var by = "region,language"

    @OptionGroup var options: CustomerOptions

    @OptionGroup var data: DataOptions

    func validate() throws {
        if [customers, cube, emitSql, postgres].compactMap({ $0 }).count != 1 {
            throw ValidationError(
                "give one of --customers FILE.csv, --cube FILE.csv, --postgres URL --table NAME or --emit-sql DIALECT --table NAME")
        }
        if emitSql != nil && table == nil { throw ValidationError("--emit-sql needs --table NAME, the table holding the customers") }
        if postgres != nil && table == nil { throw ValidationError("--postgres needs --table NAME, the table holding the customers") }
    }

    func run() throws {
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        let dimension = try SegmentDimension.extra(from: by.split(separator: ",").map(String.init), option: "--by")
        if let emitSql, let table {
            try emit(emitSql, table: table, catalog: catalog, dimension: dimension)
            return
        }
        let source: Segmentation.Source
        if let postgres, let table {
            source = .postgres(
                PostgresSegmentSource(settings: try PostgresSettings.parse(postgres), table: table, tableColumns: tableColumnList))
        } else if let cube {
            source = .cube(cube)
        } else if let customers {
            source = .csv(customers)
        } else {
            return
        }
        var request = Segmentation.Request(
            source: source, country: options.country.uppercased(), mapping: try options.mapping(),
            asOf: try options.day(),
            rejectsPath: rejects ?? out.map(RejectsWriter.path(beside:)), rollup: try options.rollup(),
            maxRejectRate: try options.rejectRate())
        request.dimension = dimension
        let path = request.customers
        let showProgress = Terminal.errorIsTerminal
        let run = try Segmentation.run(
            request, catalog: catalog,
            progress: { done, size in
                guard showProgress, size > 64 << 20 else { return }
                Terminal.progress("reading \(path): \(done * 100 / size) %")
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

    /// `--table-columns` as a list.
    private var tableColumnList: [String]? { tableColumns.map { $0.split(separator: ",").map { String($0).trimmingASCIISpaces() } } }

    /// Prints the query of `--emit-sql` (values as literals: the text runs as it is).
    private func emit(_ name: String, table: String, catalog: LocaleCatalog, dimension: SegmentDimension?) throws {
        guard let dialect = SQLDialect(rawValue: name.lowercased()) else {
            throw Diagnostic(
                .badRequest, field: "--emit-sql", message: "unknown SQL dialect '\(name)'",
                hint: "dialects: \(SQLDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let mapping = try options.mapping()
        let columns =
            tableColumnList
            ?? CanonicalField.allCases.map { mapping.explicit[$0] ?? $0.rawValue }
        let sql = try SegmentSQL(
            catalog: catalog, country: options.country.uppercased(), table: table, tableColumns: columns, mapping: mapping,
            asOf: try options.day(), dimension: dimension)
        let text = sql.text(dialect)
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}
