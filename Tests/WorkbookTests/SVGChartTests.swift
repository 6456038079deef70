import Foundation
import PlannerCore
import Testing
import Workbook

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses an SVG with a real XML parser: the elements with their attributes, and each
/// element's text.
func svgElements(_ svg: String) throws -> (elements: [(name: String, attributes: [String: String])], texts: [(name: String, text: String)])
{
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = ArchiveTests.Collector()
    parser.delegate = collector
    try #require(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
    return (collector.elements, collector.texts)
}

@Suite("SVG charts: bars to scale, flights on a date axis, escaped Indic labels, same text every time")
struct SVGChartTests {
    // Budgets in rupees (made up for the test; the proportions are what is checked).
    static let bars: [BarChart.Bar] = [
        .init(label: "Diwali · दीवाली", value: 1_250_000, valueLabel: "₹12,50,000"),
        .init(label: "Durga Puja · দুর্গাপূজা", value: 400_000, valueLabel: "₹4,00,000"),
        .init(label: "Pongal · பொங்கல்", value: 333_333.33, valueLabel: "₹3,33,333.33"),
        .init(label: "Eid · عید", value: 0, valueLabel: "₹0"),
        .init(label: "R&D <test> \"q\"", value: 62_500, valueLabel: "₹62,500"),
    ]

    @Test("one bar per item, lengths proportional to the values within 0.5 px")
    func barLengths() throws {
        let chart = BarChart(title: "Budget by festival", bars: Self.bars)
        let parsed = try svgElements(chart.svg())
        let rects = parsed.elements.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }
        #expect(rects.count == Self.bars.count)
        // 720 − (200 + 8) − 120 = 392 px for the largest value.
        #expect(chart.plotWidth == 392)
        for (rect, bar) in zip(rects, Self.bars) {
            let width = try #require(Double(rect.attributes["width"] ?? ""))
            #expect(abs(width - bar.value / 1_250_000 * 392) <= 0.5, "\(bar.label): \(width)")
            #expect(rect.attributes["x"] == "208")
        }
        // 400000 / 1250000 × 392 = 125.44 px, written with two decimals.
        #expect(rects[1].attributes["width"] == "125.44")
        #expect(rects[3].attributes["width"] == "0")
    }

    @Test("labels and value labels come back exactly: escaped, Indic and Urdu text intact")
    func labels() throws {
        let svg = BarChart(title: "Budget & channels", bars: Self.bars).svg()
        #expect(svg.contains("R&amp;D &lt;test&gt; &quot;q&quot;"))
        #expect(svg.contains("font-family=\"'Noto Sans', 'Noto Sans Devanagari', 'Noto Sans Bengali', 'Noto Sans Tamil'"))
        let texts = try svgElements(svg).texts
        let labels = texts.filter { $0.name == "text" }.map(\.text)
        #expect(labels.first == "Budget & channels")
        for bar in Self.bars {
            #expect(labels.contains(bar.label) && labels.contains(bar.valueLabel))
        }
        #expect(BarChart(title: "Budget & channels", bars: Self.bars).svg() == svg)
    }

    // Navratri 2026 begins on 2026-10-11 and Diwali (Lakshmi Puja) falls on 2026-11-08 (the
    // dates the planner's festival rules compute; here they only place the bars).
    static let flights: [FlightCalendar.Flight] = [
        .init(
            label: "Kolkata · bn", start: CivilDate(year: 2026, month: 10, day: 11)!, end: CivilDate(year: 2026, month: 10, day: 19)!,
            group: "SMS"),
        .init(
            label: "Chennai · ta", start: CivilDate(year: 2026, month: 10, day: 29)!, end: CivilDate(year: 2026, month: 11, day: 7)!,
            group: "WhatsApp"),
        .init(
            label: "Delhi · hi", start: CivilDate(year: 2026, month: 11, day: 1)!, end: CivilDate(year: 2026, month: 11, day: 7)!,
            group: "SMS"),
    ]

    @Test("flights sit on the day axis: x from the first of the month, width = days × day width")
    func calendar() throws {
        let chart = FlightCalendar(
            title: "Flights", flights: Self.flights, markers: [.init(label: "Diwali", date: CivilDate(year: 2026, month: 11, day: 8)!)])
        #expect(chart.axis?.start.description == "2026-10-01" && chart.axis?.end.description == "2026-11-30")
        let parsed = try svgElements(chart.svg())
        let rects = parsed.elements.filter { $0.name == "rect" && $0.attributes["class"] == "flight" }
        #expect(rects.count == 3)
        // Plot starts at 228 px; 6 px a day. Oct 11 is day 10 → 288; 9 days (11–19) → 54 px.
        #expect(rects[0].attributes["x"] == "288" && rects[0].attributes["width"] == "54")
        // Oct 29 is day 28 → 396; Oct 29 to Nov 7 is 10 days → 60 px.
        #expect(rects[1].attributes["x"] == "396" && rects[1].attributes["width"] == "60")
        // Colours by group in order of first appearance: SMS first, WhatsApp second, SMS again.
        #expect(rects[0].attributes["fill"] == rects[2].attributes["fill"] && rects[0].attributes["fill"] != rects[1].attributes["fill"])
        let texts = parsed.texts.filter { $0.name == "text" }.map(\.text)
        #expect(texts.contains("Oct 2026") && texts.contains("Nov 2026") && !texts.contains("Dec 2026"))
        #expect(texts.contains("Diwali") && texts.contains("SMS") && texts.contains("WhatsApp") && texts.contains("Kolkata · bn"))
        // Marker line through the middle of Nov 8 (day 38): 228 + 38 × 6 + 3 = 459.
        let markerLine = parsed.elements.first { $0.name == "line" && $0.attributes["stroke-dasharray"] != nil }
        #expect(markerLine?.attributes["x1"] == "459")
        #expect(chart.svg() == FlightCalendar(title: "Flights", flights: Self.flights, markers: chart.markers).svg())
    }

    @Test("an empty chart is still a well-formed SVG")
    func empty() throws {
        #expect(try svgElements(BarChart(title: "None", bars: []).svg()).elements.first?.name == "svg")
        #expect(try svgElements(FlightCalendar(title: "None", flights: []).svg()).elements.first?.name == "svg")
    }
}
