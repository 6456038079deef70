import Locales
import Planner

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
    public init(plan: Plan, country: Country) {
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
