import Locales
import Planner
import PlannerCore

/// Which plan segment a customer belongs to: exactly one, or none when the plan dropped its
/// segment. The plan's roll-up is hierarchical (a region's cell below the thresholds joins its
/// zone's segment for the language, a zone's below them the country's), so a customer of region
/// R and language L is in `R/L` when the plan kept it, else in `zone(R)/L`, else in `country/L`;
/// a cell the plan dropped outright (named in its exclusions without a merge) is in none.
public struct SegmentIndex: Sendable {
    /// The plan's segment ids, in the plan's order.
    public let ids: [String]
    private let position: [String: Int]
    private let dropped: Set<String>
    private let zoneOf: [String: String]
    private let country: String

    /// The index of `plan`'s segments, with `country`'s zones.
    /// - Throws: a `.badRequest` for a plan whose segments are cut by a third dimension (value tier,
    ///   activity, device: `IN-UP/hi/at_risk`): customers are assigned by region and language only,
    ///   so such a plan's lines would find nobody; it is refused rather than sent short.
    public init(plan: Plan, country: Country, planPath: String) throws(Diagnostic) {
        if let cut = plan.segments.first(where: { $0.id.split(separator: "/").count > 2 }) {
            throw Diagnostic(
                .badRequest, path: planPath, field: "segments",
                message:
                    "the plan's segments are cut by value tier, activity or device too ('\(cut.id)'); audiences assign customers by region and language only",
                hint:
                    "make the plan with segmentation.by [region, language] for its send lists (campaign-planner review compares the tiers)")
        }
        ids = plan.segments.map(\.id)
        var position: [String: Int] = [:]
        for (i, id) in ids.enumerated() { position[id] = i }
        self.position = position
        dropped = Set(
            plan.excluded.filter { $0.festival == nil && $0.channel == nil && !$0.reason.contains("merged into") }.map(\.segment))
        zoneOf = Dictionary(uniqueKeysWithValues: country.regions.map { ($0.code, "\(country.code):\($0.zone)") })
        self.country = country.code
    }

    /// The position in ``ids`` of the segment of a customer in `region` speaking `language`.
    public func segment(region: String, language: String) -> Int? {
        for level in [region, zoneOf[region] ?? country, country] {
            let id = "\(level)/\(language)"
            if let found = position[id] { return found }
            if dropped.contains(id) { return nil }
        }
        return nil
    }
}
