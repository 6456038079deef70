import PlannerCore

/// Which columns of an outcomes file hold what. Shops and channels export outcomes under many
/// names; common ones are recognised (case, spaces and underscores ignored) and any field can be
/// named explicitly (`--map revenue=order_value`).
///
/// Fields: `customer_id` (required); `converted` (a flag or a count), `orders` (a count) and
/// `revenue` (money, never negative): at least one of them; `date` (`YYYY-MM-DD`), optional: with
/// it, outcomes count for a line only inside its flight (plus the attribution days) and outcomes
/// outside the campaign are rejected.
public struct OutcomeColumns: Sendable, Equatable {
    /// The fields an outcomes file can have.
    public enum Field: String, CaseIterable, Sendable {
        case customerID = "customer_id", converted, orders, revenue, date

        /// Header names recognised without a mapping, normalised (lower case, no spaces or underscores).
        var names: [String] {
            switch self {
            case .customerID: ["customerid", "customer", "id", "custid"]
            case .converted: ["converted", "conversion", "conversions", "purchased", "purchase"]
            case .orders: ["orders", "ordercount", "purchases", "numorders"]
            case .revenue: ["revenue", "amount", "value", "ordervalue", "sales", "gmv"]
            case .date: ["date", "orderdate", "convertedat", "conversiondate", "day"]
            }
        }
    }

    /// Column index per field present.
    public let index: [Field: Int]
    /// Columns in the header (a row with another count is rejected).
    public let count: Int

    /// Resolves `header` with explicit `mapping` (field name → column name) first, then the
    /// recognised names.
    /// - Throws: a bad-input ``Diagnostic`` naming the file: an unknown field in the mapping, a
    ///   mapped column not in the header, no customer id column, or no outcome column.
    public static func resolve(header: [String], mapping: [String: String] = [:], path: String) throws(Diagnostic) -> OutcomeColumns {
        func normal(_ s: String) -> String { s.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" } }
        var index: [Field: Int] = [:]
        for (fieldName, column) in mapping.sorted(by: { $0.key < $1.key }) {
            guard let field = Field(rawValue: fieldName) else {
                throw Diagnostic(
                    .badRequest, field: OptionText.mention("map"),
                    message:
                        "unknown outcome field '\(fieldName)'\(Suggestion.phrase(for: fieldName, among: Field.allCases.map(\.rawValue)))",
                    hint: "fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let i = header.firstIndex(of: column) else {
                throw Diagnostic(
                    path: path, line: 1, field: fieldName, message: "no column \(SafeText.quoted(column)) in the header",
                    hint: "the header has: \(SafeText.list(header))")
            }
            index[field] = i
        }
        let normalised = header.map(normal)
        for field in Field.allCases where index[field] == nil {
            if let i = normalised.firstIndex(where: { field.names.contains($0) }), !index.values.contains(i) { index[field] = i }
        }
        guard index[.customerID] != nil else {
            throw Diagnostic(
                path: path, line: 1, field: "customer_id", message: "no customer id column in the header",
                hint: "name it with \(OptionText.mention("map", "customer_id=COLUMN")); the header has: \(SafeText.list(header))")
        }
        guard index[.converted] != nil || index[.orders] != nil || index[.revenue] != nil else {
            throw Diagnostic(
                path: path, line: 1, field: "converted",
                message: "no outcome column: an outcomes file needs converted, orders or revenue",
                hint: "e.g. customer_id,converted,revenue; map yours with \(OptionText.mention("map", "converted=COLUMN"))")
        }
        return OutcomeColumns(index: index, count: header.count)
    }
}
