/// Why a customer row was not counted. The code (`rawValue`) is what the rejects file and the
/// report print; when a row has several problems, the first in this order is given.
public enum RejectReason: String, CaseIterable, Sendable, Comparable {
    /// Quotes that do not follow RFC 4180 (`ab"c`, `"ab"c`, a quote never closed).
    case brokenQuoting = "broken_quoting"
    /// A record longer than the reader's limit (a stray quote swallowing lines).
    case recordTooLong = "record_too_long"
    /// More or fewer fields than the header.
    case wrongFieldCount = "wrong_field_count"
    /// A field is not valid UTF-8 (e.g. a Latin-1 export).
    case invalidUTF8 = "invalid_utf8"
    /// The customer id field is empty.
    case missingCustomerID = "missing_customer_id"
    /// The region is empty or names no region of the country.
    case unknownRegion = "unknown_region"
    /// Spend or orders is not a number.
    case badNumber = "bad_number"
    /// The last order date is not `YYYY-MM-DD` (optionally followed by a time).
    case badDate = "bad_date"
    /// An opt-in is not one of 1/0, true/false, yes/no, y/n (any case) or empty.
    case badBoolean = "bad_boolean"

    /// Declaration order, the order reports list reasons in.
    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
