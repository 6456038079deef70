import Locales
import PlannerCore
import PlannerIO

/// One line of the segment table: a cube cell or a segment made by merging cells, with what the
/// substantiality check decided.
///
/// Segment identifiers: a region's ISO 3166-2 code (`IN-TN`); a zone of a country as
/// `COUNTRY:zone` (`IN:south`, a colon so it can never clash with an ISO code); the whole
/// country as its ISO 3166-1 code (`IN`). A zone or country row holds only the cells merged into
/// it (those too small on their own), never the kept cells of its regions.
public struct SegmentRow: Sendable, Equatable {
    /// Where a segment sits: a `region` (ISO 3166-2), a `zone` (`IN:south`) or the whole `country` (`IN`).
    public enum Level: String, Sendable { case region, zone, country }
    /// What the substantiality check decided for a row.
    public enum Status: String, Sendable {
        /// Substantial: a segment of its own.
        case kept
        /// Too small: counted in the segment `mergedInto` (same language, one level up or more).
        case merged
        /// Too small even for the whole country: not targeted.
        case dropped
    }

    /// `IN-TN`, `IN:south` or `IN`.
    public let segment: String
    /// Whether the segment is a region, a zone or the whole country.
    public let level: Level
    /// The BCP 47 language code of the segment (`ta`): roll-ups keep the language.
    public let language: String
    /// The segment's measures: a cube cell, or the cells merged into a zone or country row added together.
    public let cell: SegmentCell
    /// Whether the row is kept, merged into a larger segment, or dropped.
    public let status: Status
    /// The kept segment the customers are counted in (merged rows only).
    public let mergedInto: String?
    /// Why, in words (empty for a plain kept cell).
    public let reason: String
    /// A kept segment holding more than the maximum share of all customers.
    public let tooBroad: Bool
    /// The group of the extra dimension (value tier, activity band), nil when there is none or
    /// for a country segment that merges the groups too small on their own.
    public var group: String? = nil

    /// The segment's key: its segment id, language and group.
    public var key: SegmentKey { SegmentKey(region: segment, language: language, group: group) }
}

/// Checks that segments are substantial (enough customers and spend to be worth a campaign of
/// their own) and rolls small ones up: region → zone → country, keeping the language (and the
/// group, when segments are cut by value tier or activity). A cell below the thresholds is merged
/// into its zone's segment for the language; a zone segment still below is merged into the
/// country's; a country segment of a group still below merges with the language's other small
/// groups into one country segment without a group (geography first, then groups); a country
/// segment still below is dropped. Kept segments
/// above `maxShare` of all customers are flagged as too broad.
///
/// ```swift
/// let rows = SubstantialityRollup(minCustomers: 1000, minSpend: Money("50000")!).apply(to: cube, country: india)
/// ```
public struct SubstantialityRollup: Sendable {
    /// Segments with fewer customers than this are too small (0: no minimum).
    public var minCustomers: Int
    /// Segments whose customers spent less than this in total are too small (zero: no minimum).
    public var minSpend: Money
    /// A fraction (0.3 = 30 %), or nil for no check.
    public var maxShare: Double?

    /// A check with the given thresholds; the defaults keep every segment.
    public init(minCustomers: Int = 0, minSpend: Money = .zero, maxShare: Double? = nil) {
        self.minCustomers = minCustomers
        self.minSpend = minSpend
        self.maxShare = maxShare
    }

    /// Why a cell is too small (`120 customers < 500, spend 9000.00 < 10000.00`), or nil when it
    /// is substantial.
    public func shortfall(_ cell: SegmentCell) -> String? {
        var reasons: [String] = []
        if cell.customers < minCustomers { reasons.append("\(cell.customers) customers < \(minCustomers)") }
        if cell.spend < minSpend { reasons.append("spend \(cell.spend) < \(minSpend)") }
        return reasons.isEmpty ? nil : reasons.joined(separator: ", ")
    }

    /// The rows for every non-empty cell of `cube` and every merged segment, sorted by segment
    /// (byte order: `IN` < `IN-AP` < `IN:south`), then language.
    public func apply(to cube: SegmentCube, country: Country) -> [SegmentRow] {
        let total = cube.total.customers
        let zoneOf = Dictionary(uniqueKeysWithValues: country.regions.map { ($0.code, "\(country.code):\($0.zone)") })
        var zoneCells: [SegmentKey: SegmentCell] = [:]
        var small: [(key: SegmentKey, cell: SegmentCell, reason: String)] = []
        var rows: [SegmentRow] = []
        for (key, cell) in cube.sortedCells {
            if let reason = shortfall(cell) {
                let zone = SegmentKey(region: zoneOf[key.region] ?? country.code, language: key.language, group: key.group)
                zoneCells[zone, default: SegmentCell()].add(cell)
                small.append((key, cell, reason))
            } else {
                rows.append(kept(key, .region, cell, total: total))
            }
        }
        var countryCells: [SegmentKey: SegmentCell] = [:]
        var zoneFate: [SegmentKey: String?] = [:]  // zone → where its customers end up (nil: dropped)
        var smallZones: [(key: SegmentKey, cell: SegmentCell, reason: String)] = []
        for (key, cell) in zoneCells.sorted(by: { $0.key < $1.key }) {
            if let reason = shortfall(cell) {
                countryCells[SegmentKey(region: country.code, language: key.language, group: key.group), default: SegmentCell()].add(cell)
                smallZones.append((key, cell, reason))
            } else {
                rows.append(kept(key, .zone, cell, total: total, note: "made of cells below the minimum"))
                zoneFate[key] = .some(key.region)
            }
        }
        var countryKept: [SegmentKey: Bool] = [:]
        var smallGroups: [(key: SegmentKey, cell: SegmentCell, reason: String)] = []
        var groupMerges: [String: SegmentCell] = [:]  // language → its small country groups together
        for (key, cell) in countryCells.sorted(by: { $0.key < $1.key }) {
            if let reason = shortfall(cell) {
                if key.group != nil {
                    smallGroups.append((key, cell, reason))
                    groupMerges[key.language, default: SegmentCell()].add(cell)
                    continue
                }
                countryKept[key] = false
                rows.append(
                    SegmentRow(
                        segment: key.region, level: .country, language: key.language, cell: cell, status: .dropped,
                        mergedInto: nil, reason: "\(reason) even for the whole country", tooBroad: false))
            } else {
                countryKept[key] = true
                rows.append(
                    kept(key, .country, cell, total: total, note: "made of zone segments below the minimum"))
            }
        }
        var groupsKept: [String: Bool] = [:]
        for (language, cell) in groupMerges.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let key = SegmentKey(region: country.code, language: language)
            let names = smallGroups.filter { $0.key.language == language }.compactMap(\.key.group).joined(separator: ", ")
            if let reason = shortfall(cell) {
                groupsKept[language] = false
                rows.append(
                    SegmentRow(
                        segment: key.region, level: .country, language: language, cell: cell, status: .dropped, mergedInto: nil,
                        reason: "\(reason) even for the whole country with its small groups (\(names)) together", tooBroad: false))
            } else {
                groupsKept[language] = true
                rows.append(kept(key, .country, cell, total: total, note: "made of groups below the minimum (\(names))"))
            }
        }
        for (key, cell, reason) in smallGroups {
            let up = groupsKept[key.language] == true
            countryKept[key] = up
            var row = SegmentRow(
                segment: key.region, level: .country, language: key.language, cell: cell, status: up ? .merged : .dropped,
                mergedInto: up ? country.code : nil,
                reason: up
                    ? "\(reason) even for the whole country: merged with the other small groups into \(country.code)/\(key.language)"
                    : "\(reason), and \(country.code)/\(key.language) with the other small groups too: dropped", tooBroad: false)
            row.group = key.group
            rows.append(row)
        }
        for (key, cell, reason) in smallZones {
            let up = countryKept[SegmentKey(region: country.code, language: key.language, group: key.group)] == true
            zoneFate[key] = up ? .some(country.code) : .some(nil)
            var row = SegmentRow(
                segment: key.region, level: .zone, language: key.language, cell: cell, status: up ? .merged : .dropped,
                mergedInto: up ? country.code : nil,
                reason: up ? "\(reason): merged into \(country.code)" : "\(reason), and \(country.code) too: dropped", tooBroad: false)
            row.group = key.group
            rows.append(row)
        }
        for (key, cell, reason) in small {
            let zone = zoneOf[key.region] ?? country.code
            let fate = zoneFate[SegmentKey(region: zone, language: key.language, group: key.group)] ?? nil
            let text: String
            switch fate {
            case .some(let target) where target == zone: text = "\(reason): merged into \(zone)"
            case .some(let target): text = "\(reason): merged into \(zone), still too small, so into \(target)"
            case .none: text = "\(reason), and so are \(zone) and \(country.code): dropped"
            }
            var row = SegmentRow(
                segment: key.region, level: .region, language: key.language, cell: cell, status: fate == nil ? .dropped : .merged,
                mergedInto: fate, reason: text, tooBroad: false)
            row.group = key.group
            rows.append(row)
        }
        return rows.sorted { $0.key < $1.key }
    }

    private func kept(_ key: SegmentKey, _ level: SegmentRow.Level, _ cell: SegmentCell, total: Int, note: String = "") -> SegmentRow {
        var reason = note
        var broad = false
        if let maxShare, total > 0, Double(cell.customers) > maxShare * Double(total) {
            broad = true
            let share = DecimalText.fixed(Double(cell.customers) * 100 / Double(total), places: 2)
            let flag = "too broad: \(share) % of all customers > \(DecimalText.fixed(maxShare * 100, places: 2)) %"
            reason = reason.isEmpty ? flag : "\(reason); \(flag)"
        }
        var row = SegmentRow(
            segment: key.region, level: level, language: key.language, cell: cell, status: .kept, mergedInto: nil, reason: reason,
            tooBroad: broad)
        row.group = key.group
        return row
    }
}
