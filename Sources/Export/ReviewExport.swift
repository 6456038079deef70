import PlannerCore
import PlannerIO
import Review
import Workbook

/// A segment review's files: `review.json` (canonical JSON: `segments` with `id`, `old`, `new`,
/// `change_pct`, `significant`, `flags`, and `migration`), `review.csv` (the Sizes table),
/// `migration.csv`, `flags.csv`, `review.xlsx` (Sizes, Migration, Flags sheets) and `review.md`
/// with two SVG charts beside it (`size-changes.svg`, `migration.svg`). Each file is written
/// atomically; the same review gives the same bytes.
public enum ReviewExport {
    /// How many segments the size-change chart shows at most.
    public static let chartBars = 12

    /// The review as canonical JSON with a final newline.
    public static func json(_ review: SegmentReview) throws(Diagnostic) -> String {
        do {
            return try CanonicalJSON.text(of: review)
        } catch {
            throw Diagnostic(.internal, message: "cannot write the review as JSON: \(error)")
        }
    }

    /// The review's workbook: one sheet per table of ``ReviewTables``, money in `currency`.
    public static func workbook(_ review: SegmentReview, currency: String = "INR") -> Workbook {
        var workbook = Workbook(title: "Segment review", created: review.new.asOf)
        for table in ReviewTables.make(review) { workbook.addSheet(TableSheet.make(table, currency: currency)) }
        return workbook
    }

    /// The size-change bars: the flagged (else the largest) changes in customers, in percent.
    public static func sizeChart(_ review: SegmentReview) -> BarChart {
        let changed = review.segments.filter { $0.changePct != nil && $0.old.customers > 0 }
        let pool = changed.contains { $0.significant } ? changed.filter(\.significant) : changed
        let top = pool.sorted { a, b in
            let x = abs(a.changePct!.value), y = abs(b.changePct!.value)
            return x != y ? x > y : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        .prefix(chartBars)
        let bars = top.map { e in
            let value = e.changePct!.value
            return BarChart.Bar(
                label: "\(e.id) \(value < 0 ? "▼" : "▲")", value: abs(value),
                valueLabel: (value < 0 ? "−" : "+") + DecimalText.fixed(abs(value), places: 1) + " %")
        }
        let title = pool.contains { $0.significant } ? "Significant size changes (customers)" : "Largest size changes (none significant)"
        return BarChart(title: title, bars: Array(bars))
    }

    /// The migration matrix as a heat map (nil without one).
    public static func migrationChart(_ review: SegmentReview) -> HeatMap? {
        review.migration.map { m in
            HeatMap(
                title: "Customers from each \(m.dimension) (rows, then) to each (columns, now)", rows: m.groups, columns: m.groups,
                values: m.counts)
        }
    }

    /// The review as Markdown, linking the charts by file name.
    public static func markdown(_ review: SegmentReview) -> String {
        var md = "# Segment review\n\n"
        md += "| snapshot | file | as of | customers | spend |\n|---|---|---|---:|---:|\n"
        md += "| old | \(TableMarkdown.cell(review.old.path)) | \(review.old.asOf) | \(review.old.customers) | \(review.old.spend) |\n"
        md += "| new | \(TableMarkdown.cell(review.new.path)) | \(review.new.asOf) | \(review.new.customers) | \(review.new.spend) |\n\n"
        md += "Significance: \(review.test.name), level \(review.test.alpha) over \(review.test.tests) segments "
        md += "(a change is significant when p < \(review.test.pThreshold.canonicalJSONText) and the share moved by at least "
        md += "\(DecimalText.fixed(review.test.minChange * 100, places: 0)) % of itself).\n"
        if let cuts = review.valueCuts { md += "Value tiers of both files scored with the old file's cut points: \(cuts).\n" }
        md += "\n## Flags\n\n"
        let flagged = review.flagged
        if flagged.isEmpty {
            md += "No segment changed significantly, appeared, vanished, or became too small or too broad.\n\n"
        } else {
            for e in flagged {
                for flag in e.flags { md += "- **\(TableMarkdown.cell(e.id))** (\(flag.kind)): \(TableMarkdown.cell(flag.reason))\n" }
            }
            md += "\n"
        }
        md += "## Size changes\n\n![\(sizeChart(review).title)](size-changes.svg)\n\n"
        let sizes = ReviewTables.sizes(review)
        let shown = Table(
            title: sizes.title, columns: sizes.columns,
            rows: zip(review.segments, sizes.rows).filter { $0.0.significant || !$0.0.flags.isEmpty }.map(\.1),
            notes: sizes.notes)
        if !shown.rows.isEmpty { md += TableMarkdown.render(shown) + "\n" }
        md += "Every segment is in `review.csv` and the Sizes sheet of `review.xlsx`.\n\n"
        if let m = review.migration {
            md += "## Migration between \(m.dimension == "value_tier" ? "value tiers" : m.dimension)\n\n"
            md += "![migration](migration.svg)\n\n" + TableMarkdown.render(ReviewTables.migration(m)) + "\n"
        }
        return md
    }

    /// Writes every file into `directory` (created when missing) and returns the paths written.
    public static func write(_ review: SegmentReview, to directory: String) throws(Diagnostic) -> [String] {
        var folder = try OutputFolder(directory)
        try folder.put("review.json", try json(review))
        let tables = ReviewTables.make(review)
        try folder.put("review.csv", TableCSV.render(tables[0]))
        if let m = review.migration { try folder.put("migration.csv", TableCSV.render(ReviewTables.migration(m))) }
        try folder.put("flags.csv", TableCSV.render(ReviewTables.flags(review)))
        try folder.put("review.xlsx", workbook: workbook(review))
        try folder.put("size-changes.svg", sizeChart(review).svg())
        if let heat = migrationChart(review) { try folder.put("migration.svg", heat.svg()) }
        try folder.put("review.md", markdown(review))
        return folder.written
    }
}
