import Locales
import Planner
import PlannerCore
import Segments

/// Which plan segment a customer belongs to: exactly one, or none when the plan dropped its
/// segment. The plan's roll-up is hierarchical (a region's cell below the thresholds joins its
/// zone's segment for the language, a zone's below them the country's), so a customer of region
/// R and language L is in `R/L` when the plan kept it, else in `zone(R)/L`, else in `country/L`;
/// a cell the plan dropped outright (named in its exclusions without a merge) is in none.
///
/// A plan cut by a third dimension (``PlanSegmentation``: value tier, activity, device) keeps the
/// group through the geography (`R/L/g`, then `zone(R)/L/g`, then `country/L/g`) and, last, merges
/// a language's small groups into one country segment without a group (`country/L`), as
/// ``SubstantialityRollup`` does.
public struct SegmentIndex: Sendable {
    /// The plan's segment ids, in the plan's order.
    public let ids: [String]
    /// The extra dimension customers are grouped by, nil for region and language only.
    public let dimension: SegmentDimension?
    /// The value cut points of a plan cut by value tier.
    public let valueCuts: ValueCuts?
    private let position: [String: Int]
    private let dropped: Set<String>
    private let zoneOf: [String: String]
    private let country: String

    /// The index of `plan`'s segments, with `country`'s zones.
    /// - Throws: a `.badRequest` for a plan whose segments are cut by a third dimension but that
    ///   does not record how (a plan file written before plans recorded their segmentation): its
    ///   customers' groups cannot be told, so it is refused rather than sent short.
    public init(plan: Plan, country: Country, planPath: String) throws(Diagnostic) {
        if plan.segmentation == nil, let cut = plan.segments.first(where: { $0.id.split(separator: "/").count > 2 }) {
            throw Diagnostic(
                .badRequest, path: planPath, field: "segmentation",
                message:
                    "the plan's segments are cut by value tier, activity or device too ('\(cut.id)'), but the plan does not record how",
                hint: "make the plan again with this version: plans now record their segmentation and value cuts")
        }
        ids = plan.segments.map(\.id)
        dimension = plan.segmentation?.dimension
        valueCuts = plan.segmentation?.valueCuts
        var position: [String: Int] = [:]
        for (i, id) in ids.enumerated() { position[id] = i }
        self.position = position
        dropped = Set(
            plan.excluded.filter { $0.festival == nil && $0.channel == nil && !$0.reason.contains("merged into") }.map(\.segment))
        zoneOf = Dictionary(uniqueKeysWithValues: country.regions.map { ($0.code, "\(country.code):\($0.zone)") })
        self.country = country.code
    }

    /// The position in ``ids`` of the segment of a customer in `region` speaking `language`, in
    /// `group` of the plan's extra dimension (nil for a plan by region and language only).
    public func segment(region: String, language: String, group: String? = nil) -> Int? {
        let suffix = group.map { "/\($0)" } ?? ""
        for level in [region, zoneOf[region] ?? country, country] {
            let id = "\(level)/\(language)\(suffix)"
            if let found = position[id] { return found }
            if dropped.contains(id) { return nil }
        }
        return group == nil ? nil : position["\(country)/\(language)"]
    }
}
