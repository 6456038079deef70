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
        try Directory.create(directory)
        var written = ["\(directory)/results.json"]
        try AtomicFile.write(results.canonicalJSON, to: written[0])
        let calibration = "\(directory)/calibration.yaml"
        try AtomicFile.write(calibrationText(results.calibration), to: calibration)
        written.append(calibration)
        for table in tables(results) + [ResultsReport.forecast(results), ResultsReport.calibration(results)] {
            let path = "\(directory)/\(table.name).csv"
            try AtomicFile.write(TableCSV.render(table), to: path)
            written.append(path)
        }
        for (name, svg) in ResultsReport.charts(results) {
            try AtomicFile.write(svg, to: "\(directory)/\(name)")
            written.append("\(directory)/\(name)")
        }
        try AtomicFile.write(ResultsReport.markdown(results), to: "\(directory)/results.md")
        try ResultsReport.workbook(results).write(to: "\(directory)/results.xlsx")
        return written + ["\(directory)/results.md", "\(directory)/results.xlsx"]
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
