import Export
import Foundation
import PlanTestSupport
import PlannerCore
import Results
import Testing
import WorkbookTestSupport
import ZIPFoundation

@Suite("campaign-planner results")
struct ResultsCommandTests {
    @Test(
        "the hand-made campaign: results.json, calibration.yaml and one CSV per grouping; a summary on standard output, counts on standard error"
    )
    func handMade() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run([
            "results", "\(folder)/plan.json", "--audience", "\(folder)/audience", "--outcomes", "\(folder)/outcomes.csv", "--out",
            "\(folder)/results",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "\(folder)/outcomes.csv: 69 rows, 64 counted, 5 rejected (bad_converted 1, duplicate 1, empty_customer_id 1, negative_revenue 1, unknown_customer 1) → \(folder)/outcomes.rejects.csv\n"
        )
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/results").sorted()
        #expect(
            files == [
                "calibration.yaml", "lift-by-channel.svg", "lift-by-festival.svg", "results-by-channel.csv", "results-by-festival.csv",
                "results-by-line.csv", "results-by-segment.csv", "results-calibration.csv", "results-forecast.csv", "results-overall.csv",
                "results.json", "results.md", "results.xlsx",
            ])
        // The workbook as LibreOffice reads it: the Lift sheet's SMS row and the forecast verdict.
        let sheets = try LibreOffice.sheets(
            of: URL(fileURLWithPath: "\(folder)/results/results.xlsx"), names: ["Lift", "Forecast vs actual"])
        let sms = try #require(sheets["Lift"]?.first { $0.first == "sms" })
        #expect(Array(sms.prefix(8)) == ["sms", "100", "100", "40%", "20%", "20%", "7.31191599961988%", "31.8505099339035%"])
        // The derived figures are live formulas: LibreOffice recalculates them on load (the profile
        // says so) and gets the hand-computed values: 40 % − 20 % = 20 %, 20 % of 100 customers = 20,
        // (₹10,000 − ₹12) / ₹12 = 832.33 = 83,233 %.
        #expect(sms[8] == "20" && sms[11] == "83233.3333333333%", "\(sms)")
        let archive = try Archive(url: URL(fileURLWithPath: "\(folder)/results/results.xlsx"), accessMode: .read)
        var lift = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { lift.append($0) }
        let xml = String(decoding: lift, as: UTF8.self)
        #expect(xml.contains("<f>D3-E3</f>") && xml.contains("<f>F3*B3</f>") && xml.contains("<f>(J3-K3)/K3</f>"))
        // L0001's forecast is 15 conversions (low, base and high); measured 20 (7.31 to 31.85): within it.
        #expect(sheets["Forecast vs actual"]?.first { $0.first == "L0001" }?.last == "within the forecast")
        let report = try String(contentsOfFile: "\(folder)/results/results.md", encoding: .utf8)
        #expect(report.contains("![Incremental conversion rate by channel](lift-by-channel.svg)"))
        let chart = try String(contentsOfFile: "\(folder)/results/lift-by-channel.svg", encoding: .utf8)
        #expect(chart.contains("20.0 % (7.3 to 31.9)") && chart.contains("10.0 % (too little data)"))
        let csv = try String(contentsOfFile: "\(folder)/results/results-by-channel.csv", encoding: .utf8)
        #expect(
            csv.hasPrefix(
                "channel,treated_customers,holdout_customers,treated_conversion_rate,holdout_conversion_rate,incremental_conversion_rate,low,high,incremental_conversions,incremental_revenue,spend,incremental_roi,forecast_conversions\nsms,100,100,0.400000,0.200000,0.200000,0.073119,0.318505,20.00,10000.00,12.00,832.333333,15.00\n"
            ), "\(csv)")
        #expect(result.stdout.contains("sms") && result.stdout.contains("20.0 %"))
        // The same inputs give the same bytes.
        let first = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/results/results.json"))
        let again = try CLI.run([
            "results", "\(folder)/plan.json", "--audience", "\(folder)/audience", "--outcomes", "\(folder)/outcomes.csv", "--out",
            "\(folder)/results",
        ])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/results/results.json")) == first)
    }

    @Test("synth outcomes: one row per audience customer, the same for the same seed, the true rates on standard error")
    func synthOutcomes() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = [
            "synth", "outcomes", "\(folder)/plan.json", "--audience", "\(folder)/audience", "--base-rate", "0.1", "--lift", "sms=0.2",
            "--seed", "5",
        ]
        let first = try CLI.run(arguments), again = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == again.stdout)
        // Another seed, written before or after the subcommand, draws other outcomes.
        let other = try CLI.run(Array(arguments.dropLast()) + ["6"])
        let before = try CLI.run(["synth", "--seed", "6"] + arguments.dropFirst().dropLast(2))
        #expect(other.status == 0 && other.stdout != first.stdout)
        #expect(before.stdout == other.stdout)
        let rows = first.stdout.split(separator: "\n")
        // T1-T100, E1-E10, H1-H100, G1-G10 and X1.
        #expect(rows.first == "customer_id,converted,revenue" && rows.count == 222)
        // SMS: 1 − 0.9 · 0.8 = 0.28, minus the base 0.1; email has no lift.
        #expect(first.stderr.contains("sms 0.180000") && first.stderr.contains("email 0.000000"), "\(first.stderr)")
        let plain = try CLI.run(["synth"])
        #expect(plain.status == 64 && plain.stderr.contains("give --customers N"))
    }

    @Test("compare --actuals: the plan's budget beside the results per channel; results of another plan or --by region are refused")
    func compareActuals() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = try CLI.run([
            "results", "\(folder)/plan.json", "--audience", "\(folder)/audience", "--outcomes", "\(folder)/outcomes.csv", "--out",
            "\(folder)/results",
        ])
        #expect(results.status == 0, "\(results.stderr)")
        let csv = try CLI.run([
            "compare", "\(folder)/plan.json", "--actuals", "\(folder)/results/results.json", "--by", "channel", "--format", "csv",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        // SMS: planned ₹12.00, spent 100 × ₹0.12; forecast 15 (low = base = high); measured 20 (7.31 to 31.85).
        #expect(
            csv.stdout.split(separator: "\n").prefix(2).joined(separator: "\n")
                == "channel,plan_budget,spend,forecast_low,forecast_base,forecast_high,incremental_conversions,low,high,incremental_revenue,verdict\n"
                + "sms,12.00,12.00,15.00,15.00,15.00,20.00,7.31,31.85,10000.00,within the forecast")
        let region = try CLI.run(["compare", "\(folder)/plan.json", "--actuals", "\(folder)/results/results.json", "--by", "region"])
        #expect(region.status == 64 && region.stderr.contains("results are measured by channel, festival, segment and line"))
    }

    @Test("a missing audience folder is a usage error naming the file and what makes it")
    func missingAudience() throws {
        let folder = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run([
            "results", "\(folder)/plan.json", "--audience", "\(folder)/nowhere", "--outcomes", "\(folder)/outcomes.csv",
        ])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix("\(folder)/nowhere/sends.csv: error: no such file: the audience folder needs sends.csv and holdout.csv")
        )
    }
}

/// The loop on a synthetic export shaped like the example's: `plan --audience`, outcomes drawn
/// from known true rates, `results`, and a second plan with the calibration.
@Suite("The loop: plan, audience, outcomes with a known truth, results, calibrated plan")
struct ResultsLoopTests {
    @Test("results recovers each channel's true incremental rate in most seeds, and the calibrated plan takes budget away from WhatsApp")
    func loop() throws {
        let folder = NSTemporaryDirectory() + "results-loop-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let synth = try CLI.run(["synth", "--customers", "3000", "--seed", "2026", "--region-share", "IN-DL=0.35"])
        #expect(synth.status == 0)
        try synth.stdout.write(toFile: "\(folder)/customers.csv", atomically: true, encoding: .utf8)
        let brief = try String(contentsOfFile: CLI.packageRoot + "/examples/festive-2026.yaml", encoding: .utf8)
            .replacingOccurrences(of: "customers-festive-2026.csv", with: "\(folder)/customers.csv")
        try brief.write(toFile: "\(folder)/brief.yaml", atomically: true, encoding: .utf8)
        let plan = try CLI.run(["plan", "\(folder)/brief.yaml", "--today", "2026-10-01", "--out", "\(folder)/out", "--audience"])
        #expect(plan.status == 0, "\(plan.stderr)")
        // The truth: 4 % buy anyway; WhatsApp, which the brief guessed at 0.035 × 0.3 = 1.05 % per
        // customer reached, adds 0.2 points; email (guessed 0.004 × 0.2 = 0.08 %) adds 1.5.
        let lifts = ["sms": 0.01, "whatsapp": 0.002, "email": 0.015, "push": 0.002]
        var covered: [String: Int] = [:], measured: [String: Int] = [:]
        var last: CampaignResults?
        for seed in 1...20 {
            let model = SyntheticOutcomes(baseRate: 0.04, lift: lifts, orderValue: Money(major: 400), seed: UInt64(seed))
            try model.csv(plan: "\(folder)/out/plan.json", audience: "\(folder)/out/audience")
                .write(toFile: "\(folder)/outcomes.csv", atomically: true, encoding: .utf8)
            let truth = try model.expectedIncrementalRates(plan: "\(folder)/out/plan.json", audience: "\(folder)/out/audience")
            let results = try CampaignResults.measure(
                .init(plan: "\(folder)/out/plan.json", audience: "\(folder)/out/audience", outcomes: "\(folder)/outcomes.csv"))
            for lift in results.byChannel + [results.overall] where lift.incrementalConversionRate.low != nil {
                measured[lift.key, default: 0] += 1
                if lift.incrementalConversionRate.covers(truth[lift.key]!) { covered[lift.key, default: 0] += 1 }
            }
            last = results
        }
        // At 95 % coverage, 15 or fewer of 20 happens with probability 0.003.
        for (key, n) in measured { #expect(covered[key, default: 0] >= n - 4, "\(key): \(covered[key, default: 0]) of \(n)") }
        #expect(measured["overall"] == 20 && measured["whatsapp"] == 20)
        // The calibrated plan: WhatsApp, measured at a fifth of its guess, loses its budget (the other
        // channels are at their message limits already, so the money stays unspent rather than wasted).
        let results = try #require(last)
        try ResultsTables.calibrationText(results.calibration).write(
            toFile: "\(folder)/calibration.yaml", atomically: true, encoding: .utf8)
        try (brief + "\ncalibration: \(folder)/calibration.yaml\n").write(
            toFile: "\(folder)/learned.yaml", atomically: true, encoding: .utf8)
        let learned = try CLI.run([
            "plan", "\(folder)/learned.yaml", "--today", "2026-10-01", "--out", "\(folder)/learned", "--format", "json",
        ])
        #expect(learned.status == 0, "\(learned.stderr)")
        let compare = try CLI.run([
            "compare", "\(folder)/out/plan.json", "\(folder)/learned/plan.json", "--by", "channel", "--format", "csv",
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
        let delta = Dictionary(
            uniqueKeysWithValues: compare.stdout.split(separator: "\n").dropFirst().map { row in
                let f = row.split(separator: ",", omittingEmptySubsequences: false)
                return (String(f[0]), Double(f[3])!)
            })
        #expect(delta["whatsapp", default: 0] < 0, "\(compare.stdout)")
        #expect(delta.filter { $0.key != "whatsapp" }.values.allSatisfy { $0 >= 0 }, "\(compare.stdout)")
    }
}
