import Foundation
import PlanTestSupport
import Testing

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
                "calibration.yaml", "results-by-channel.csv", "results-by-festival.csv", "results-by-line.csv", "results-by-segment.csv",
                "results-overall.csv", "results.json",
            ])
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
