import ArgumentParser
import Locales
import PlannerCore
import PlannerIO
import Segments

#if canImport(Glibc)
    import Glibc
#endif

/// `campaign-planner synth`: a realistic synthetic customer export on standard output.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic customer export (CSV) to standard output, the same for the same seed.",
        discussion: "Columns: \(SyntheticCustomers.header). `synth outcomes` writes outcomes for an audience instead.",
        subcommands: [SynthOutcomesCommand.self]
    )

    @Option(help: "How many customer rows (required unless a subcommand is given).")
    var customers: Int?

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Country code: IN or MY.")
    var country = "IN"

    @Flag(help: "Add about 3 % broken rows of every kind the segments command rejects.")
    var dirty = false

    @Option(help: "Last order dates count back from this day, YYYY-MM-DD.")
    var asOf = "2026-10-01"

    @Option(
        name: .customLong("region-share"),
        help: ArgumentHelp(
            "A region's share of the customers, CODE=SHARE (IN-DL=0.35; repeat for more); the other regions split the rest by population.",
            valueName: "code=share"))
    var regionShares: [String] = []

    @Option(
        help: ArgumentHelp(
            "A later snapshot: a region grows by this share, as new customers appended (IN-KA=0.2; repeatable).", valueName: "code=share"))
    var grow: [String] = []

    @Option(
        help: ArgumentHelp(
            "A later snapshot: this share of a region's customers lapse, their last order 400 days earlier (IN-TN=0.3).",
            valueName: "code=share"))
    var lapse: [String] = []

    @Option(
        help: ArgumentHelp(
            "A later snapshot: this share of a region's speakers of one language write another (IN-MH/mr:hi=0.2).",
            valueName: "code/from:to=share"))
    var shift: [String] = []

    @OptionGroup var data: DataOptions

    func validate() throws {
        if let customers, customers < 0 { throw ValidationError("--customers must not be negative") }
    }

    func run() throws {
        guard let customers else {
            throw ValidationError("give --customers N for a customer export (or `synth outcomes PLAN.json --audience DIR` for outcomes)")
        }
        let root = try data.root()
        let catalog = try LocaleCatalog(allCountriesIn: "\(root)/locales")
        guard let day = CivilDate(iso: asOf) else {
            throw Diagnostic(.badRequest, field: "--as-of", message: "'\(asOf)' is not a date YYYY-MM-DD")
        }
        var shares: [String: Double] = [:]
        for text in regionShares {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let share = Double(parts[1]) else {
                throw Diagnostic(
                    .badRequest, field: "--region-share", message: "'\(text)' is not CODE=SHARE", hint: "e.g. --region-share IN-DL=0.35")
            }
            shares[parts[0].uppercased()] = share
        }
        var synth = try SyntheticCustomers(
            catalog: catalog, country: country.uppercased(), seed: seed, dirty: dirty, asOf: day, regionShares: shares)
        synth.drift = try SyntheticCustomers.Drift.parse(
            grow: grow, lapse: lapse, shifts: shift, country: country.uppercased(), catalog: catalog)
        let report = try synth.generate(count: customers) { bytes throws(Diagnostic) in
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(1, $0.baseAddress! + written, $0.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Diagnostic(.internal, message: "cannot write to standard output: \(String(cString: strerror(errno)))")
                }
                written += n
            }
        }
        if !synth.drift.isEmpty { Terminal.printError("drift: " + (report.summary.isEmpty ? "nothing changed" : report.summary)) }
    }
}
