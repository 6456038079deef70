/// Estimates with their intervals as SVG text: one row per item, a dot at the estimate and a
/// line from the interval's low to its high end, against a zero line. For "incremental
/// conversion rate by channel" in a results report: a reader sees at once which lifts are
/// clearly above zero and which could be nothing.
///
/// The axis runs from the smallest low (or estimate, or 0) to the largest high; an item without
/// an interval (too little data) is drawn as a hollow dot with its label saying so.
public struct IntervalChart: Sendable, Equatable {
    /// One row.
    public struct Item: Sendable, Equatable {
        /// The item's name, drawn right-aligned left of the plot.
        public var label: String
        /// The point estimate.
        public var estimate: Double
        /// The interval's ends, or `nil` when there is too little data for one.
        public var low: Double?
        /// The upper end, with `low`.
        public var high: Double?
        /// The figure as the reader should see it, e.g. `3.1 % (1.2 to 5.0)`.
        public var valueLabel: String

        /// An item for `estimate` with its interval.
        public init(label: String, estimate: Double, low: Double?, high: Double?, valueLabel: String) {
            self.label = label
            self.estimate = estimate
            self.low = low
            self.high = high
            self.valueLabel = valueLabel
        }
    }

    /// The chart title.
    public var title: String
    /// The rows, top to bottom.
    public var items: [Item]
    /// Width of the image, pixels.
    public var width: Double = 720
    /// Room for labels left of the plot.
    public var labelWidth: Double = 160
    /// Room for value labels right of the plot.
    public var valueLabelWidth: Double = 200
    /// Height of one row, pixels.
    public var rowHeight: Double = 26

    /// A chart with the default sizes.
    public init(title: String, items: [Item]) {
        self.title = title
        self.items = items
    }

    /// The axis's ends: every estimate and interval end, and zero.
    public var range: (low: Double, high: Double) {
        let values = items.flatMap { [$0.estimate, $0.low, $0.high].compactMap { $0 } }.filter(\.isFinite) + [0]
        let low = values.min()!, high = values.max()!
        return high > low ? (low, high) : (low - 1, high + 1)
    }

    /// The x coordinate of `value`.
    public func x(_ value: Double) -> Double {
        let (low, high) = range
        let left = labelWidth + 12, right = width - valueLabelWidth - 12
        return left + (value - low) / (high - low) * (right - left)
    }

    /// The chart as a standalone SVG document (deterministic text).
    public func svg() -> String {
        let top = 36.0
        let height = top + Double(items.count) * rowHeight + 12
        var out = SVGText.header(width: width, height: height, title: title)
        let zero = SVGText.number(x(0))
        out += "<line class=\"zero\" x1=\"\(zero)\" y1=\"\(SVGText.number(top - 6))\" x2=\"\(zero)\" y2=\"\(SVGText.number(height - 6))\" "
        out += "stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * rowHeight + rowHeight / 2
            let middle = SVGText.number(y), text = SVGText.number(y + 4)
            out += "<g class=\"item\">"
            out +=
                "<text class=\"label\" x=\"\(SVGText.number(labelWidth))\" y=\"\(text)\" text-anchor=\"end\">\(SVGText.escape(item.label))</text>"
            if let low = item.low, let high = item.high {
                out += "<line x1=\"\(SVGText.number(x(low)))\" y1=\"\(middle)\" x2=\"\(SVGText.number(x(high)))\" y2=\"\(middle)\" "
                out += "stroke=\"\(SVGText.palette[0])\" stroke-width=\"3\"/>"
                out += "<circle cx=\"\(SVGText.number(x(item.estimate)))\" cy=\"\(middle)\" r=\"5\" fill=\"\(SVGText.palette[0])\"/>"
            } else {
                out += "<circle cx=\"\(SVGText.number(x(item.estimate)))\" cy=\"\(middle)\" r=\"5\" fill=\"none\" "
                out += "stroke=\"\(SVGText.palette[0])\" stroke-width=\"2\"/>"
            }
            out +=
                "<text class=\"value\" x=\"\(SVGText.number(width - valueLabelWidth))\" y=\"\(text)\">\(SVGText.escape(item.valueLabel))</text>"
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }
}
