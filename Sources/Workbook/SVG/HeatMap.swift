import PlannerCore

/// A heat map as a standalone SVG: a grid of counts, each cell shaded by its value (white for 0,
/// darkest for the largest), with its number written in it. Used for the migration matrix of a
/// segment review (rows: the group then, columns: the group now).
public struct HeatMap: Sendable, Equatable {
    /// The chart's title.
    public var title: String
    /// Row labels, top to bottom.
    public var rows: [String]
    /// Column labels, left to right.
    public var columns: [String]
    /// `values[row][column]`; missing entries count as 0.
    public var values: [[Int]]
    /// Pixel sizes: one cell, and the row labels' column.
    public var cellWidth: Double = 84, cellHeight: Double = 28, labelWidth: Double = 110

    /// A heat map of `values` with its labels.
    public init(title: String, rows: [String], columns: [String], values: [[Int]]) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The cell's fill: white to the series blue, by value over the largest value.
    public func fill(_ value: Int) -> String {
        let largest = values.flatMap { $0 }.max() ?? 0
        guard largest > 0, value > 0 else { return "#ffffff" }
        let t = Double(value) / Double(largest)
        // White (255, 255, 255) to #2f5597 (47, 85, 151).
        let channel = { (end: Double) in Int((255 - (255 - end) * t).rounded()) }
        let hex = [channel(47), channel(85), channel(151)].map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }
        return "#" + hex.joined()
    }

    /// The chart as a standalone SVG document (deterministic text).
    public func svg() -> String {
        let top = 56.0
        let width = labelWidth + Double(columns.count) * cellWidth + 16
        let height = top + Double(rows.count) * cellHeight + 16
        var out = SVGText.header(width: width, height: height, title: title)
        for (j, column) in columns.enumerated() {
            let x = labelWidth + (Double(j) + 0.5) * cellWidth
            out += "<text class=\"column\" x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(top - 8))\" text-anchor=\"middle\">"
            out += "\(SVGText.escape(column))</text>\n"
        }
        let largest = values.flatMap { $0 }.max() ?? 0
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * cellHeight
            out += "<text class=\"row\" x=\"\(SVGText.number(labelWidth - 6))\" y=\"\(SVGText.number(y + cellHeight / 2 + 4))\" "
            out += "text-anchor=\"end\">\(SVGText.escape(row))</text>\n"
            for j in columns.indices {
                let value = i < values.count && j < values[i].count ? values[i][j] : 0
                let x = labelWidth + Double(j) * cellWidth
                let dark = largest > 0 && Double(value) / Double(largest) > 0.55
                out +=
                    "<g class=\"cell\"><rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(cellWidth))\" "
                out += "height=\"\(SVGText.number(cellHeight))\" fill=\"\(fill(value))\" stroke=\"#d9d9d9\">"
                out += "<title>\(SVGText.escape(row)) → \(SVGText.escape(columns[j])): \(value)</title></rect>"
                out += "<text x=\"\(SVGText.number(x + cellWidth / 2))\" y=\"\(SVGText.number(y + cellHeight / 2 + 4))\" "
                out += "text-anchor=\"middle\" fill=\"\(dark ? "#ffffff" : "#000000")\">\(value)</text></g>\n"
            }
        }
        return out + "</svg>\n"
    }
}
