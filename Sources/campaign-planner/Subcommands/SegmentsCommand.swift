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

    func run() throws {
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        let dimension = try SegmentDimension.extra(from: by.split(separator: ",").map(String.init), option: "--by")
        var request = Segmentation.Request(
            customers: customers, country: options.country.uppercased(), mapping: try options.mapping(), asOf: try options.day(),
            rejectsPath: rejects ?? out.map(RejectsWriter.path(beside:)), rollup: try options.rollup(),
            maxRejectRate: try options.rejectRate())
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
}
