import ArgumentParser
import PlannerCore
import Results

/// `campaign-planner synth outcomes`: outcomes for an audience drawn from a known truth, to
/// check `results` (and to rehearse a results review before a campaign has run).
struct SynthOutcomesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "Write outcomes (customer_id,converted,revenue) for a plan's audience from known true rates, the same for the same seed.",
        discussion: """
            Every customer of the audience (messaged or held out) converts anyway with --base-rate; a messaged customer
            converts with an extra --lift for each channel that messaged it (1 − (1 − base) · Π (1 − lift)). Held-out
            customers get the base rate only, so `results` should find each channel's lift. The true incremental rate per
            channel (the campaign's effect on that channel's customers) goes to standard error.
            """
    )

    @Argument(help: "The plan.json the audience was made from.") var plan: String
    @Option(help: "The audience folder (sends.csv, holdout.csv).") var audience: String
    @Option(help: "The chance a customer converts without any message (0.04 is 4 %).") var baseRate = 0.04
    @Option(
        name: .customLong("lift"),
        help: ArgumentHelp(
            "The extra chance a message on a channel adds, channel=share (sms=0.03; repeatable).", valueName: "channel=share"))
    var lifts: [String] = []
    @Option(help: "Revenue of one conversion, in currency units.") var orderValue = "400"
    /// `synth`'s own options: its `--seed` (written before or after `outcomes`) seeds the draws.
    @ParentCommand var synth: SynthCommand

    func validate() throws {
        guard (0..<1).contains(baseRate) else { throw ValidationError("--base-rate must be a share at least 0 and below 1") }
    }

    func run() throws {
        var lift: [String: Double] = [:]
        for text in lifts {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let share = Double(parts[1]), (0...1).contains(share) else {
                throw Diagnostic(.badRequest, field: "--lift", message: "'\(text)' is not channel=share", hint: "e.g. --lift sms=0.03")
            }
            lift[parts[0]] = share
        }
        guard let value = Money(orderValue), value >= .zero else {
            throw Diagnostic(.badRequest, field: "--order-value", message: "'\(orderValue)' is not an amount")
        }
        let model = SyntheticOutcomes(baseRate: baseRate, lift: lift, orderValue: value, seed: synth.seed)
        print(try model.csv(plan: plan, audience: audience), terminator: "")
        let truth = try model.expectedIncrementalRates(plan: plan, audience: audience)
        Terminal.printError(
            "true incremental conversion rates: "
                + truth.keys.sorted().map { "\($0) \(DecimalText.fixed(truth[$0]!, places: 6))" }.joined(separator: ", "))
    }
}
