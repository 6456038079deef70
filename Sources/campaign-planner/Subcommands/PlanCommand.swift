import ArgumentParser
import Audience
import Export
import Planner
import PlannerCore
import PlannerIO

/// `campaign-planner plan`: a brief and a customer export in, a plan out (JSON, XLSX, CSV, report).
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Make a campaign plan from a brief: segments, festival flights, budget split, forecasts and messages.",
        discussion: """
            Writes plan.json, plan.xlsx, one CSV per table and report.md (with SVG charts) into --out, each file atomically;
            --format pdf adds plan.pdf, the workbook printed by LibreOffice (libreoffice-calc-nogui must be installed).
            The brief's format is documented in the README; examples/ has a full one.
            """
    )

    @Argument(help: "The campaign brief (YAML).") var brief: String
    @Option(help: "A customers CSV to use instead of the brief's.") var customers: String?
    @Option(help: "Output folder.") var out = "plan-output"
    @Option(help: "Formats to write, comma-separated: json,xlsx,csv,md,pdf (pdf needs LibreOffice).") var format = "json,xlsx,csv,md"
    @Option(help: "The day the plan is made for (YYYY-MM-DD); default: the brief's first day.") var today: String?
    @Option(help: "Where rejected customer rows go (default: OUT/rejects.csv).") var rejects: String?
    @Option(name: .customLong("max-reject-rate"), help: "Fail when more than this share of rows is rejected.") var maxRejectRate = 0.01
    @Flag(help: "Also write the audience (the send lists, see the audience command) into OUT/audience/.") var audience = false
    @OptionGroup var data: DataOptions

    func validate() throws {
        if let today, CivilDate(iso: today) == nil { throw ValidationError("--today must be a date YYYY-MM-DD, got '\(today)'") }
        for name in formats where ExportFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)' in --format: use json, xlsx, csv, md, pdf")
        }
        guard (0...1).contains(maxRejectRate) else { throw ValidationError("--max-reject-rate must be a share between 0 and 1") }
    }

    var formats: [String] { format.split(separator: ",").map { $0.trimmingASCIISpaces() } }

    func run() throws {
        let root = try data.root()
        let request = PlanRequest(
            briefPath: brief, dataRoot: root, customers: customers, today: today.flatMap { CivilDate(iso: $0) },
            maxRejectRate: maxRejectRate)
        let run = try PlanRun.run(
            request, to: out, formats: formats.compactMap(ExportFormat.init(rawValue:)), rejectsPath: rejects ?? "\(out)/rejects.csv")
        for warning in run.plan.warnings { Terminal.printError("warning: \(warning)") }
        print(PlanSummary.render(run.plan), terminator: "")
        print("\nwrote \(run.written.joined(separator: ", "))")
        guard audience else { return }
        let input = try AudienceCustomers.prepare(run.plan, customers: customers)
        defer { input.remove() }
        let audienceRequest = AudienceRequest(
            plan: input.plan, planPath: "\(out)/plan.json", customersPath: input.customers, dataRoot: root)
        let outcome = try AudienceRun.run(audienceRequest, to: "\(out)/audience")
        if formats.contains("md") { try AudienceRun.appendSection(of: outcome, plan: run.plan, to: "\(out)/report.md") }
        AudienceCommand.report(outcome)
    }
}
