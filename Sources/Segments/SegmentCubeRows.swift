import Locales
import PlannerCore
import PlannerIO

/// Reads the result of ``SegmentSQL`` back (a cube file written by Spark or DuckDB, or the rows a
/// database client streams) into the ``SegmentCube`` and ``SegmentReadReport`` the CSV reader
/// would have made, so a base summarised where it lives is planned here like a CSV export.
///
/// Columns are found by name (``SegmentSQL/columns``; any order, extra columns ignored). A row is
/// a segment (`kind` = `segment`: a region code of the country, a language code of the catalog,
/// the group of one extra dimension or empty, and its measures) or the rows rejected for one
/// reason (`kind` = `rejected`, `key` = a ``RejectReason`` code, `customers` = rows). A NULL or
/// empty measure is an error, not a zero.
public enum SegmentCubeRows {
    /// Reads a cube CSV file (header row first).
    /// - Throws: an unreadable file, a missing column, or a bad value, as a ``Diagnostic`` naming
    ///   the file, line and column.
    public static func read(
        path: String, catalog: LocaleCatalog, country: String, asOf: CivilDate, reach: ReachRule = .contact
    ) throws(Diagnostic) -> SegmentReadResult {
        let table = try CSVTable(path: path)
        return try read(
            header: table.header, rows: table.rows.map { (line: $0.line, values: $0.values.map(Optional.some)) }, source: path,
            catalog: catalog, country: country, asOf: asOf, reach: reach)
    }

    /// Reads cube rows: `header` names the columns, each row has its line (or row number) and
    /// one optional string per column (nil: SQL NULL); `source` names them in errors and reports.
    public static func read(
        header: [String], rows: [(line: Int, values: [String?])], source: String, catalog: LocaleCatalog, country: String,
        asOf: CivilDate, reach: ReachRule = .contact
    ) throws(Diagnostic) -> SegmentReadResult {
        guard let loaded = catalog.country(code: country) else {
            throw Diagnostic(.badRequest, field: OptionText.mention("country"), message: "unknown country '\(country)'")
        }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name.trimmingASCIISpaces().lowercased()] == nil {
            index[name.trimmingASCIISpaces().lowercased()] = i
        }
        for name in SegmentSQL.columns where index[name] == nil {
            throw Diagnostic(
                .badInput, path: source, line: 1, field: name, message: "no column '\(name)' in the cube's header",
                hint: "a cube has the columns of segments --emit-sql: \(SegmentSQL.columns.joined(separator: ","))")
        }
        let regions = Set(loaded.regions.map(\.code)), languages = Set(catalog.languages.map(\.code))
        var cells: [SegmentKey: SegmentCell] = [:]
        var rejected: [RejectReason: Int] = [:]
        var dimension: SegmentDimension?
        var fieldColumns: [(field: CanonicalField, column: String)] = []
        var cuts: [String: Int] = [:]
        var cutCustomers = 0
        for row in rows {
            func text(_ name: String) -> String? {
                let i = index[name]!
                return i < row.values.count ? row.values[i]?.trimmingASCIISpaces() : nil
            }
            func fail(_ name: String, _ message: String, hint: String? = nil) -> Diagnostic {
                Diagnostic(.badInput, path: source, line: row.line, field: name, message: message, hint: hint)
            }
            func count(_ name: String, negative: Bool = false) throws(Diagnostic) -> Int {
                guard let value = text(name), let number = Int(value), negative || number >= 0 else {
                    throw fail(name, "\(SafeText.quoted(text(name) ?? "NULL")) is not \(negative ? "an integer" : "a count")")
                }
                return number
            }
            let kind = text("kind") ?? ""
            if kind == "column" {
                guard let field = CanonicalField(rawValue: text("key") ?? "") else {
                    throw fail("key", "unknown field \(SafeText.quoted(text("key") ?? "NULL"))")
                }
                fieldColumns.append((field, text("value") ?? ""))
                continue
            }
            if kind == "value_cut" {
                let key = text("key") ?? ""
                guard ValueCuts.cubeKeys.contains(key), cuts[key] == nil else {
                    throw fail(
                        "key", "unknown or repeated value cut \(SafeText.quoted(key))",
                        hint: "cuts: \(ValueCuts.cubeKeys.joined(separator: ", "))")
                }
                cuts[key] = try count("value")
                cutCustomers = try count("customers")
                continue
            }
            if kind == "rejected" {
                guard let reason = RejectReason(rawValue: text("key") ?? "") else {
                    throw fail(
                        "key", "unknown reject reason \(SafeText.quoted(text("key") ?? "NULL"))",
                        hint: "reasons: \(RejectReason.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard rejected[reason] == nil else { throw fail("key", "the reject reason \(reason.rawValue) is given twice") }
                let n = try count("customers")
                if n > 0 { rejected[reason] = n }
                continue
            }
            guard kind == "segment" else {
                throw fail("kind", "\(SafeText.quoted(kind)) is not segment, rejected, column or value_cut")
            }
            let region = text("region") ?? "", language = text("language") ?? "", group = text("group") ?? ""
            guard regions.contains(region) else {
                throw fail(
                    "region", "\(SafeText.quoted(region)) is not a region code of \(loaded.code)",
                    hint: "the query writes ISO 3166-2 codes such as \(loaded.regions.first?.code ?? "")")
            }
            guard languages.contains(language) else {
                throw fail("language", "\(SafeText.quoted(language)) is not a language code of the catalog")
            }
            if !group.isEmpty {
                guard let owner = [SegmentDimension.valueTier, .activity, .device].first(where: { $0.groups.contains(group) }) else {
                    throw fail("group", "\(SafeText.quoted(group)) is no value tier, activity band or device group")
                }
                guard dimension == nil || dimension == owner else {
                    throw fail("group", "'\(group)' is a \(owner.rawValue) group, but earlier rows are \(dimension!.rawValue) groups")
                }
                dimension = owner
            }
            let key = SegmentKey(region: region, language: language, group: group.isEmpty ? nil : group)
            guard cells[key] == nil else { throw fail("region", "the segment \(key) is given twice") }
            var cell = SegmentCell()
            cell.customers = try count("customers")
            for channel in Channel.allCases {
                cell.reachable[channel] = try count("reachable_\(channel.rawValue)")
                cell.optedIn[channel] = try count("opted_in_\(channel.rawValue)")
            }
            cell.spend = Money(minor: Int64(try count("spend_minor", negative: true)))
            cell.orders = try count("orders", negative: true)
            cell.active90d = try count("active_90d")
            cell.active180d = try count("active_180d")
            cell.active365d = try count("active_365d")
            cell.imputedLanguage = try count("imputed_language")
            cells[key] = cell
        }
        if dimension != nil, let plain = cells.keys.first(where: { $0.group == nil }) {
            throw Diagnostic(
                .badInput, path: source, field: "group",
                message: "the segment \(plain) has no group while others have \(dimension!.rawValue) groups")
        }
        let cube = SegmentCube(country: loaded.code, cells: cells)
        let accepted = cube.total.customers
        fieldColumns.sort { $0.field < $1.field }
        var columns = ResolvedColumns(
            header: fieldColumns.map(\.column), columns: Dictionary(uniqueKeysWithValues: fieldColumns.enumerated().map { ($1.field, $0) }))
        columns.reach = reach
        let report = SegmentReadReport(
            path: source, columns: columns, rowsRead: accepted + rejected.values.reduce(0, +), accepted: accepted, rejected: rejected,
            total: cube.total, rejectsPath: nil, asOf: asOf)
        var result = SegmentReadResult(cube: cube, report: report)
        result.dimension = dimension
        if !cuts.isEmpty {
            guard cuts.count == ValueCuts.cubeKeys.count else {
                throw Diagnostic(
                    .badInput, path: source, field: "key",
                    message: "the cube has \(cuts.count) of the \(ValueCuts.cubeKeys.count) value cuts")
            }
            let v = ValueCuts.cubeKeys.map { cuts[$0]! }
            result.valueCuts = ValueCuts(
                recencyDays: Array(v[0..<4]), frequencyOrders: Array(v[4..<8]), spendBuckets: Array(v[8..<12]), customers: cutCustomers)
        }
        return result
    }
}
