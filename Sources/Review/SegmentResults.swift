import PlannerCore
import PlannerIO

/// A campaign's results per segment, for the conversion changes of a review: a CSV with the
/// header `segment,sent,conversions` (more columns are ignored), one row per segment id as in
/// plan segments (`IN-TN/ta`, a tier as `IN-TN/ta/lapsed`). `sent` counts customers contacted,
/// `conversions` those who converted.
///
/// ```csv
/// segment,sent,conversions
/// IN-TN/ta,1200,49
/// ```
public struct SegmentResults: Sendable, Equatable {
    /// The file, as given.
    public let path: String
    /// Customers contacted and converted per segment id.
    public let bySegment: [String: Counts]

    /// Sent and converted customers of one segment.
    public struct Counts: Sendable, Equatable {
        /// Customers contacted.
        public let sent: Int
        /// Customers who converted (at most `sent`).
        public let conversions: Int
    }

    /// Results given directly.
    public init(path: String, bySegment: [String: Counts]) {
        self.path = path
        self.bySegment = bySegment
    }

    /// Reads a results file.
    /// - Throws: a data ``Diagnostic`` naming the line and field of a missing column, a count
    ///   that is not a whole number, more conversions than sent, or a segment given twice.
    public init(path: String) throws(Diagnostic) {
        let table = try CSVTable(path: path)
        let segment = try table.column("segment"), sent = try table.column("sent"), conversions = try table.column("conversions")
        var counts: [String: Counts] = [:]
        for row in table.rows {
            let id = row.values[segment].trimmingASCIISpaces()
            func count(_ column: Int, _ name: String) throws(Diagnostic) -> Int {
                guard let value = Int(row.values[column].trimmingASCIISpaces()), value >= 0 else {
                    throw Diagnostic(
                        .badInput, path: path, line: row.line, field: name,
                        message: "'\(SafeText.escaped(row.values[column]))' is not a whole number of customers")
                }
                return value
            }
            let s = try count(sent, "sent"), c = try count(conversions, "conversions")
            guard c <= s else {
                throw Diagnostic(.badInput, path: path, line: row.line, field: "conversions", message: "\(c) conversions of \(s) sent")
            }
            guard counts[id] == nil else {
                throw Diagnostic(
                    .badInput, path: path, line: row.line, field: "segment", message: "segment '\(SafeText.escaped(id))' is given twice")
            }
            counts[id] = Counts(sent: s, conversions: c)
        }
        self.path = path
        bySegment = counts
    }
}
