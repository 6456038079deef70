import Foundation
import PlanTestSupport
import Testing
import WorkbookTestSupport

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
