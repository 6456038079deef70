import Planner
import PlannerCore
import PlannerIO

/// The Changes table of a comparison, typed (``Table.Value``) so that CSV, JSON, the terminal and
/// the workbook show the same values.
///
/// Columns, for `--by region` and two plans (the first column is named after `--by`):
/// `region,base_budget,other_budget,delta,delta_pct,base_conversions,other_conversions,base_roi,other_roi`.
/// With more plans, each other plan's `budget, delta, delta_pct` form a group (`other1_budget,
/// other1_delta, other1_delta_pct, other2_budget, ...`), then conversions and ROI per plan. The
/// extended table adds revenue and marginal return per plan and each other plan's status.
/// `delta_pct` is a share of the base (0.1 = 10 %), empty when the base budget is zero; ROI is a
/// share, empty when nothing is spent.
public struct ComparisonTable: Sendable {
    /// The column names, one per ``columns`` entry (the CSV header and the JSON keys): the
    /// `--by` key's name, then `base_budget`, ... as above.
    public let header: [String]
    /// One row per ``PlanComparison/rows`` entry, in key order, each value under its ``header``
    /// name; the totals row is apart (``totals``).
    public let rows: [[Table.Value]]
    /// The totals row (key `total`).
    public let totals: [Table.Value]

    /// What each column holds, for the workbook's formulas.
    public enum Column: Sendable, Equatable {
        case key
        case budget(plan: Int)
        case delta(plan: Int)
        case deltaShare(plan: Int)
        case conversions(plan: Int)
        case roi(plan: Int)
        case revenue(plan: Int)
        case marginalReturn(plan: Int)
        case status(plan: Int)

        /// The kind of value the column holds.
        var kind: Table.Kind {
            switch self {
            case .key, .status: .text
            case .budget, .delta, .revenue: .money
            case .deltaShare, .roi: .percent
            case .conversions: .decimal(places: 4)
            case .marginalReturn: .decimal(places: 6)
            }
        }
    }

    /// What each column holds, in ``header`` order: the workbook finds a column's letter here to
    /// write its formulas (a delta as the other budget minus the base budget).
    public let columns: [Column]

    /// The table of `comparison`; `extended` adds revenue, marginal return and status columns.
    public init(_ comparison: PlanComparison, extended: Bool = false) {
        let labels = comparison.labels
        let others = Array(comparison.plans.indices.dropFirst())
        let two = comparison.plans.count == 2
        var columns: [Column] = [.key, .budget(plan: 0)]
        for p in others { columns += [.budget(plan: p), .delta(plan: p), .deltaShare(plan: p)] }
        columns += comparison.plans.indices.map { .conversions(plan: $0) } + comparison.plans.indices.map { .roi(plan: $0) }
        if extended {
            columns += comparison.plans.indices.map { .revenue(plan: $0) } + comparison.plans.indices.map { .marginalReturn(plan: $0) }
            columns += others.map { .status(plan: $0) }
        }
        self.columns = columns
        header = columns.map { column in
            switch column {
            case .key: comparison.by.rawValue
            case .budget(let p): "\(labels[p])_budget"
            case .delta(let p): two ? "delta" : "\(labels[p])_delta"
            case .deltaShare(let p): two ? "delta_pct" : "\(labels[p])_delta_pct"
            case .conversions(let p): "\(labels[p])_conversions"
            case .roi(let p): "\(labels[p])_roi"
            case .revenue(let p): "\(labels[p])_revenue"
            case .marginalReturn(let p): "\(labels[p])_marginal_return"
            case .status(let p): two ? "status" : "\(labels[p])_status"
            }
        }
        func values(_ row: ComparisonRow) -> [Table.Value] {
            columns.map { column in
                switch column {
                case .key: .text(row.key)
                case .budget(let p): .money(row.budget(p))
                case .delta(let p): .money(row.delta(p))
                case .deltaShare(let p): .percent(row.deltaShare(p))
                case .conversions(let p): .decimal(row.figures[p]?.conversions ?? 0, places: 4)
                case .roi(let p): .percent(row.figures[p]?.roi)
                case .revenue(let p): .money(Money(major: row.figures[p]?.revenue ?? 0))
                case .marginalReturn(let p): row.figures[p].map { .decimal($0.marginalReturn, places: 6) } ?? .empty
                case .status(let p): .text(row.status(p).rawValue)
                }
            }
        }
        rows = comparison.rows.map(values)
        totals = values(comparison.totals)
    }

    /// The rows as a ``Table`` for every format: one row per key and no totals row (the totals
    /// are the columns' sums, and a `total` key could clash with a real one).
    public var table: Table {
        Table(
            title: "Changes", columns: zip(header, columns).map { name, column in Table.Column(name, column.kind) }, rows: rows)
    }
}
