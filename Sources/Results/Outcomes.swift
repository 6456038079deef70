import Planner
import PlannerCore
import PlannerIO

/// What each customer did, read from an outcomes file against the audience: per customer its
/// outcome events (a day when the file has dates, conversions and revenue in paise).
///
/// A row is rejected, with its line and reason in the rejects file, when its customer id is
/// empty or neither messaged nor held out (`unknown_customer`: it cannot be measured), a number,
/// flag or date does not parse, its revenue is negative, it is dated outside the campaign (the
/// plan's period plus the attribution days), or it repeats an earlier row (`duplicate`: without
/// dates, a second row for a customer; with dates, the same row again). Nothing is counted twice.
struct Outcomes {
    /// One outcome: its day (`nil` without a date column), conversions and revenue.
    struct Event {
        let day: Int32?
        let conversions: Int32
        let revenue: Int64
    }

    /// Events per customer number (customers of the audience only).
    var events: [Int32: [Event]] = [:]
    /// Rows read (after the header).
    var rows = 0
    /// Rows kept.
    var accepted = 0
    /// Rejected rows per reason.
    var rejected: [String: Int] = [:]
    /// Whether the file has dates.
    var dated = false

    /// Reads `path` with `mapping`, rejects to `rejectsPath`.
    static func read(
        path: String, mapping: [String: String], rejectsPath: String, audience: AudienceMembership, window: ClosedRange<Int>
    ) throws(Diagnostic) -> Outcomes {
        var outcomes = Outcomes()
        let rejects = try RejectsWriter(path: rejectsPath)
        var seenRows: Set<[String]> = [], seenCustomers: Set<Int32> = []
        var columns: OutcomeColumns?
        try CSVRecordStream.read(path: path) { (header: [String]) throws(Diagnostic) -> OutcomeColumns in
            let resolved = try OutcomeColumns.resolve(header: header, mapping: mapping, path: path)
            columns = resolved
            return resolved
        } row: { record, columns in
            Row(record: record, columns: columns)
        } deliver: { (row: Row, line: Int) throws(Diagnostic) in
            outcomes.rows += 1
            func reject(_ reason: String) throws(Diagnostic) {
                outcomes.rejected[reason, default: 0] += 1
                try rejects.append(line: line, reason: reason, raw: row.raw)
            }
            guard let fields = row.fields else { return try reject(row.malformed) }
            guard let c = columns else { return }
            let id = fields[c.index[.customerID]!].trimmingASCIISpaces()
            guard !id.isEmpty else { return try reject("empty_customer_id") }
            guard let customer = audience.customers[id] else { return try reject("unknown_customer") }
            var conversions: Int32 = 0
            if let i = c.index[.converted] {
                let text = fields[i].trimmingASCIISpaces()
                if let n = Int32(text), n >= 0 {
                    conversions = n
                } else {
                    let flag = Array(text.utf8).withUnsafeBufferPointer(ByteNumbers.boolean)
                    guard flag >= 0 else { return try reject("bad_converted") }
                    conversions = Int32(flag)
                }
            }
            if let i = c.index[.orders] {
                guard let n = Int32(fields[i].trimmingASCIISpaces()), n >= 0 else { return try reject("bad_orders") }
                if c.index[.converted] == nil { conversions = n }
            }
            var revenue: Int64 = 0
            if let i = c.index[.revenue] {
                let text = fields[i].trimmingASCIISpaces()
                if !text.isEmpty {
                    guard let money = Money(text) else { return try reject("bad_revenue") }
                    guard money >= .zero else { return try reject("negative_revenue") }
                    revenue = money.minor
                }
                if c.index[.converted] == nil && c.index[.orders] == nil && revenue > 0 { conversions = 1 }
            }
            var day: Int32? = nil
            if let i = c.index[.date] {
                guard let date = CivilDate(iso: fields[i].trimmingASCIISpaces().prefix(10)) else { return try reject("bad_date") }
                guard window.contains(date.dayNumber) else { return try reject("outside_campaign") }
                day = Int32(date.dayNumber)
                guard seenRows.insert(fields).inserted else { return try reject("duplicate") }
            } else {
                guard seenCustomers.insert(customer).inserted else { return try reject("duplicate") }
            }
            outcomes.accepted += 1
            outcomes.events[customer, default: []].append(Event(day: day, conversions: conversions, revenue: revenue))
        }
        outcomes.dated = columns?.index[.date] != nil
        try rejects.commit()
        return outcomes
    }

    /// One record, copied out of the reader's buffer.
    struct Row {
        let fields: [String]?
        let raw: [UInt8]
        let malformed: String

        init(record: CSVRecordView, columns: OutcomeColumns) {
            raw = Array(record.raw)
            if let error = record.error {
                fields = nil
                malformed = error == .recordTooLong ? "record_too_long" : "broken_quoting"
            } else if record.count != columns.count {
                fields = nil
                malformed = "wrong_field_count"
            } else if !record.isValidUTF8 {
                fields = nil
                malformed = "invalid_utf8"
            } else {
                fields = (0..<record.count).map { record.string($0) ?? "" }
                malformed = ""
            }
        }
    }
}
