import PlannerCore

/// A review as tables, rendered by the export layer (CSV, workbook sheets, Markdown): Sizes (one
/// row per compared segment), Migration (customers from each group then to each group now) and
/// Flags (one row per flag, with its reason).
public enum ReviewTables {
    /// The Sizes, Migration (when there is one) and Flags tables, in that order.
    public static func make(_ review: SegmentReview) -> [Table] {
        [sizes(review)] + (review.migration.map { [migration($0)] } ?? []) + [flags(review)]
    }

    /// One row per compared segment: customers, spend and WhatsApp and SMS reach then and now,
    /// the change, the tested shares, z and significance, the conversion rates (with results)
    /// and the flag kinds.
    public static func sizes(_ review: SegmentReview) -> Table {
        let columns: [Table.Column] = [
            .init("id"), .init("region"), .init("language"), .init("group"), .init("old_customers", .count),
            .init("new_customers", .count), .init("change_pct", .decimal(places: 2)), .init("old_spend", .money),
            .init("new_spend", .money), .init("old_whatsapp_reachable", .count), .init("new_whatsapp_reachable", .count),
            .init("old_sms_reachable", .count), .init("new_sms_reachable", .count), .init("old_share_pct", .decimal(places: 2)),
            .init("new_share_pct", .decimal(places: 2)), .init("z", .decimal(places: 2)), .init("significant"),
            .init("old_conversion_pct", .decimal(places: 2)), .init("new_conversion_pct", .decimal(places: 2)), .init("flags"),
        ]
        let rows: [[Table.Value]] = review.segments.map { e in
            [
                .text(e.id), .text(e.region), .text(e.language), .text(e.group ?? ""), .count(e.old.customers), .count(e.new.customers),
                e.changePct.map { .decimal($0.value, places: 2) } ?? .empty, .money(e.old.spend), .money(e.new.spend),
                .count(e.old.reach["whatsapp"] ?? 0), .count(e.new.reach["whatsapp"] ?? 0), .count(e.old.reach["sms"] ?? 0),
                .count(e.new.reach["sms"] ?? 0), .decimal(e.old.sharePct.value, places: 2), .decimal(e.new.sharePct.value, places: 2),
                .decimal(e.z.value, places: 2), .text(e.significant ? "yes" : "no"),
                e.conversion.map { .decimal($0.oldRatePct.value, places: 2) } ?? .empty,
                e.conversion.map { .decimal($0.newRatePct.value, places: 2) } ?? .empty, .text(e.flags.map(\.kind).joined(separator: ";")),
            ]
        }
        return Table(
            title: "Sizes", columns: columns, rows: rows,
            notes: [
                "Shares: of all customers for a region × language segment, of that segment for a group. "
                    + "Significant: \(review.test.name) at \(review.test.alpha) over \(review.test.tests) segments (p < \(review.test.pThreshold.canonicalJSONText)) and a share moved by at least \(DecimalText.fixed(review.test.minChange * 100, places: 0)) % of itself."
            ])
    }

    /// Rows: the old group; columns: each new group, then customers gone (only in the old file).
    public static func migration(_ m: SegmentReview.MigrationMatrix) -> Table {
        let columns =
            [Table.Column("from")] + m.groups.map { Table.Column($0, .count, total: true) } + [
                Table.Column("gone", .count, total: true), Table.Column("total", .count, total: true),
            ]
        var rows: [[Table.Value]] = m.groups.indices.map { i in
            [.text(m.groups[i])] + m.counts[i].map { .count($0) } + [.count(m.gone[i]), .count(m.counts[i].reduce(0, +) + m.gone[i])]
        }
        rows.append([.text("arrived")] + m.arrived.map { .count($0) } + [.count(0), .count(m.arrived.reduce(0, +))])
        return Table(
            title: "Migration", columns: columns, rows: rows,
            notes: [
                "Customers matched by customer id: \(m.matched) in both files, \(m.moved) changed \(m.dimension); rows are then, columns now."
            ])
    }

    /// One row per flag: the segment, the flag and its reason.
    public static func flags(_ review: SegmentReview) -> Table {
        Table(
            title: "Flags", columns: [.init("id"), .init("flag"), .init("reason")],
            rows: review.segments.flatMap { e in e.flags.map { [.text(e.id), .text($0.kind), .text($0.reason)] } })
    }
}
