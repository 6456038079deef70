import Audience
import Foundation
import Planner
import PlannerCore
import PlannerIO

/// Collects the batches an audience hands over.
final class Collected: AudienceSink {
    var sends: [AudienceSend] = []
    var holdout: [HoldoutEntry] = []
    func write(_ batch: AudienceBatch) throws(Diagnostic) {
        sends += batch.sends
        holdout += batch.holdout
    }
}

/// Plans and audiences made from real data (`locales/`, `calendars/`, `templates/`) and small
/// hand-made customer files.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audience-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8) }
        return directory
    }

    static let header =
        "customer_id,name,state,preferred_language,total_spend,order_count,last_order_date,sms_opt_in,whatsapp_opt_in,phone\n"

    /// `count` Delhi Hindi speakers C001...: the first half ordered 11 days before the plan's day
    /// (recency band 3), the rest in January 2025 (band 0); all opted in to SMS and WhatsApp with a
    /// distinct mobile; `change` may rewrite a row's fields.
    static func customers(_ count: Int, change: (Int, inout [String]) -> Void = { _, _ in }) -> [String] {
        (1...count).map { i in
            let id = "C" + String(repeating: "0", count: max(0, 3 - String(i).count)) + String(i)
            var fields = [
                id, "Asha Rao", "Delhi", "Hindi", String(1000 + i), String(i % 7), i <= count / 2 ? "2026-09-20" : "2025-01-01", "yes",
                "yes",
                "+9198" + String(10_000_000 + i),
            ]
            change(i, &fields)
            return fields.map { CSVWriter.escape($0) }.joined(separator: ",") + "\n"
        }
    }

    static func brief(
        budget: String = "300", cap: String = "{messages: 3, days: 14}", festivals: String = "[diwali]",
        smsResponse: String = "{low: 0.004, base: 0.008, high: 0.012}"
    ) -> String {
        """
        name: Test plan
        period: {start: 2026-10-01, end: 2026-11-15}
        budget: \(budget)
        customers: customers.csv
        channels:
          sms: {cost_per_message: 0.12, response_rate: \(smsResponse), conversion_rate: 0.25, value_per_conversion: 180, send_window: {start: "10:00", end: "20:30"}}
          whatsapp: {cost_per_message: 0.78, response_rate: {low: 0.02, base: 0.035, high: 0.05}, conversion_rate: 0.3, value_per_conversion: 180}
        segmentation: {min_customers: 100}
        festivals: \(festivals)
        frequency_cap: \(cap)
        arguments: {discount: "20", min_order: "299"}
        """
    }

    /// A plan of `rows` and its audience; `audienceRows` (another order, or other rows) is the file
    /// the audience reads instead, with changes allowed.
    static func run(brief: String = Fixture.brief(), rows: [String], audienceRows: [String]? = nil) throws -> (
        plan: Plan, result: AudienceResult, sends: [AudienceSend], holdout: [HoldoutEntry]
    ) {
        let folder = try folder(["brief.yaml": brief, "customers.csv": header + rows.joined()])
        let plan = try PlanBuilder.build(
            PlanRequest(briefPath: "\(folder)/brief.yaml", dataRoot: root, today: CivilDate(year: 2026, month: 10, day: 1)!))
        var customers: String?
        if let audienceRows {
            customers = "\(folder)/other.csv"
            try (header + audienceRows.joined()).write(toFile: customers!, atomically: true, encoding: .utf8)
        }
        let sink = Collected()
        let result = try AudienceBuilder.build(
            AudienceRequest(
                plan: plan, planPath: "\(folder)/plan.json", customersPath: customers, dataRoot: root,
                allowChangedCustomers: audienceRows != nil), sink: sink)
        return (plan, result, sink.sends, sink.holdout)
    }
}
