import ArgumentParser
import Export
import Locales
import PlannerCore
import PlannerIO
import Review
import Segments

/// `campaign-planner review OLD.csv NEW.csv`: two snapshots of the customer file compared per
/// segment (sizes, reach, spend, significance, flags) with the migration between value tiers.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Compare two snapshots of the customer file: segment sizes, significant changes, flags and tier migration.",
        discussion: """
            Writes review.json, review.csv, migration.csv, flags.csv, review.xlsx (Sizes, Migration, Flags)
            and review.md with size-changes.svg and migration.svg into --out. Both files are scored with
            the old file's value cut points; customers are matched by customer id. Flags and a one-line
            summary go to standard error.
            """
    )

    @Argument(help: "The older customer export (CSV with a header row), or a segments --format json output (.json).")
    var old: String

    @Argument(help: "The newer customer export, or segments JSON output when the old one is.")
    var new: String

    @Option(help: "The folder to write the review into.")
    var out = "review-output"

    @Option(
        help: ArgumentHelp(
            "Dimensions, comma-separated: region,language and at most one of value_tier (the default, RFM tiers), activity and device.",
            valueName: "dimensions"))
    var by = "region,language,value_tier"

    @Option(help: "The day the old file's activity counts back from (default: --as-of).")
    var oldAsOf: String?

    @Option(
        help: ArgumentHelp(
            "Campaign results per segment (segment,sent,conversions), given twice: the old period's, then the new one's.",
            valueName: "file"))
    var results: [String] = []

    @Option(help: "The smallest change of a share that counts, in percent of the old share (default 10).")
    var minChange = "10"

    @OptionGroup var options: CustomerOptions

    @OptionGroup var data: DataOptions

    func run() throws {
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        var request = SegmentReview.Request(
            old: old, new: new, country: options.country.uppercased(), mapping: try options.mapping(), asOf: try options.day(),
            dimension: try SegmentDimension.extra(from: by.split(separator: ",").map(String.init), option: "--by"),
            rollup: try options.rollup(), maxRejectRate: try options.rejectRate())
        if !results.isEmpty {
            guard results.count == 2 else {
                throw Diagnostic(
                    .badRequest, field: "--results", message: "give --results twice: the old period's results, then the new one's")
            }
            request.oldResults = try SegmentResults(path: results[0])
            request.newResults = try SegmentResults(path: results[1])
        }
        request.minChange = try CustomerOptions.percent(minChange, option: "--min-change")
        request.oldAsOf = try CustomerOptions.date(oldAsOf, option: "--old-as-of")
        request.oldRejectsPath = "\(out)/old.rejects.csv"
        request.newRejectsPath = "\(out)/new.rejects.csv"
        try Directory.create(out)
        let review = try SegmentReview.run(request, catalog: catalog, notice: { Terminal.printError($0) })
        let written = try ReviewExport.write(review, to: out)
        let significant = review.segments.filter(\.significant).count
        Terminal.printError(
            "review: \(review.segments.count) segments compared, \(significant) changed significantly, \(review.flagged.count) flagged"
                + (review.migration.map { "; \($0.moved) of \($0.matched) matched customers changed \($0.dimension)" } ?? ""))
        for entry in review.flagged { for flag in entry.flags { Terminal.printError("  \(flag.reason)") } }
        if !review.resultsUnmatched.isEmpty {
            Terminal.printError(
                "results for segments not compared (zones, the country or unknown ids): \(review.resultsUnmatched.joined(separator: ", "))")
        }
        Terminal.printError("wrote \(written.joined(separator: ", "))")
    }
}
