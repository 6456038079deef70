import ArgumentParser
import Export
import PlannerCore
import Results

/// `campaign-planner results`: what a campaign earned, measured against its holdout.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Measure a campaign against its holdout: incremental conversions and revenue per line, channel, festival, segment.",
        discussion: """
            Compares, for each group of plan lines, the customers messaged (sends.csv) with the held-out customers who would
            have been messaged (their ghost sends in holdout.csv), never with the whole holdout. Outcomes: customer_id and any
            of converted, orders, revenue, date (recognised names, or --map field=column). Conversion lifts carry a 95 %
            Newcombe interval, revenue lifts Welch's; a group with fewer than 30 customers on a side or 5 conversions gets
            no interval. Writes results.json and one CSV per grouping into --out; bad outcome rows go to the rejects file.
            """
    )

    @Argument(help: "The plan.json the audience was made from.") var plan: String
    @Option(help: "The audience folder (sends.csv, holdout.csv).") var audience: String
    @Option(help: "The outcomes file: customer_id and converted, orders or revenue (and optionally date).") var outcomes: String
    @Option(name: .customLong("map"), help: "field=column for the outcomes file, repeatable (e.g. --map revenue=order_value).")
    var maps: [String] = []
    @Option(help: "Days after a flight's end in which a dated outcome still counts for it.") var attributionDays = 7
    @Option(help: "Where the results go.") var out = "results-output"
    @Option(help: "Rejected outcome rows (default: beside the outcomes file).") var rejects: String?

    func validate() throws {
        if attributionDays < 0 { throw ValidationError("--attribution-days must not be negative") }
    }

    func run() throws {
        var mapping: [String: String] = [:]
        for text in maps {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw Diagnostic(
                    .badRequest, field: "--map", message: "'\(text)' is not field=column", hint: "e.g. --map revenue=order_value")
            }
            mapping[parts[0]] = parts[1]
        }
        let results = try CampaignResults.measure(
            CampaignResults.Request(
                plan: plan, audience: audience, outcomes: outcomes, mapping: mapping, rejectsPath: rejects,
                attributionDays: attributionDays))
        let input = results.input
        let rejected = input.rejected.values.reduce(0, +)
        Terminal.printError(
            "\(input.file): \(input.rowsRead) rows, \(input.accepted) counted, \(rejected) rejected"
                + (rejected > 0
                    ? " (\(input.rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))) → \(input.rejectsPath)"
                    : ""))
        let written = try ResultsTables.write(results, to: out)
        let tables = ResultsTables.tables(results)
        print(TableFormat.terminal.render(tables[0]) + "\n" + TableFormat.terminal.render(tables[1]), terminator: "")
        print("\nwrote " + written.joined(separator: ", "))
    }
}
