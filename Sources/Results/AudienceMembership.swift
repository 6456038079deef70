import Foundation
import Planner
import PlannerCore
import PlannerIO

/// Who was messaged and who was held out, per plan line, read from an audience folder
/// (`sends.csv` and `holdout.csv` as `audience` writes them). Customers are numbered in the
/// order first seen; memory is a few bytes a send, not the files' text.
struct AudienceMembership {
    /// Customer id → number.
    var customers: [String: Int32] = [:]
    /// (line index, customer) pairs with at least one send, each once.
    var treated: [Set<Int32>]
    /// (line index, customer) pairs a held-out customer would have had (its ghost sends), each once.
    var ghosts: [Set<Int32>]
    /// What each line's sends cost, from their `cost` column, in ten-thousandths of the currency
    /// (a push message costs ₹0.0050: summing rounded paise would double it).
    var cost: [Int64]

    /// What the sends of `lines` cost, summed exactly and rounded half away from zero to the
    /// paisa once.
    func spend(of lines: [Int]) -> Money {
        let total = lines.map { cost[$0] }.reduce(0, +)
        return Money(minor: (total + 50) / 100)
    }
    /// Held-out customers, with or without ghost sends.
    var heldOut: Set<Int32> = []

    init(lines: Int) {
        treated = Array(repeating: [], count: lines)
        ghosts = Array(repeating: [], count: lines)
        cost = Array(repeating: 0, count: lines)
    }

    /// The number of `id`, numbering it when new.
    mutating func customer(_ id: String) -> Int32 {
        if let n = customers[id] { return n }
        let n = Int32(customers.count)
        customers[id] = n
        return n
    }

    /// Reads `directory/sends.csv` and `directory/holdout.csv`.
    /// - Throws: a bad-input ``Diagnostic`` naming the file, line and field: a missing file or
    ///   column, a line id the plan does not have, a bad cost, an empty customer id, or a
    ///   customer both messaged and held out (the holdout would not be a control group).
    static func read(directory: String, plan: Plan) throws(Diagnostic) -> AudienceMembership {
        let lineIndex = Dictionary(uniqueKeysWithValues: plan.lines.enumerated().map { ($0.element.id, $0.offset) })
        var membership = AudienceMembership(lines: plan.lines.count)
        let sends = "\(directory)/sends.csv", holdout = "\(directory)/holdout.csv"
        try read(path: sends, required: ["line", "customer_id", "cost"]) { (fields, line) throws(Diagnostic) in
            let l = try index(fields[0], line: line, path: sends, lineIndex: lineIndex)
            let text = Array(fields[2].trimmingASCIISpaces().utf8)
            guard let cost = text.withUnsafeBufferPointer({ ByteNumbers.decimal($0, places: 4) }), cost >= 0 else {
                throw Diagnostic(path: sends, line: line, field: "cost", message: "\(SafeText.quoted(fields[2])) is not an amount")
            }
            let c = membership.customer(try id(fields[1], line: line, path: sends))
            membership.treated[l].insert(c)
            membership.cost[l] += cost
        }
        try read(path: holdout, required: ["customer_id", "line"]) { (fields, line) throws(Diagnostic) in
            let c = membership.customer(try id(fields[0], line: line, path: holdout))
            membership.heldOut.insert(c)
            let lineText = fields[1].trimmingASCIISpaces()
            guard !lineText.isEmpty else { return }
            let l = try index(lineText, line: line, path: holdout, lineIndex: lineIndex)
            guard !membership.treated[l].contains(c) else {
                throw Diagnostic(
                    path: holdout, line: line, field: "customer_id",
                    message: "a held-out customer is also in sends.csv for line \(lineText): the holdout is no control group",
                    hint: "make the audience again with `campaign-planner audience`")
            }
            membership.ghosts[l].insert(c)
        }
        return membership
    }

    static func index(_ text: String, line: Int, path: String, lineIndex: [String: Int]) throws(Diagnostic) -> Int {
        let id = text.trimmingASCIISpaces()
        guard let l = lineIndex[id] else {
            throw Diagnostic(
                path: path, line: line, field: "line", message: "line \(SafeText.quoted(id)) is not in the plan",
                hint: "results need the plan.json the audience was made from")
        }
        return l
    }

    static func id(_ text: String, line: Int, path: String) throws(Diagnostic) -> String {
        let id = text.trimmingASCIISpaces()
        guard !id.isEmpty else { throw Diagnostic(path: path, line: line, field: "customer_id", message: "the customer id is empty") }
        return id
    }

    /// Streams `path`, handing each row's `required` fields (in that order) and its line to `body`.
    static func read(
        path: String, required: [String], body: @escaping ([String], Int) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic(
                .badRequest, path: path, message: "no such file: the audience folder needs sends.csv and holdout.csv",
                hint: "make it with `campaign-planner audience PLAN.json --out DIR` (or `plan --audience`)")
        }
        var width = 0
        try CSVRecordStream.read(path: path) { (header: [String]) throws(Diagnostic) -> [Int] in
            width = header.count
            var columns: [Int] = []
            for name in required {
                guard let i = header.firstIndex(of: name) else {
                    throw Diagnostic(path: path, line: 1, field: name, message: "no column '\(name)' in the header")
                }
                columns.append(i)
            }
            return columns
        } row: { record, columns in
            record.error == nil && record.count == width ? columns.map { record.string($0) ?? "" } : nil
        } deliver: { (fields: [String]?, line: Int) throws(Diagnostic) in
            guard let fields else { throw Diagnostic(path: path, line: line, message: "a malformed row (quotes or field count)") }
            try body(fields, line)
        }
    }
}
