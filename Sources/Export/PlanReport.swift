import ICUKit
import Planner
import PlannerCore
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

    /// The report of `plan`: the Markdown and its three charts (budget by festival, by channel,
    /// and the calendar of flights). Throws when ICU cannot make or apply the money format for
    /// the plan's currency (``moneyFormat(_:)``).
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
        if !plan.warnings.isEmpty {
            md += "**Warnings:**\n\n" + plan.warnings.map { "- \($0)\n" }.joined() + "\n"
        }

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

        md += "## Calendar\n\nFlights per festival and channel: the first segment's flight opens on the first day, the last "
        md += "closes on the last (each segment's own flight is in the Calendar sheet and calendar.csv).\n\n"
        md += "| Festival | Principal day | Channel | Flights | From | To | Budget |\n|---|---|---|---:|---|---|---:|\n"
        var groups: [(key: String, lines: [PlanLine])] = []
        for line in plan.lines.sorted(by: {
            ($0.festivalDate, $0.festival, $0.channel, $0.id) < ($1.festivalDate, $1.festival, $1.channel, $1.id)
        }) {
            let key = "\(line.festival)|\(line.channel)"
            if groups.last?.key == key { groups[groups.count - 1].lines.append(line) } else { groups.append((key, [line])) }
        }
        var flights: [FlightCalendar.Flight] = []
        for group in groups {
            let first = group.lines[0]
            let start = group.lines.map(\.flight.start).min()!, end = group.lines.map(\.flight.end).max()!
            let budget = group.lines.map(\.budget).reduce(Money.zero, +)
            md +=
                "| \(Self.cell(first.festivalName)) | \(first.festivalDate) | \(first.channel) | \(group.lines.count) | \(start) | \(end) | "
            md += "\(try amount(budget)) |\n"
            flights.append(.init(label: "\(first.festivalName) · \(first.channel)", start: start, end: end, group: first.festivalName))
        }
        var markers: [FlightCalendar.Marker] = []
        for line in plan.lines where !markers.contains(where: { $0.label == line.festivalName }) {
            markers.append(.init(label: line.festivalName, date: line.festivalDate))
        }
        charts.append(("calendar.svg", FlightCalendar(title: "Flights by festival and channel", flights: flights, markers: markers).svg()))
        md += "\n![Calendar of flights](calendar.svg)\n\n"

        md += try Self.tierSection(plan, amount: amount)
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

        md += "## Messages\n\nOne sample per segment (its first festival, SMS where it has one); every message is in the "
        md += "Messages sheet and messages.csv.\n\n"
        md += "| Segment | Festival | Channel | Language | SMS | Text |\n|---|---|---|---|---|---|\n"
        var shown = Set<String>()
        let preferred = plan.messages.sorted { ($0.segment, $0.channel == "sms" ? 0 : 1) < ($1.segment, $1.channel == "sms" ? 0 : 1) }
        for m in preferred where shown.insert(m.segment).inserted {
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
