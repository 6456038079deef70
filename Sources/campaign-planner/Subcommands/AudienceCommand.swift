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
            --allow-changed-customers). Writes sends.csv, holdout.csv, sms.csv, whatsapp.jsonl, email.csv, push.jsonl,
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
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard AudienceFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)' in --format: use all or sends")
        }
    }

    func run() throws {
        let root = try data.root()
        let loaded = try Plan.load(plan)
        let request = AudienceRequest(
            plan: loaded, planPath: plan, customersPath: customers, dataRoot: root, allowChangedCustomers: allowChangedCustomers)
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
