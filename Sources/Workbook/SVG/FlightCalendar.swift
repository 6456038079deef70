import PlannerCore

/// A calendar of flights (a Gantt chart) as SVG text: one row per flight, a bar from its first
/// to its last send day over a date axis with a line at the first of each month, flights
/// coloured by group (the channel) with a legend, and dashed lines for marker days (festivals'
/// principal days).
///
/// One day is `dayWidth` pixels; the axis runs from the first of the earliest month to the end
/// of the latest month that a flight or marker touches. Month names are English abbreviations
/// (`Oct 2026`), fixed, so the text is the same on every machine.
public struct FlightCalendar: Sendable, Equatable {
    /// One flight: sends from `start` to `end`, both included.
    public struct Flight: Sendable, Equatable {
        /// The row's text left of the bar (e.g. `Diwali · sms`), escaped on output.
        public var label: String
        /// The first send day (inclusive); the initialiser swaps `start` and `end` if given in reverse.
        public var start: CivilDate
        /// The last send day (inclusive).
        public var end: CivilDate
        /// The series it belongs to (e.g. `SMS`, `WhatsApp`): picks its colour and legend entry.
        public var group: String

        /// A flight from `start` to `end`, both included; the two are put in order if reversed.
        public init(label: String, start: CivilDate, end: CivilDate, group: String) {
            self.label = label
            self.start = min(start, end)
            self.end = max(start, end)
            self.group = group
        }
    }

    /// A day to mark with a dashed vertical line and a label, e.g. Diwali on 2026-11-08.
    public struct Marker: Sendable, Equatable {
        /// The text shown above the line (e.g. `Diwali`), escaped on output.
        public var label: String
        /// The day marked; the line is drawn through the middle of that day's column.
        public var date: CivilDate

        /// A marker for `date` labelled `label`.
        public init(label: String, date: CivilDate) {
            self.label = label
            self.date = date
        }
    }

    /// The chart title, written as the SVG's `<title>` and heading.
    public var title: String
    /// The flights, one row each, drawn top to bottom in this order.
    public var flights: [Flight]
    /// The days marked with dashed lines; labels alternate between two heights so neighbours do not overlap.
    public var markers: [Marker]
    /// Pixels per day on the date axis.
    public var dayWidth: Double = 6
    /// Pixels reserved left of the plot for the flight labels.
    public var labelWidth: Double = 220
    /// Height of one flight bar, in pixels.
    public var rowHeight: Double = 18
    /// Vertical space between flight rows, in pixels.
    public var gap: Double = 6

    /// A calendar with the default sizes (6 px a day, 220 px of labels, 18 px rows).
    public init(title: String, flights: [Flight], markers: [Marker] = []) {
        self.title = title
        self.flights = flights
        self.markers = markers
    }

    /// The first and last day of the axis: whole months around every flight and marker; nil
    /// when there is nothing to draw.
    public var axis: (start: CivilDate, end: CivilDate)? {
        let days = flights.flatMap { [$0.start, $0.end] } + markers.map(\.date)
        guard let first = days.min(), let last = days.max() else { return nil }
        let start = CivilDate(year: first.year, month: first.month, day: 1)!
        let next =
            last.month == 12
            ? CivilDate(year: last.year + 1, month: 1, day: 1)! : CivilDate(year: last.year, month: last.month + 1, day: 1)!
        return (start, CivilDate(dayNumber: next.dayNumber - 1))
    }

    /// Where the plot starts, in pixels from the left.
    public var plotLeft: Double { labelWidth + 8 }

    /// The x coordinate of the start of `date`.
    public func x(_ date: CivilDate) -> Double {
        guard let axis else { return plotLeft }
        return plotLeft + Double(date.dayNumber - axis.start.dayNumber) * dayWidth
    }

    /// The groups in order of first appearance, each with its colour.
    public var legend: [(group: String, color: String)] {
        var groups: [String] = []
        for flight in flights where !groups.contains(flight.group) { groups.append(flight.group) }
        return groups.enumerated().map { ($1, SVGText.palette[$0 % SVGText.palette.count]) }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The calendar as a standalone SVG document (deterministic text).
    public func svg() -> String {
        let axis = self.axis ?? (CivilDate(year: 2000, month: 1, day: 1)!, CivilDate(year: 2000, month: 1, day: 31)!)
        let days = Double(axis.end.dayNumber - axis.start.dayNumber + 1)
        let legendTop = 30.0
        let axisTop = legendTop + 24 + (markers.isEmpty ? 0 : 32)
        let rowsTop = axisTop + 20
        let plotBottom = rowsTop + Double(flights.count) * (rowHeight + gap)
        let width = plotLeft + days * dayWidth + 16
        var out = SVGText.header(width: width, height: plotBottom + 12, title: title)
        let colors = Dictionary(uniqueKeysWithValues: legend.map { ($0.group, $0.color) })
        var legendX = 8.0
        for (group, color) in legend {
            out +=
                "<g class=\"legend\"><rect x=\"\(SVGText.number(legendX))\" y=\"\(SVGText.number(legendTop))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            out +=
                "<text x=\"\(SVGText.number(legendX + 16))\" y=\"\(SVGText.number(legendTop + 10))\">\(SVGText.escape(group))</text></g>\n"
            legendX += 16 + Double(group.count) * 8 + 16
        }
        var month = axis.start
        while month <= axis.end {
            let x = SVGText.number(self.x(month))
            out +=
                "<g class=\"month\"><line x1=\"\(x)\" y1=\"\(SVGText.number(axisTop))\" x2=\"\(x)\" y2=\"\(SVGText.number(plotBottom))\" stroke=\"#d0d0d0\"/>"
            out +=
                "<text x=\"\(SVGText.number(self.x(month) + 3))\" y=\"\(SVGText.number(axisTop + 14))\">\(Self.monthNames[month.month - 1]) \(month.year)</text></g>\n"
            month =
                month.month == 12
                ? CivilDate(year: month.year + 1, month: 1, day: 1)! : CivilDate(year: month.year, month: month.month + 1, day: 1)!
        }
        for (i, marker) in markers.enumerated() {
            let center = x(marker.date) + dayWidth / 2
            let labelY = legendTop + 36 + Double(i % 2) * 14
            out +=
                "<g class=\"marker\"><line x1=\"\(SVGText.number(center))\" y1=\"\(SVGText.number(labelY + 4))\" x2=\"\(SVGText.number(center))\" "
            out += "y2=\"\(SVGText.number(plotBottom))\" stroke=\"#c00000\" stroke-dasharray=\"3,3\"/>"
            out += "<text x=\"\(SVGText.number(center))\" y=\"\(SVGText.number(labelY))\" text-anchor=\"middle\" font-size=\"11\">"
            out += "\(SVGText.escape(marker.label))</text></g>\n"
        }
        for (i, flight) in flights.enumerated() {
            let y = rowsTop + Double(i) * (rowHeight + gap)
            let barWidth = Double(flight.end.dayNumber - flight.start.dayNumber + 1) * dayWidth
            out +=
                "<g class=\"flight\"><text class=\"label\" x=\"\(SVGText.number(labelWidth))\" y=\"\(SVGText.number(y + rowHeight / 2 + 4))\" "
            out += "text-anchor=\"end\">\(SVGText.escape(flight.label))</text>"
            out +=
                "<rect class=\"flight\" x=\"\(SVGText.number(x(flight.start)))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(barWidth))\" "
            out += "height=\"\(SVGText.number(rowHeight))\" fill=\"\(colors[flight.group] ?? SVGText.palette[0])\">"
            out +=
                "<title>\(SVGText.escape(flight.label)) · \(SVGText.escape(flight.group)): \(flight.start) to \(flight.end)</title></rect></g>\n"
        }
        return out + "</svg>\n"
    }
}
