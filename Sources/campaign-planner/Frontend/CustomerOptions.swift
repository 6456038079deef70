import ArgumentParser
import PlannerCore
import PlannerIO
import Segments

/// The options every command reading a customer export shares (`segments`, `review`): the
/// country, the column mapping, dates, reach, the substantiality thresholds and the reject limit.
struct CustomerOptions: ParsableArguments {
    @Option(help: "Country code: IN or MY.")
    var country = "IN"

    @Option(help: "YAML file of field: column pairs naming the source columns.")
    var columns: String?

    @Option(name: .customLong("map"), help: "field=column, repeatable (e.g. --map region=state).")
    var maps: [String] = []

    @Option(help: "Minimum customers for a segment of its own.")
    var minCustomers = 0

    @Option(help: "Minimum total spend for a segment of its own (currency units).")
    var minSpend = "0"

    @Option(help: "Flag kept segments above this percentage of all customers (e.g. 30).")
    var maxShare: String?

    @Option(help: "Fail when more than this percentage of rows is rejected.")
    var maxRejectRate = "1"

    @Option(help: "The day activity windows count back from, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "How the export writes dates: yyyy-mm-dd (default), dd/mm/yyyy or mm/dd/yyyy (- and . also).")
    var dateFormat: String?

    @Option(
        help: ArgumentHelp(
            "When a customer is reachable: contact (opt-in and the contact present; the default) or opt-in (the opt-in flag is enough, for exports that leave contacts out).",
            valueName: "rule"))
    var reach: String?

    func validate() throws {
        if columns != nil && !maps.isEmpty {
            throw ValidationError("give the column mapping either as --columns FILE or as --map flags, not both")
        }
        if minCustomers < 0 { throw ValidationError("--min-customers must not be negative") }
    }

    /// The column mapping with the date format and reach rule applied.
    func mapping() throws -> ColumnMapping {
        var mapping = try columns.map { path throws(Diagnostic) in try ColumnMapping(yamlPath: path) } ?? ColumnMapping(flags: maps)
        if let dateFormat {
            mapping.dateOrder = try ColumnMapping.dateOrder(dateFormat, at: Diagnostic(.badRequest, field: "--date-format", message: ""))
        }
        if let reach {
            mapping.reach = try ColumnMapping.reachRule(reach, at: Diagnostic(.badRequest, field: "--reach", message: ""))
        }
        return mapping
    }

    /// `--as-of`, or today.
    func day() throws(Diagnostic) -> CivilDate { try Self.date(asOf, option: "--as-of") ?? Clock.today }

    /// A `YYYY-MM-DD` option's date (nil when not given).
    static func date(_ text: String?, option: String) throws(Diagnostic) -> CivilDate? {
        try text.map { text throws(Diagnostic) in
            guard let date = CivilDate(iso: text) else {
                throw Diagnostic(.badRequest, field: option, message: "'\(text)' is not a date YYYY-MM-DD")
            }
            return date
        }
    }

    /// The substantiality thresholds.
    func rollup() throws(Diagnostic) -> SubstantialityRollup {
        guard let minimumSpend = Money(minSpend) else {
            throw Diagnostic(.badRequest, field: "--min-spend", message: "'\(minSpend)' is not an amount")
        }
        return SubstantialityRollup(
            minCustomers: minCustomers, minSpend: minimumSpend,
            maxShare: try maxShare.map { text throws(Diagnostic) in try Self.percent(text, option: "--max-share") })
    }

    /// The reject limit as a fraction.
    func rejectRate() throws(Diagnostic) -> Double { try Self.percent(maxRejectRate, option: "--max-reject-rate") }

    /// `1`, `1%` or `0.5 %` as a fraction.
    static func percent(_ text: String, option: String) throws(Diagnostic) -> Double {
        var trimmed = text.trimmingASCIISpaces()
        if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()).trimmingASCIISpaces() }
        guard let value = Double(trimmed), value >= 0, value <= 100 else {
            throw Diagnostic(.badRequest, field: option, message: "'\(text)' is not a percentage between 0 and 100")
        }
        return value / 100
    }
}
