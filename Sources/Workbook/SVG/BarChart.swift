/// A horizontal bar chart as SVG text: one bar per item, its label on the left and its
/// formatted value on the right. For "budget by festival" or "budget by channel" in a report.
///
/// Bars are drawn to scale from zero: a bar's length is `value / largest value` of the plot
/// width; negative values draw no bar. Value labels are given already formatted (the planner
/// formats rupees through ICU with lakh grouping), so this type does no number formatting of
/// its own beyond coordinates.
///
/// ```swift
/// let chart = BarChart(title: "Budget by festival", bars: [
///     .init(label: "Diwali", value: 1_250_000, valueLabel: "₹12,50,000"),
///     .init(label: "দুর্গাপূজা", value: 400_000, valueLabel: "₹4,00,000"),
/// ])
/// let svg = chart.svg()
/// ```
public struct BarChart: Sendable, Equatable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        /// The item's name, drawn right-aligned left of the bar (any script; escaped on output).
        public var label: String
        /// The quantity the bar's length is proportional to; not shown as text (see `valueLabel`).
        public var value: Double
        /// The value as the reader should see it, e.g. `₹12,50,000`.
        public var valueLabel: String

        /// A bar for `value`, labelled `label` and showing `valueLabel`.
        public init(label: String, value: Double, valueLabel: String) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
        }
    }

    /// The chart title, written as the SVG's `<title>` and heading.
    public var title: String
    /// The bars, drawn top to bottom in this order.
    public var bars: [Bar]
    /// Width of the whole image in pixels.
    public var width: Double = 720
    /// Room for the labels left of the bars.
    public var labelWidth: Double = 200
    /// Room for the value labels right of the longest bar.
    public var valueLabelWidth: Double = 120
    /// Height of one bar, in pixels.
    public var barHeight: Double = 20
    /// Vertical space between bars, in pixels.
    public var gap: Double = 8

    /// A chart with the default sizes (720 px wide, 200 px of labels, 20 px bars).
    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    /// Where bars start, in pixels from the left.
    public var plotLeft: Double { labelWidth + 8 }
    /// The length of the longest bar.
    public var plotWidth: Double { max(0, width - plotLeft - valueLabelWidth) }

    /// The length of `value`'s bar: proportional to the largest value; 0 when not positive.
    public func barLength(_ value: Double) -> Double {
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        guard largest > 0, value.isFinite, value > 0 else { return 0 }
        return value / largest * plotWidth
    }

    /// The chart as a standalone SVG document (deterministic text).
    public func svg() -> String {
        let top = 36.0
        let height = top + Double(bars.count) * (barHeight + gap) + gap
        var out = SVGText.header(width: width, height: height, title: title)
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * (barHeight + gap)
            let length = barLength(bar.value)
            let middle = SVGText.number(y + barHeight / 2 + 4)
            out += "<g class=\"bar\">"
            out += "<text class=\"label\" x=\"\(SVGText.number(labelWidth))\" y=\"\(middle)\" text-anchor=\"end\">"
            out += "\(SVGText.escape(bar.label))</text>"
            out += "<rect class=\"bar\" x=\"\(SVGText.number(plotLeft))\" y=\"\(SVGText.number(y))\" "
            out += "width=\"\(SVGText.number(length))\" height=\"\(SVGText.number(barHeight))\" fill=\"\(SVGText.palette[0])\">"
            out += "<title>\(SVGText.escape(bar.label)): \(SVGText.escape(bar.valueLabel))</title></rect>"
            out += "<text class=\"value\" x=\"\(SVGText.number(plotLeft + length + 6))\" y=\"\(middle)\">"
            out += "\(SVGText.escape(bar.valueLabel))</text></g>\n"
        }
        return out + "</svg>\n"
    }
}
