import ArgumentParser
import ICUKit
import PlannerCore
import PlannerIO

/// The command line: thin over the library. Each verb lives in `Subcommands/`; errors are printed
/// once, here, compiler-style, with exit codes 64 (usage), 65 (bad input data) or 1.
@main
struct CampaignPlanner: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "campaign-planner",
        abstract: "Plan regional festive campaigns: who to target, when, with how much money, and what to say.",
        version: version,
        subcommands: [
            PlanCommand.self, LocalesCommand.self, FestivalsCommand.self, SegmentsCommand.self, SynthCommand.self, TemplatesCommand.self,
            RenderCommand.self, AllocateCommand.self, CompareCommand.self, AudienceCommand.self, ResultsCommand.self,
            ReviewCommand.self, ServeCommand.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(reporting: error)
        }
    }

    /// Prints an error once, in one place, and exits with its code.
    static func exit(reporting error: any Error) -> Never {
        switch error {
        case let convertible as any DiagnosticConvertible:
            let diagnostic = convertible.diagnostic
            Terminal.printError(diagnostic.text(spelling: Flags.spell))
            Self.exit(withError: ExitCode(Flags.exitCode(for: diagnostic.fault)))
        default:
            Self.exit(withError: error)
        }
    }
}
