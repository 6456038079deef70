import Allocation
import PlannerCore
import PlannerIO

/// Reads the `allocate` command's inputs: a cells CSV and optional channel-cap and segment-limit
/// CSVs, into an ``AllocationProblem``; every malformed value is a ``Diagnostic`` naming the line
/// and field.
///
/// Cells: columns `id,a,s,lo,hi` required (`a` = response at saturation, `s` = spend scale of the
/// curve `a·(1 − e^(−b/s))`), `channel,segment,min_spend,unit_cost` optional; `hi` may be empty
/// or `inf` for no upper bound (the whole budget). Channel caps: `channel,cap`. Segment limits: `segment,min,max`.
public enum AllocationInput {
    /// Reads a cells CSV (`id,a,s,lo,hi[,channel,segment,min_spend,unit_cost]`); `hi` is capped at `budget`. Errors name the line.
    public static func cells(path: String, budget: Double) throws(Diagnostic) -> [Cell] {
        let table = try CSVTable(path: path)
        let id = try table.column("id"), a = try table.column("a"), s = try table.column("s")
        let lo = try table.column("lo"), hi = try table.column("hi")
        let channel = table.header.firstIndex(of: "channel"), segment = table.header.firstIndex(of: "segment")
        let minSpend = table.header.firstIndex(of: "min_spend"), unitCost = table.header.firstIndex(of: "unit_cost")
        guard !table.rows.isEmpty else {
            throw Diagnostic(
                path: path, line: 1, message: "the file has a header but no cells: there is nothing to allocate",
                hint: "give one cell per row: id,a,s,lo,hi")
        }
        var cells: [Cell] = []
        cells.reserveCapacity(table.rows.count)
        var seen = Set<String>()
        for row in table.rows {
            func number(_ column: Int, _ name: String, empty: Double? = nil) throws(Diagnostic) -> Double {
                let text = row.values[column].trimmingASCIISpaces()
                if text.isEmpty, let empty { return empty }
                if text == "inf" || text == "Infinity", empty != nil { return .infinity }
                guard let value = Double(text), value.isFinite else {
                    throw Diagnostic(path: path, line: row.line, field: name, message: "'\(text)' is not a number")
                }
                return value
            }
            let cellID = row.values[id]
            guard !cellID.isEmpty else { throw Diagnostic(path: path, line: row.line, field: "id", message: "the id is empty") }
            guard seen.insert(cellID).inserted else {
                throw Diagnostic(path: path, line: row.line, field: "id", message: "cell id '\(cellID)' appears more than once")
            }
            let av = try number(a, "a"), sv = try number(s, "s"), lov = try number(lo, "lo"), hiv = try number(hi, "hi", empty: .infinity)
            guard av >= 0 else {
                throw Diagnostic(path: path, line: row.line, field: "a", message: "the response at saturation cannot be negative")
            }
            guard sv > 0 else {
                throw Diagnostic(
                    path: path, line: row.line, field: "s", message: "the spend scale must be positive (audience × cost per contact)")
            }
            guard lov >= 0 else { throw Diagnostic(path: path, line: row.line, field: "lo", message: "the lower bound cannot be negative") }
            guard lov <= hiv else { throw Diagnostic(path: path, line: row.line, field: "lo", message: "lo (\(lov)) is above hi (\(hiv))") }
            let minimum = try minSpend.map { i throws(Diagnostic) in try number(i, "min_spend", empty: 0) } ?? 0
            let unit =
                try unitCost.map { i throws(Diagnostic) -> Double? in
                    let v = try number(i, "unit_cost", empty: 0)
                    return v > 0 ? v : nil
                } ?? nil
            guard minimum >= 0 else { throw Diagnostic(path: path, line: row.line, field: "min_spend", message: "cannot be negative") }
            cells.append(
                Cell(
                    id: cellID, segment: segment.map { row.values[$0] }.flatMap { $0.isEmpty ? nil : $0 },
                    channel: channel.map { row.values[$0] }.flatMap { $0.isEmpty ? nil : $0 }, curve: .saturation(a: av, s: sv), lo: lov,
                    hi: min(hiv, max(budget, lov)), minimumSpend: minimum, unitCost: unit))
        }
        return cells
    }

    /// Reads a channel caps CSV `channel,cap`: the most to spend per channel name.
    public static func channelCaps(path: String) throws(Diagnostic) -> [ChannelCap] {
        let table = try CSVTable(path: path)
        let channel = try table.column("channel"), cap = try table.column("cap")
        var caps: [ChannelCap] = []
        for row in table.rows {
            guard let value = Double(row.values[cap].trimmingASCIISpaces()), value >= 0 else {
                throw Diagnostic(path: path, line: row.line, field: "cap", message: "'\(row.values[cap])' is not a non-negative number")
            }
            caps.append(ChannelCap(channel: row.values[channel], cap: value))
        }
        return caps
    }

    /// Reads a segment limits CSV `segment,min,max`; an empty `min` is 0, an empty `max` no maximum.
    public static func segmentLimits(path: String) throws(Diagnostic) -> [SegmentLimit] {
        let table = try CSVTable(path: path)
        let segment = try table.column("segment"), minimum = try table.column("min"), maximum = try table.column("max")
        var limits: [SegmentLimit] = []
        for row in table.rows {
            let minText = row.values[minimum].trimmingASCIISpaces(), maxText = row.values[maximum].trimmingASCIISpaces()
            guard let low = minText.isEmpty ? 0 : Double(minText), low >= 0 else {
                throw Diagnostic(path: path, line: row.line, field: "min", message: "'\(minText)' is not a non-negative number")
            }
            guard let high = maxText.isEmpty ? .infinity : Double(maxText), high >= 0 else {
                throw Diagnostic(path: path, line: row.line, field: "max", message: "'\(maxText)' is not a non-negative number")
            }
            limits.append(SegmentLimit(segment: row.values[segment], minimum: low, maximum: high))
        }
        return limits
    }
}
