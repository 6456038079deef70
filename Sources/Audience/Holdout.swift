import PlannerCore

/// The control group: which customers of each segment are held out (never messaged) so that the
/// campaign's effect can be measured against them.
///
/// Each customer's key is `campaign_id || ':' || customer_id`; its MD5 (as hex) orders the
/// segment's customers, and the first `round(share × customers)` of them (half away from zero)
/// are held out. So the group is stratified (every segment within half a customer of the share),
/// the same for every festival and channel of the campaign, independent of the file's row order,
/// and a customer's place changes only at the margin when others are added. A warehouse computes
/// the same group with ``sql``.
public enum Holdout {
    /// The hashed key of a customer: `campaign_id:customer_id`.
    public static func key(campaignID: String, customerID: String) -> String { "\(campaignID):\(customerID)" }

    /// The MD5 of the key as two big-endian words: comparing them compares the hex texts.
    public static func digest(campaignID: String, customerID: String) -> (UInt64, UInt64) {
        let bytes = Digest.md5(Array(key(campaignID: campaignID, customerID: customerID).utf8))
        var high: UInt64 = 0, low: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { low = low << 8 | UInt64(bytes[i]) }
        return (high, low)
    }

    /// How many of a segment's `customers` are held out at `share`: `round(share × customers)`,
    /// half away from zero (as SQL's `round` on a numeric).
    public static func count(share: Double, customers: Int) -> Int {
        Int((share * Double(customers)).rounded(.toNearestOrAwayFromZero))
    }

    /// The query that reproduces the group in PostgreSQL or DuckDB, from a table
    /// `customers(customer_id text, segment text)` holding each customer's plan segment.
    public static func sql(campaignID: String, share: Double) -> String {
        let id = campaignID.replacingQuote()
        return """
            SELECT customer_id, segment
            FROM (
              SELECT customer_id, segment,
                     row_number() OVER (PARTITION BY segment ORDER BY md5('\(id)' || ':' || customer_id), customer_id) AS position,
                     count(*) OVER (PARTITION BY segment) AS customers
              FROM customers
            ) ranked
            WHERE position <= round(customers * \(DecimalText.fixed(share, places: 4)))
            """
    }
}

extension String {
    fileprivate func replacingQuote() -> String {
        var out = ""
        for character in self { out += character == "'" ? "''" : String(character) }
        return out
    }
}
