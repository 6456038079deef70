import CICU

/// The CLDR plural rules of a locale, as the running ICU has them.
///
/// `categories` tells which branches a plural message needs in that language; a locale for which
/// ICU has no rules (kok, mai, mni, sa in ICU 72) has only `other`.
public final class ICUPluralRules: @unchecked Sendable {
    /// `cardinal`: counts (1 offer, 2 offers); `ordinal`: positions (1st, 2nd).
    public enum Kind: Sendable { case cardinal, ordinal }

    /// The ICU locale whose rules these are.
    public let locale: String
    /// Whether these are rules for counts or for positions.
    public let kind: Kind
    private let handle: OpaquePointer

    /// Opens ICU's rules of `kind` for `locale`; throws when ICU cannot open them.
    public init(locale: String, kind: Kind = .cardinal) throws(ICUError) {
        var status: Int32 = 0
        let pointer = cp_icu_plural_rules_open(locale, kind == .ordinal ? 1 : 0, &status)
        try ICUError.check(status, "plural rules of \(locale)")
        guard let pointer else { throw .status(code: 1, name: "U_MISSING_RESOURCE_ERROR", operation: "plural rules of \(locale)") }
        self.locale = locale
        self.kind = kind
        self.handle = pointer
    }

    deinit { cp_icu_plural_rules_close(handle) }

    /// The category of a number: "zero", "one", "two", "few", "many" or "other".
    public func select(_ number: Double) throws(ICUError) -> String {
        try readASCII("plural select in \(locale)") { out, capacity, status in
            cp_icu_plural_rules_select(handle, number, out, capacity, &status)
        }
    }

    /// The categories these rules can produce, in CLDR order (zero, one, two, few, many, other).
    public var categories: [String] {
        get throws(ICUError) {
            let text = try readASCII("plural categories of \(locale)") { out, capacity, status in
                cp_icu_plural_rules_keywords(handle, out, capacity, &status)
            }
            let order = ["zero", "one", "two", "few", "many", "other"]
            return text.split(separator: " ").map(String.init).sorted {
                (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99)
            }
        }
    }
}
