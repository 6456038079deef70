import CICU
import Synchronization

/// A number, currency or percent formatter from the system ICU, by skeleton or by pattern.
///
/// Skeletons (`currency/INR precision-currency-standard`) follow the locale's CLDR data. A pattern
/// (`¤#,##,##0.00`) forces a grouping the locale's data lacks: that is how our policy prints lakh
/// grouping in locales whose CLDR data groups the Western way. Formatting is thread-safe.
///
/// ```swift
/// let inr = try ICUNumberFormat(locale: "hi_IN", skeleton: "currency/INR")
/// try inr.format(decimal: "12345678.5")  // "₹1,23,45,678.50"
/// ```
public final class ICUNumberFormat: @unchecked Sendable {
    /// The ICU locale formatted for, with any `@numbers=` keyword.
    public let locale: String
    /// The skeleton or pattern this formatter was made from.
    public let specification: String
    private let handle: OpaquePointer

    /// A formatter from an ICU number skeleton.
    public init(locale: String, skeleton: String) throws(ICUError) {
        var status: Int32 = 0
        let pointer = try skeleton.withUTF16 { p, n throws(ICUError) in cp_icu_number_format_open_skeleton(locale, p, n, &status) }
        guard let pointer, status <= 0 else {
            throw .syntax(pattern: skeleton, offset: 0, operation: "number skeleton for \(locale)")
        }
        self.locale = locale
        self.specification = skeleton
        self.handle = pointer
    }

    /// A formatter from a decimal pattern; `currency` (ISO 4217) fills the `¤` sign.
    public init(locale: String, pattern: String, currency: String? = nil) throws(ICUError) {
        var status: Int32 = 0
        let pointer: OpaquePointer? = try pattern.withUTF16 { p, n throws(ICUError) in
            if let currency {
                let code = Array(currency.utf16)
                guard code.count == 3 else {
                    throw ICUError.argumentType(name: "currency", expected: "a three-letter ISO 4217 code", got: currency)
                }
                return cp_icu_number_format_open_pattern(locale, p, n, code, &status)
            }
            return cp_icu_number_format_open_pattern(locale, p, n, nil, &status)
        }
        guard let pointer, status <= 0 else {
            throw .syntax(pattern: pattern, offset: 0, operation: "number pattern for \(locale)")
        }
        self.locale = locale
        self.specification = pattern
        self.handle = pointer
    }

    deinit { cp_icu_number_format_close(handle) }

    /// Formats a decimal written in ASCII (`"12345678.50"`, `"-3"`, `"1E6"`) exactly.
    public func format(decimal: String) throws(ICUError) -> String {
        var ascii = Array(decimal.utf8).map { CChar(bitPattern: $0) }
        let count = Int32(ascii.count)
        ascii.append(0)
        return try readUTF16("format \(decimal) with \(specification) in \(locale)") { out, capacity, status in
            cp_icu_number_format_decimal(handle, ascii, count, out, capacity, &status)
        }
    }

    /// Formats a binary floating-point number (its shortest decimal representation).
    public func format(_ value: Double) throws(ICUError) -> String { try format(decimal: "\(value)") }

    /// Formats an integer.
    public func format(_ value: Int) throws(ICUError) -> String { try format(decimal: "\(value)") }

    /// The locale whose data the formatter actually uses: "root" means ICU had no data for
    /// ``locale`` and fell back silently.
    public var actualLocale: String {
        get throws(ICUError) {
            try readASCII("actual locale of \(locale)") { out, capacity, status in
                cp_icu_number_format_actual_locale(handle, out, capacity, &status)
            }
        }
    }

    private struct Key: Hashable {
        let locale: String, specification: String, isPattern: Bool, currency: String?
    }
    private static let cache = Mutex<[Key: ICUNumberFormat]>([:])

    /// A shared formatter for (locale, skeleton), made once per process.
    public static func cached(locale: String, skeleton: String) throws(ICUError) -> ICUNumberFormat {
        let key = Key(locale: locale, specification: skeleton, isPattern: false, currency: nil)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let made = try ICUNumberFormat(locale: locale, skeleton: skeleton)
        return cache.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = made
            return made
        }
    }

    /// A shared formatter for (locale, pattern, currency), made once per process.
    public static func cached(locale: String, pattern: String, currency: String? = nil) throws(ICUError) -> ICUNumberFormat {
        let key = Key(locale: locale, specification: pattern, isPattern: true, currency: currency)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let made = try ICUNumberFormat(locale: locale, pattern: pattern, currency: currency)
        return cache.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = made
            return made
        }
    }
}
