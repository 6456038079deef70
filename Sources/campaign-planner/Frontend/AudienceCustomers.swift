import Planner
import PlannerCore
import PlannerIO
import PostgresAccess
import Segments

/// The customer file an audience run reads: the plan's export, or, for a plan segmented in
/// PostgreSQL, the table's mapped columns copied into an owner-only scratch CSV (the rows hold
/// phones and names) that the audience reads like an export. The copy lives in the front end:
/// the audience itself only ever reads files.
struct AudienceCustomers {
    /// The plan to hand the audience: the plan itself, or the plan with the copy as its input.
    let plan: Plan
    /// The export to read instead of the plan's (`--customers`), or nil.
    let customers: String?
    /// The scratch folder holding the copy, removed by ``remove()``.
    let scratch: ScratchDirectory?

    /// The customers for `plan`; `customers` (an export given on the command line) wins over the
    /// plan's source.
    /// - Throws: a plan made from a cube (it holds no customers), or what the copy hit.
    static func prepare(_ plan: Plan, customers: String?) throws -> AudienceCustomers {
        guard customers == nil else { return AudienceCustomers(plan: plan, customers: customers, scratch: nil) }
        switch plan.input.source {
        case "cube":
            throw Diagnostic(
                .badRequest, path: plan.input.file, message: "the plan was made from a cube, which holds segments, not customers",
                hint: "give the customer export the cube was made from with \(OptionText.mention("customers"))")
        case "postgres":
            guard let table = plan.input.table else {
                throw Diagnostic(.badInput, field: "input.table", message: "the plan records a PostgreSQL source without its table")
            }
            return try copy(plan, table: table)
        default:
            return AudienceCustomers(plan: plan, customers: nil, scratch: nil)
        }
    }

    /// Deletes the copy.
    func remove() { scratch?.remove() }

    /// Copies the columns the plan's mapping reads (the customer id first: the copy is ordered by it).
    private static func copy(_ plan: Plan, table: String) throws -> AudienceCustomers {
        let settings = try PostgresSettings.parse(plan.input.file)
        let source = PostgresSegmentSource(settings: settings, table: table)
        var explicit: [CanonicalField: String] = [:]
        for (key, column) in plan.input.columns {
            guard let field = CanonicalField(rawValue: key) else {
                throw Diagnostic(.badInput, field: "input.columns.\(key)", message: "unknown customer field '\(key)'")
            }
            explicit[field] = column
        }
        let all = try source.columns()
        let resolved = try ColumnMapping(explicit: explicit).resolve(header: all, path: source.description)
        let indices = resolved.columns.sorted { ($0.key == .customerID ? 0 : 1, $0.value) < ($1.key == .customerID ? 0 : 1, $1.value) }.map(
            \.value)
        let columns = indices.map { all[$0] }
        let scratch = try ScratchDirectory(prefix: "campaign-planner-audience")
        do {
            let path = "\(scratch.path)/customers.csv"
            _ = try PostgresTableCopy.write(table: table, columns: columns, reader: PostgresReader(settings: settings), to: path)
            let print = try FileFingerprint(path: path)
            let input = plan.input
            let copied = InputSummary(
                file: path, size: print.size, sha256: print.sha256, columns: input.columns, dateFormat: input.dateFormat,
                rowsRead: input.rowsRead, accepted: input.accepted, rejects: input.rejects)
            return AudienceCustomers(plan: plan.replacingInput(copied), customers: nil, scratch: scratch)
        } catch {
            scratch.remove()
            throw error
        }
    }
}
