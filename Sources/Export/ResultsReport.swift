import Planner
import PlannerCore
import Results
import Workbook

/// A campaign's results for a budget review: `results.md` with interval charts, and
/// `results.xlsx` (Lift, By festival, By segment, By line, Forecast vs actual, Calibration).
public enum ResultsReport {
    /// The report's Markdown; `charts` are the SVG file names it links (``charts(_:)``).
    public static func markdown(_ results: CampaignResults) -> String {
        let tables = ResultsTables.tables(results)
        var md = "# Results: \(results.name)\n\n"
        md += "Messaged customers against the held-out customers their lines would have messaged (ghost sends). "
        md += "Money in \(results.currency). Intervals are 95 %; a group with fewer than 30 customers on a side or "
        md += "5 conversions has none.\n\n"
        let input = results.input
        md += "Outcomes: \(input.rowsRead) rows of \(input.file), \(input.accepted) counted"
        let rejected = input.rejected.values.reduce(0, +)
        md += rejected > 0 ? ", \(rejected) rejected (see \(input.rejectsPath)).\n\n" : ".\n\n"
        md += "## Overall\n\n" + TableMarkdown.render(tables[0]) + "\n"
        md += "## By channel\n\n![Incremental conversion rate by channel](lift-by-channel.svg)\n\n" + TableMarkdown.render(tables[1]) + "\n"
        md +=
            "## By festival\n\n![Incremental conversion rate by festival](lift-by-festival.svg)\n\n" + TableMarkdown.render(tables[2])
            + "\n"
        md += "## Forecast against what happened\n\n" + TableMarkdown.render(forecast(results)) + "\n"
        md += "## Calibration for the next plan\n\n" + TableMarkdown.render(calibration(results)) + "\n"
        md += "Name `calibration.yaml` in the next brief (`calibration: ...`) to plan with these rates.\n"
        return md
    }

    /// The SVG charts the report links: file name → SVG text.
    public static func charts(_ results: CampaignResults) -> [(String, String)] {
        [
            ("lift-by-channel.svg", chart(results.byChannel, title: "Incremental conversion rate by channel").svg()),
            ("lift-by-festival.svg", chart(results.byFestival, title: "Incremental conversion rate by festival").svg()),
        ]
    }

    /// The workbook: one sheet per table, amounts in the plan's currency.
    public static func workbook(_ results: CampaignResults) -> Workbook {
        var workbook = Workbook(title: "Results: \(results.name)")
        let tables = ResultsTables.tables(results)
        var lift = tables[1]
        lift.title = "Lift"
        lift.rows = tables[0].rows + lift.rows
        for table in [lift, tables[2], tables[3], tables[4], forecast(results), calibration(results)] {
            workbook.addSheet(TableSheet.make(table, currency: results.currency))
        }
        return workbook
    }

    /// Each line's forecast conversions (low / base / high) against its measured incremental
    /// conversions, and whether the measurement's interval meets the forecast's range.
    public static func forecast(_ results: CampaignResults) -> Table {
        Table(
            title: "Forecast vs actual", name: "results-forecast",
            columns: [
                Table.Column("line"), Table.Column("channel"), Table.Column("forecast_low", .decimal(places: 2)),
                Table.Column("forecast_base", .decimal(places: 2)), Table.Column("forecast_high", .decimal(places: 2)),
                Table.Column("incremental_conversions", .decimal(places: 2)), Table.Column("low", .decimal(places: 2)),
                Table.Column("high", .decimal(places: 2)), Table.Column("verdict"),
            ],
            rows: results.byLine.map { lift in
                let f = lift.forecastConversions, m = lift.incrementalConversions
                let verdict =
                    if let low = m.low, let high = m.high {
                        high < f.low ? "below the forecast" : low > f.high ? "above the forecast" : "within the forecast"
                    } else { "too little data" }
                return [
                    .text(lift.key), .text(results.lines[lift.key]?.channel ?? ""), .decimal(f.low, places: 2), .decimal(f.base, places: 2),
                    .decimal(f.high, places: 2), .decimal(m.estimate, places: 2), m.low.map { .decimal($0, places: 2) } ?? .empty,
                    m.high.map { .decimal($0, places: 2) } ?? .empty, .text(verdict),
                ]
            })
    }

    /// The learned response rates per channel, as `calibration.yaml` holds them.
    public static func calibration(_ results: CampaignResults) -> Table {
        let c = results.calibration
        return Table(
            title: "Calibration", name: "results-calibration",
            columns: [
                Table.Column("channel"), Table.Column("low", .decimal(places: 6)), Table.Column("base", .decimal(places: 6)),
                Table.Column("high", .decimal(places: 6)), Table.Column("segments", .count),
            ],
            rows: c.channels.keys.sorted().map { channel in
                let r = c.channels[channel]!
                return [
                    .text(channel), .decimal(r.low, places: 6), .decimal(r.base, places: 6), .decimal(r.high, places: 6),
                    .count(c.segments.values.filter { $0[channel] != nil }.count),
                ]
            },
            notes: ["Response rates per customer reached: the measured incremental conversion rate over the plan's conversion rate."])
    }

    static func chart(_ lifts: [GroupLift], title: String) -> IntervalChart {
        IntervalChart(
            title: title,
            items: lifts.map { lift in
                let d = lift.incrementalConversionRate
                func percent(_ x: Double) -> String { DecimalText.fixed(x * 100, places: 1) }
                let label =
                    if let low = d.low, let high = d.high {
                        "\(percent(d.estimate)) % (\(percent(low)) to \(percent(high)))"
                    } else { "\(percent(d.estimate)) % (too little data)" }
                return IntervalChart.Item(label: lift.key, estimate: d.estimate, low: d.low, high: d.high, valueLabel: label)
            })
    }
}
