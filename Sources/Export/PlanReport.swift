import ICUKit
import Planner
import PlannerIO
import Workbook

/// `report.md`: the plan in two minutes of reading for a marketer, with SVG charts beside it.
///
/// Budget by region, language, festival and channel; the calendar of flights; what was left out
/// and why; the message each segment gets; the optimiser's proof in one line.
public struct PlanReport: Sendable {
    /// The Markdown text.
    public let markdown: String
    /// Chart files to write beside it (name → SVG text), referenced from the Markdown.
    public let charts: [(name: String, svg: String)]

    public init(_ plan: Plan) throws(ICUError) {
        let money = try Self.moneyFormat(plan.currency)
        func amount(_ m: Money) throws(ICUError) -> String { try money.format(decimal: m.description) }
        var md = "# \(plan.name)\n\n"
        let t = plan.totals
        md += "Plan for \(plan.country), \(plan.period.start) to \(plan.period.end), made for \(plan.asOf).\n\n"
        md += "| | |\n|---|---|\n"
        md += "| Budget | \(try amount(t.budget)) |\n| Allocated | \(try amount(t.allocated)) |\n| Unspent | \(try amount(t.unspent)) |\n"
        if !t.unspentReasons.isEmpty { md += "| Why unspent | \(Self.cell(t.unspentReasons.joined(separator: "; "))) |\n" }
        md += "| Segments | \(plan.segments.count) |\n| Plan lines | \(plan.lines.count) |\n| Messages | \(t.messages) |\n"
        md +=
            "| Conversions (low / base / high) | \(Self.figure(t.conversions.low)) / \(Self.figure(t.conversions.base)) / \(Self.figure(t.conversions.high)) |\n"
        md += "| Revenue (base) | \(try amount(Money(major: t.revenue.base))) |\n"
        md += "| ROI (base) | \(t.roi.map { DecimalText.fixed($0 * 100, places: 1) + " %" } ?? "–") |\n\n"
        md += "**Optimiser:** \(PlanTables.certificateLine(plan.certificate)).\n\n"

        var charts: [(name: String, svg: String)] = []
        for (title, file, key) in [
            ("Budget by festival", "budget-by-festival.svg", { (l: PlanLine) in l.festivalName }),
            ("Budget by channel", "budget-by-channel.svg", { (l: PlanLine) in l.channel }),
            ("Budget by region", "budget-by-region.svg", { (l: PlanLine) in l.region }),
            ("Budget by language", "budget-by-language.svg", { (l: PlanLine) in l.language }),
        ] as [(String, String, (PlanLine) -> String)] {
            let groups = Self.group(plan.lines, by: key)
            md += "## \(title)\n\n| \(title.replacingPrefix("Budget by ")) | Budget | Share |\n|---|---:|---:|\n"
            var bars: [BarChart.Bar] = []
            for (name, total) in groups {
                let share = t.allocated.minor > 0 ? Double(total.minor) / Double(t.allocated.minor) : 0
                md += "| \(Self.cell(name)) | \(try amount(total)) | \(DecimalText.fixed(share * 100, places: 1)) % |\n"
                bars.append(BarChart.Bar(label: name, value: total.major, valueLabel: try amount(total)))
            }
            if title.hasSuffix("festival") || title.hasSuffix("channel") {
                charts.append((file, BarChart(title: title, bars: bars).svg()))
                md += "\n![\(title)](\(file))\n"
            }
            md += "\n"
        }

        md += "## Calendar\n\n| Festival | Day | Segment | Channel | Flight | Send hours |\n|---|---|---|---|---|---|\n"
        let flights = plan.lines.sorted { ($0.flight.start, $0.id) < ($1.flight.start, $1.id) }
        for l in flights {
            md +=
                "| \(Self.cell(l.festivalName)) | \(l.festivalDate) | \(l.segment) | \(l.channel) | \(l.flight.start) – \(l.flight.end) | "
            md += "\(l.flight.sendFrom)–\(l.flight.sendUntil) \(l.flight.timeZone) |\n"
        }
        let calendar = FlightCalendar(
            title: "Flights",
            flights: flights.map {
                .init(label: "\($0.segment) \($0.channel)", start: $0.flight.start, end: $0.flight.end, group: $0.festival)
            },
            markers: Self.unique(plan.lines.map { "\($0.festivalDate) \($0.festivalName)" }).compactMap { text in
                plan.lines.first { "\($0.festivalDate) \($0.festivalName)" == text }.map {
                    .init(label: $0.festivalName, date: $0.festivalDate)
                }
            })
        charts.append(("calendar.svg", calendar.svg()))
        md += "\n![Calendar of flights](calendar.svg)\n\n"

        md += "## Left out\n\n"
        if plan.excluded.isEmpty {
            md += "Nothing was left out.\n\n"
        } else {
            md += "| Segment | Festival | Channel | Why |\n|---|---|---|---|\n"
            for e in plan.excluded {
                md += "| \(e.segment) | \(e.festival ?? "–") | \(e.channel ?? "–") | \(Self.cell(e.reason)) |\n"
            }
            md += "\n"
        }

        md += "## Messages\n\n| Segment | Festival | Channel | Language | SMS | Text |\n|---|---|---|---|---|---|\n"
        for m in plan.messages {
            let sms = m.channel == "sms" ? "\(m.encoding), \(m.smsSegments) seg." : "–"
            let language = m.fallbackFrom.map { "\(m.language) (for \($0))" } ?? m.language
            md += "| \(m.segment) | \(m.festival) | \(m.channel) | \(language) | \(sms) | \(Self.cell(m.text)) |\n"
        }
        md += "\n"
        self.markdown = md
        self.charts = charts
    }

    /// Money in the plan's currency: lakh/crore grouping for INR, whole units.
    public static func moneyFormat(_ currency: String) throws(ICUError) -> ICUNumberFormat {
        currency == "INR"
            ? try ICUNumberFormat.cached(locale: "en_IN", pattern: "¤#,##,##0", currency: "INR")
            : try ICUNumberFormat.cached(locale: "en", skeleton: "currency/\(currency) precision-integer")
    }

    /// Totals per key, largest first (ties by key).
    static func group(_ lines: [PlanLine], by key: (PlanLine) -> String) -> [(String, Money)] {
        var totals: [String: Money] = [:]
        for line in lines { totals[key(line), default: .zero] = totals[key(line), default: .zero] + line.budget }
        return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.sorted().filter { seen.insert($0).inserted }
    }

    /// Text safe inside a Markdown table cell.
    public static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    static func figure(_ x: Double) -> String { DecimalText.fixed(x, places: 1) }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)).capitalizedFirst : self
    }

    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
