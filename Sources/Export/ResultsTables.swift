import Planner
import PlannerCore
import PlannerIO
import Results
import Workbook

/// A campaign's results as tables (one per grouping) and the files `results` writes.
public enum ResultsTables {
    /// The lift of each group in `lifts`, first column `key` (`channel`, `line`, ...).
    public static func table(_ lifts: [GroupLift], key: String, title: String, name: String) -> Table {
        let columns: [Table.Column] = [
            Table.Column(key), Table.Column("treated_customers", .count), Table.Column("holdout_customers", .count),
            Table.Column("treated_conversion_rate", .percent), Table.Column("holdout_conversion_rate", .percent),
            Table.Column("incremental_conversion_rate", .percent), Table.Column("low", .percent), Table.Column("high", .percent),
            Table.Column("incremental_conversions", .decimal(places: 2)), Table.Column("incremental_revenue", .money),
            Table.Column("spend", .money), Table.Column("incremental_roi", .percent),
            Table.Column("forecast_conversions", .decimal(places: 2)),
        ]
        let rows: [[Table.Value]] = lifts.map { lift in
            let rate = lift.incrementalConversionRate
            return [
                .text(lift.key), .count(lift.treatedCustomers), .count(lift.holdoutCustomers), .percent(lift.treatedConversionRate),
                .percent(lift.holdoutConversionRate), .percent(rate.estimate), .percent(rate.low), .percent(rate.high),
                .decimal(lift.incrementalConversions.estimate, places: 2), .money(Money(major: lift.incrementalRevenue.estimate)),
                .money(lift.spend), .percent(lift.incrementalROI), .decimal(lift.forecastConversions.base, places: 2),
            ]
        }
        return Table(
            title: title, name: name, columns: columns, rows: rows,
            notes: [
                "Incremental conversion rate: treated minus held-out customers who would have been messaged; 95 % Newcombe interval (low, high), empty with fewer than 30 customers on a side or 5 conversions."
            ])
    }

    /// The tables `results` writes: overall, by channel, festival, segment and line.
    public static func tables(_ results: CampaignResults) -> [Table] {
        [
            table([results.overall], key: "group", title: "Overall", name: "results-overall"),
            table(results.byChannel, key: "channel", title: "By channel", name: "results-by-channel"),
            table(results.byFestival, key: "festival", title: "By festival", name: "results-by-festival"),
            table(results.bySegment, key: "segment", title: "By segment", name: "results-by-segment"),
            table(results.byLine, key: "line", title: "By line", name: "results-by-line"),
        ]
    }

    /// Writes `results.json`, `calibration.yaml`, one CSV per table, the charts, `results.md` and
    /// `results.xlsx` into `directory` (each atomically) and returns the paths written.
    public static func write(_ results: CampaignResults, to directory: String) throws(Diagnostic) -> [String] {
        var folder = try OutputFolder(directory)
        try folder.put("results.json", results.canonicalJSON)
        try folder.put("calibration.yaml", calibrationText(results.calibration))
        for table in tables(results) + [ResultsReport.forecast(results), ResultsReport.calibration(results)] {
            try folder.put("\(table.name).csv", TableCSV.render(table))
        }
        for (name, svg) in ResultsReport.charts(results) { try folder.put(name, svg) }
        try folder.put("results.md", ResultsReport.markdown(results))
        try folder.put("results.xlsx", workbook: ResultsReport.workbook(results))
        return folder.written
    }

    /// `calibration.yaml`: a comment saying what it is and how to use it, then the rates (JSON,
    /// which YAML reads as it is; keys sorted, so the same results give the same bytes).
    public static func calibrationText(_ calibration: Calibration) -> String {
        let body = (try? CanonicalJSON.text(of: calibration)) ?? "{}\n"
        return """
            # Response rates learned by `campaign-planner results` (\(calibration.source)).
            # Name this file in the next brief (calibration: results-output/calibration.yaml): the plan uses these rates
            # where they exist (a segment's shrunk toward its channel's) and the brief's elsewhere.

            """ + body
    }
}
