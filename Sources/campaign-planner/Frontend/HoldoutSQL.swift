import Audience
import Locales
import Planner
import PlannerCore
import Segments

/// `audience --emit-holdout-sql`: the plan's control group as one query over the customers'
/// table, the segmentation's rules for accepted rows (``SegmentSQL``) joined to the plan's
/// segments as the audience assigns them (``SegmentIndex``, with the plan's group and value cuts), held out by the audience's hash
/// (``SegmentSQL/Holdout``), so a warehouse tags the same customers.
enum HoldoutSQL {
    /// The query's text in `dialect` (values as escaped literals).
    /// - Throws: an unknown dialect, no table, or a mapping the table's columns do not satisfy.
    static func text(
        plan: Plan, planPath: String, dialect name: String, table: String?, tableColumns: [String]?, dataRoot: String
    ) throws -> String {
        guard let dialect = SQLDialect(rawValue: name.lowercased()) else {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("emit-holdout-sql"), message: "unknown SQL dialect '\(name)'",
                hint: "dialects: \(SQLDialect.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let table = table ?? plan.input.table else {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("table"), message: "no table: the plan was not made from a PostgreSQL table",
                hint: "name the table holding the customers with \(OptionText.mention("table", "NAME"))")
        }
        let rules = try AudienceRules(plan: plan, path: planPath)
        let catalog = try LocaleCatalog(directory: "\(dataRoot)/locales", countries: [plan.country])
        guard let country = catalog.country(code: plan.country) else {
            throw Diagnostic(.badInput, path: planPath, field: "country", message: "unknown country '\(plan.country)'")
        }
        var explicit: [CanonicalField: String] = [:]
        for (key, column) in plan.input.columns {
            guard let field = CanonicalField(rawValue: key) else {
                throw Diagnostic(.badInput, path: planPath, field: "input.columns.\(key)", message: "unknown customer field '\(key)'")
            }
            explicit[field] = column
        }
        var mapping = ColumnMapping(explicit: explicit)
        if let format = plan.input.dateFormat {
            mapping.dateOrder = try ColumnMapping.dateOrder(
                format, at: Diagnostic(.badInput, path: planPath, field: "input.date_format", message: ""))
        }
        let index = try SegmentIndex(plan: plan, country: country, planPath: planPath)
        var members: [SegmentSQL.Holdout.Member] = []
        let groups: [String?] = index.dimension.map { $0.groups.map(Optional.some) } ?? [nil]
        for region in country.regions.map(\.code).sorted() {
            for language in catalog.languages.map(\.code).sorted() {
                for group in groups {
                    if let s = index.segment(region: region, language: language, group: group) {
                        members.append(.init(region: region, language: language, group: group, segment: index.ids[s]))
                    }
                }
            }
        }
        let columns = tableColumns ?? CanonicalField.allCases.map { mapping.explicit[$0] ?? $0.rawValue }
        var sql = try SegmentSQL(
            catalog: catalog, country: plan.country, table: table, tableColumns: columns, mapping: mapping, asOf: plan.asOf,
            dimension: index.dimension)
        sql.valueCuts = index.valueCuts
        return sql.holdoutText(
            SegmentSQL.Holdout(campaignID: rules.campaignID, share: rules.holdoutShare, members: members), dialect: dialect)
    }
}
