import Foundation
import Planner
import PlannerCore
import PlannerIO

// results.json read back (for `compare --actuals` and any later reader): the document
// CampaignResults+Coding.swift writes, field for field.

extension CampaignResults: Decodable {
    /// Reads results.json.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func lifts(_ key: CodingKeys, label: String) throws -> [(lift: GroupLift, labels: [String: String])] {
            try c.decode([LabeledLift].self, forKey: key).map { try $0.lift(label: label) }
        }
        let lines = try lifts(.byLine, label: "line")
        self.init(
            name: try c.decode(String.self, forKey: .name), currency: try c.decode(String.self, forKey: .currency),
            attributionDays: try c.decode(Int.self, forKey: .attributionDays),
            overall: try c.decode(LabeledLift.self, forKey: .overall).lift(label: nil).lift,
            byChannel: try lifts(.byChannel, label: "channel").map(\.lift),
            byFestival: try lifts(.byFestival, label: "festival").map(\.lift),
            bySegment: try lifts(.bySegment, label: "segment").map(\.lift), byLine: lines.map(\.lift),
            lines: Dictionary(
                uniqueKeysWithValues: lines.map { entry in
                    (
                        entry.lift.key,
                        LineLabel(
                            segment: entry.labels["segment"] ?? "", festival: entry.labels["festival"] ?? "",
                            channel: entry.labels["channel"] ?? "")
                    )
                }),
            input: try c.decode(Input.self, forKey: .input), calibration: try c.decode(Calibration.self, forKey: .calibration))
    }

    /// Reads `results.json` as `campaign-planner results` writes it.
    /// - Throws: a bad-input ``Diagnostic`` naming the file (and the field, for a missing or
    ///   mistyped one); an unreadable file is a bad request.
    public static func load(_ path: String) throws(Diagnostic) -> CampaignResults {
        let bytes = try FileBytes.read(path)
        let hint = "a results file is the results.json that `campaign-planner results` writes"
        do {
            return try JSONDecoder().decode(CampaignResults.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            let field = (context.codingPath + [key]).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            throw Diagnostic(
                path: path, field: field.replacingOccurrences(of: ".[", with: "["), message: "not a results file: missing", hint: hint)
        } catch {
            throw Diagnostic(path: path, message: "not a results file: it does not read as results.json", hint: hint)
        }
    }
}

extension CampaignResults.Input: Decodable {
    /// Reads the outcomes file's counts.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try c.decode(String.self, forKey: .file), rowsRead: try c.decode(Int.self, forKey: .rowsRead),
            accepted: try c.decode(Int.self, forKey: .accepted), rejected: try c.decode([String: Int].self, forKey: .rejected),
            rejectsPath: try c.decode(String.self, forKey: .rejectsFile), dated: try c.decode(Bool.self, forKey: .dated))
    }
}

/// One group's entry in results.json: its labels (`channel`, `line`, `segment`, ...) and figures.
struct LabeledLift: Decodable {
    let labels: [String: String]
    let figures: KeyedDecodingContainer<Labeled.Key>

    init(from decoder: any Decoder) throws {
        figures = try decoder.container(keyedBy: Labeled.Key.self)
        var labels: [String: String] = [:]
        for key in ["channel", "festival", "segment", "line"] where figures.contains(Labeled.Key(key)) {
            labels[key] = try figures.decode(String.self, forKey: Labeled.Key(key))
        }
        self.labels = labels
    }

    /// The lift, keyed by its `label` (`overall` without one).
    func lift(label: String?) throws -> (lift: GroupLift, labels: [String: String]) {
        func value<T: Decodable>(_ name: String) throws -> T { try figures.decode(T.self, forKey: Labeled.Key(name)) }
        func estimate(_ name: String) throws -> Estimate {
            let e = try figures.nestedContainer(keyedBy: FixedEstimate.CodingKeys.self, forKey: Labeled.Key(name))
            return Estimate(
                estimate: try e.decode(Double.self, forKey: .estimate), low: try e.decode(Double?.self, forKey: .low),
                high: try e.decode(Double?.self, forKey: .high))
        }
        let forecast = try figures.nestedContainer(keyedBy: Labeled.Key.self, forKey: Labeled.Key("forecast"))
        let lift = GroupLift(
            key: label.map { labels[$0] ?? "" } ?? "overall", treatedCustomers: try value("treated_customers"),
            holdoutCustomers: try value("holdout_customers"), treatedConverters: try value("treated_converters"),
            holdoutConverters: try value("holdout_converters"), treatedConversionRate: try value("treated_conversion_rate"),
            holdoutConversionRate: try value("holdout_conversion_rate"),
            incrementalConversionRate: try estimate("incremental_conversion_rate"),
            incrementalConversions: try estimate("incremental_conversions"),
            incrementalRevenuePerCustomer: try estimate("incremental_revenue_per_customer"),
            incrementalRevenue: try estimate("incremental_revenue"), spend: try value("spend"),
            incrementalROI: try value("incremental_roi"),
            forecastConversions: try forecast.decode(Range3.self, forKey: Labeled.Key("conversions")),
            forecastRevenue: try forecast.decode(Range3.self, forKey: Labeled.Key("revenue")))
        return (lift, labels)
    }
}
