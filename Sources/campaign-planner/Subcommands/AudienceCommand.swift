import ArgumentParser
import Audience
import Export
import Planner
import PlannerCore
import PlannerIO

/// `campaign-planner audience`: a plan in, the exact send lists out (per channel, with holdout).
struct AudienceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audience",
        abstract: "Turn a plan into the send lists channels accept: who gets which message, when, and who is held out.",
        discussion: """
            Reads plan.json and streams the customer file it was made from (a changed file is an error unless
            --allow-changed-customers); a plan made from a PostgreSQL table copies the table's mapped columns
            into an owner-only scratch file first. Writes sends.csv, holdout.csv, sms.csv, whatsapp.jsonl, email.csv, push.jsonl,
            audience-summary.csv, report.md and rejects.csv into --out, each atomically and readable by its owner only.
            """
    )

    @Argument(help: "The plan (plan.json).") var plan: String
    @Option(help: "The customers CSV (default: the one the plan records).") var customers: String?
    @Option(help: "Output folder.") var out = "audience-output"
    @Option(help: "Files to write: all (the send lists and each channel's format) or sends (the send lists only).") var format = "all"
    @Flag(
        name: .customLong("allow-changed-customers"),
        help: "Send to a customer file that changed since the plan, reporting the differences.")
    var allowChangedCustomers = false
    @Option(
        help: ArgumentHelp(
            "Print the plan's holdout (control group) as one SQL query for postgres, spark or duckdb over --table, instead of writing the audience.",
            valueName: "dialect"))
    var emitHoldoutSql: String?
    @Option(help: "The table the holdout query reads (default: the plan's PostgreSQL table).") var table: String?
    @Option(
        help: ArgumentHelp(
            "The table's columns, comma-separated (default: every field's canonical name, as the plan maps them).", valueName: "columns"))
    var tableColumns: String?
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard AudienceFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)' in --format: use all or sends")
        }
    }

    func run() throws {
        let root = try data.root()
        if let emitHoldoutSql {
            let text = try HoldoutSQL.text(
                plan: try Plan.load(plan), planPath: plan, dialect: emitHoldoutSql, table: table,
                tableColumns: tableColumns.map { $0.split(separator: ",").map { String($0).trimmingASCIISpaces() } }, dataRoot: root)
            print(text, terminator: "")
            return
        }
        let input = try AudienceCustomers.prepare(try Plan.load(plan), customers: customers)
        defer { input.remove() }
        let request = AudienceRequest(
            plan: input.plan, planPath: plan, customersPath: input.customers, dataRoot: root, allowChangedCustomers: allowChangedCustomers)
        let outcome = try AudienceRun.run(request, to: out, format: AudienceFormat(rawValue: format) ?? .all)
        Self.report(outcome)
    }

    /// Prints the counts (never a contact) and the files written.
    static func report(_ outcome: AudienceRun.Outcome) {
        for warning in outcome.result.warnings { Terminal.printError("warning: \(Flags.spelled(warning))") }
        let planned = outcome.result.outcomes.map(\.planned).reduce(0, +)
        let assigned = outcome.result.outcomes.map(\.assigned).reduce(0, +)
        let held = outcome.result.segments.map(\.heldOut).reduce(0, +)
        print(
            "audience: \(assigned) of \(planned) planned messages assigned, \(held) customers held out, \(outcome.result.rejects.count) invalid contacts"
        )
        print("wrote \(outcome.written.joined(separator: ", "))")
    }
}
