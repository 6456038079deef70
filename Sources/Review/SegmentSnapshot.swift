import Foundation
import Locales
import PlannerCore
import PlannerIO
import Segments

/// One side of a review: the segment cube of a customer file (read as `segments` reads it), or
/// of a `segments --format json` output read back, with the value cut points and, for a customer
/// file, each customer's group for the migration.
public struct SegmentSnapshot: Sendable {
    /// The file, as given.
    public let path: String
    /// The day its activity counted back from.
    public let asOf: CivilDate
    /// Every non-empty cell (region × language, and group when cut further).
    public let cube: SegmentCube
    /// The dimension its cells are cut by beyond region and language, if any.
    public let dimension: SegmentDimension?
    /// The value cut points of its tiers (a customer file, or a JSON output that states them).
    public let valueCuts: ValueCuts?
    /// Each customer's group (customer files only: a JSON output holds no customer ids).
    public let groups: CustomerGroups?

    /// A snapshot of given parts.
    public init(
        path: String, asOf: CivilDate, cube: SegmentCube, dimension: SegmentDimension?, valueCuts: ValueCuts?, groups: CustomerGroups?
    ) {
        self.path = path
        self.asOf = asOf
        self.cube = cube
        self.dimension = dimension
        self.valueCuts = valueCuts
        self.groups = groups
    }

    /// The snapshot of a segmentation run.
    public init(_ run: Segmentation, dimension: SegmentDimension?) {
        self.init(
            path: run.report.path, asOf: run.report.asOf, cube: run.cube ?? SegmentCube(country: "", cells: [:]), dimension: dimension,
            valueCuts: run.valueCuts, groups: run.groups)
    }

    /// Reads a `segments --format json` output back: its region rows are the cube's cells (zone
    /// and country rows only merge them), its group key (`value_tier`, `activity`) the dimension.
    /// - Throws: a data ``Diagnostic`` when the file is not such an output.
    public init(segmentsJSON path: String, country: String) throws(Diagnostic) {
        let bytes = try FileBytes.read(path)
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw Diagnostic(
                .badInput, path: path, message: "not a segments JSON output (segments --format json): \(Self.describe(error))",
                hint: "give two customer exports, or two outputs of segments --format json")
        }
        guard let asOf = CivilDate(iso: document.asOf) else {
            throw Diagnostic(.badInput, path: path, field: "as_of", message: "'\(SafeText.escaped(document.asOf))' is not a date")
        }
        let dimensions = Set(
            document.segments.map {
                $0.valueTier != nil ? "value_tier" : $0.activity != nil ? "activity" : $0.device != nil ? "device" : ""
            })
        let dimension = dimensions.count == 1 ? SegmentDimension(rawValue: dimensions.first!) : nil
        var cells: [SegmentKey: SegmentCell] = [:]
        for row in document.segments where row.level == "region" {
            var cell = SegmentCell()
            cell.customers = row.customers
            for channel in Channel.allCases { cell.reachable[channel] = row.reachable[channel.rawValue] ?? 0 }
            cell.spend = Money(major: row.spend)
            cell.orders = row.orders
            cell.active90d = row.active90d
            cell.active180d = row.active180d
            cell.active365d = row.active365d
            cell.imputedLanguage = row.imputedLanguage
            cells[SegmentKey(region: row.region, language: row.language, group: row.valueTier ?? row.activity ?? row.device)] = cell
        }
        let cuts = document.valueCuts.map { c in
            ValueCuts(
                recencyDays: c.recencyDays, frequencyOrders: c.frequencyOrders,
                spendBuckets: c.spendBelow.map { ValueCuts.spendBucket(minor: Money(major: $0).minor) - 1 }, customers: c.customers)
        }
        self.init(
            path: path, asOf: asOf, cube: SegmentCube(country: country, cells: cells), dimension: dimension, valueCuts: cuts, groups: nil)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "no '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "unreadable"
        }
    }

    private struct Document: Decodable {
        let asOf: String
        let valueCuts: Cuts?
        let segments: [Row]
        enum CodingKeys: String, CodingKey { case asOf = "as_of", valueCuts = "value_cuts", segments }
    }

    private struct Cuts: Decodable {
        let customers: Int
        let recencyDays: [Int], frequencyOrders: [Int], spendBelow: [Double]
        enum CodingKeys: String, CodingKey {
            case customers, recencyDays = "recency_days", frequencyOrders = "frequency_orders", spendBelow = "spend_below"
        }
    }

    private struct Row: Decodable {
        let region: String, level: String, language: String
        let valueTier: String?, activity: String?, device: String?
        let customers: Int
        let reachable: [String: Int]
        let spend: Double
        let orders: Int, active90d: Int, active180d: Int, active365d: Int, imputedLanguage: Int
        enum CodingKeys: String, CodingKey {
            case region, level, language, valueTier = "value_tier", activity, device, customers, reachable, spend, orders
            case active90d = "active_90d", active180d = "active_180d", active365d = "active_365d", imputedLanguage = "imputed_language"
        }
    }
}
