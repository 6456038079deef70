import PlannerCore

extension SegmentSQL {
    /// An audience's control group computed where the customers live, so a warehouse tags the
    /// same customers as `audience` holds out: the accepted rows of the segmentation query, each
    /// in the plan segment its region, language and group belong to (``members``), a customer id on more
    /// than one accepted row left out (as the audience rejects both rows), ordered within each
    /// segment by MD5 of `campaign_id:customer_id` as hex (then the id), and the first
    /// round(share × customers) of each segment, half away from zero, held out. The result is
    /// `customer_id, segment, holdout` (1 or 0) for every customer of a plan segment.
    ///
    /// The share is taken in basis points (four decimals, as plan.json records it) and the count
    /// rounded in integers, so engines without exact decimals count the same.
    public struct Holdout: Sendable, Equatable {
        /// One region, language and group, and the plan segment its customers are in.
        public struct Member: Sendable, Equatable {
            /// The region code (`IN-TN`).
            public var region: String
            /// The language code (`ta`).
            public var language: String
            /// The group of the query's extra dimension (`at_risk`), nil without one.
            public var group: String?
            /// The plan segment's id (`IN-TN/ta`, `IN:south/ta`, `IN/ta`, `IN-TN/ta/at_risk`).
            public var segment: String

            /// The plan segment of customers in `region` speaking `language`, in `group`.
            public init(region: String, language: String, group: String? = nil, segment: String) {
                self.region = region
                self.language = language
                self.group = group
                self.segment = segment
            }
        }

        /// The campaign id the holdout hash is keyed by.
        public var campaignID: String
        /// The share held out of each segment (0.05 = 5 %).
        public var share: Double
        /// Where each region and language goes; customers of a pair not listed are in no segment.
        public var members: [Member]

        /// A holdout of `share` of each plan segment of `members`, keyed by `campaignID`.
        public init(campaignID: String, share: Double, members: [Member]) {
            self.campaignID = campaignID
            self.share = share
            self.members = members
        }

        /// The holdout's CTEs and select after the segmentation's CTEs: `from` holds the accepted
        /// rows, `group` is their group's expression (`''` without an extra dimension).
        func select(_ w: inout SQLWriter, ctes: [String], from: String, group: String) -> String {
            var ctes = ctes
            let basisPoints = Int64((share * 10_000).rounded(.toNearestOrAwayFromZero))
            let rows =
                members.isEmpty
                ? [["''", "''", "''", "''"]]
                : members.map { [w.text($0.region), w.text($0.language), w.text($0.group ?? ""), w.text($0.segment)] }
            let body = rows.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ",\n    ")
            ctes.append("plan_segments AS (SELECT * FROM (VALUES\n    \(body)) AS v(region, language, grp, segment))")
            ctes.append("grouped AS (SELECT g.*, \(group) AS grp FROM \(from) g)")
            ctes.append("unique_ids AS (SELECT id FROM grouped GROUP BY id HAVING count(*) = 1)")
            let key = "\(w.text(campaignID)) || ':' || s.id"
            ctes.append(
                """
                ranked AS (SELECT s.id, p.segment,
                    row_number() OVER (PARTITION BY p.segment ORDER BY md5(\(key)), s.id) AS position,
                    count(*) OVER (PARTITION BY p.segment) AS customers
                  FROM grouped s JOIN plan_segments p ON p.region = s.region_code AND p.language = s.language AND p.grp = s.grp
                  WHERE s.id IN (SELECT id FROM unique_ids))
                """)
            let held = w.div("customers * \(w.int(basisPoints * 2)) + 10000", "20000")
            return "WITH " + ctes.joined(separator: ",\n")
                + "\nSELECT \(w.output("id", as: "customer_id")), \(w.output("segment", as: "segment")), "
                + "CASE WHEN position <= \(held) THEN 1 ELSE 0 END AS holdout\nFROM ranked\nORDER BY segment, position\n"
        }
    }
}
