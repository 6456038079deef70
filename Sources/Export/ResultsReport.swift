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
        for table in [lift, tables[2], tables[3], tables[4]] {
            var sheet = TableSheet.make(table, currency: results.currency)
            liveLiftFormulas(&sheet)
            workbook.addSheet(sheet)
        }
        for table in [forecast(results), calibration(results)] {
            workbook.addSheet(TableSheet.make(table, currency: results.currency))
        }
        return workbook
    }

    /// Makes a lift sheet's derived figures live formulas over the cells they come from, so a
    /// reviewer who changes a rate or a spend sees the effect: incremental conversion rate
    /// `=D-E` (treated minus held-out rate), incremental conversions `=F*B` (that rate times the
    /// treated customers) and incremental ROI `=(J-K)/K` (incremental revenue less spend, over
    /// spend). Columns as ``ResultsTables/table(_:key:title:name:)`` lays them out. Each cached
    /// value is computed from the cells the formula reads (as a spreadsheet would), and a cell
    /// stays a plain value where an input is empty (too little data, no spend).
    static func liveLiftFormulas(_ sheet: inout Sheet) {
        func number(_ cell: Cell) -> Double? {
            switch cell {
            case .number(let x, _): x
            case .formula(_, let cached, _): cached
            default: nil
            }
        }
        for index in sheet.rows.indices {
            var row = sheet.rows[index]
            guard row.count >= 12 else { continue }
            let n = index + 2
            if let treated = number(row[3]), let held = number(row[4]), number(row[5]) != nil {
                row[5] = .formula("D\(n)-E\(n)", cached: treated - held, .percent)
            }
            if let rate = number(row[5]), let customers = number(row[1]), number(row[8]) != nil {
                row[8] = .formula("F\(n)*B\(n)", cached: rate * customers, .decimal2)
            }
            if let revenue = number(row[9]), let spend = number(row[10]), spend > 0, number(row[11]) != nil {
                row[11] = .formula("(J\(n)-K\(n))/K\(n)", cached: (revenue - spend) / spend, .percent)
            }
            sheet.rows[index] = row
        }
    }

    /// Each line's forecast conversions (low / base / high) against its measured incremental
    /// conversions, and whether the measurement's interval meets the forecast's range.
    public static func forecast(_ results: CampaignResults) -> Table {
        planAgainstActuals(results.byLine, key: "line", title: "Forecast vs actual", name: "results-forecast")
    }

    /// Groups of a plan beside what happened: the plan's budget (when `budgets` gives it), the real
    /// spend, the forecast conversions (low / base / high) and the measured incremental
    /// conversions with their interval, and a verdict (``verdict(_:)``). For `results` (by line)
    /// and for a budget review (`compare --actuals`, by the comparison's key).
    public static func planAgainstActuals(
        _ lifts: [GroupLift], key: String, title: String, name: String, budgets: [String: Money]? = nil
    ) -> Table {
        var columns = [Table.Column(key)]
        if budgets != nil { columns.append(Table.Column("plan_budget", .money)) }
        columns += [
            Table.Column("spend", .money), Table.Column("forecast_low", .decimal(places: 2)),
            Table.Column("forecast_base", .decimal(places: 2)),
            Table.Column("forecast_high", .decimal(places: 2)), Table.Column("incremental_conversions", .decimal(places: 2)),
            Table.Column("low", .decimal(places: 2)), Table.Column("high", .decimal(places: 2)),
            Table.Column("incremental_revenue", .money), Table.Column("verdict"),
        ]
        return Table(
            title: title, name: name, columns: columns,
            rows: lifts.map { lift in
                let f = lift.forecastConversions, m = lift.incrementalConversions
                var row: [Table.Value] = [.text(lift.key)]
                if let budgets { row.append(.money(budgets[lift.key] ?? .zero)) }
                return row + [
                    .money(lift.spend), .decimal(f.low, places: 2), .decimal(f.base, places: 2), .decimal(f.high, places: 2),
                    .decimal(m.estimate, places: 2), m.low.map { .decimal($0, places: 2) } ?? .empty,
                    m.high.map { .decimal($0, places: 2) } ?? .empty, .money(Money(major: lift.incrementalRevenue.estimate)),
                    .text(verdict(lift)),
                ]
            },
            notes: ["Verdict: the measured 95 % interval of incremental conversions against the forecast's low-high range."])
    }

    /// `below the forecast` when the whole interval is under the forecast's low, `above the
    /// forecast` when it is over its high, `within the forecast` otherwise, `too little data`
    /// without an interval.
    public static func verdict(_ lift: GroupLift) -> String {
        let f = lift.forecastConversions, m = lift.incrementalConversions
        guard let low = m.low, let high = m.high else { return "too little data" }
        return high < f.low ? "below the forecast" : low > f.high ? "above the forecast" : "within the forecast"
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
