import ICUKit
import PlannerCore

/// How we write numbers, money and dates for a language: our policy, not ICU's defaults.
///
/// - Digits: the language's ``Language/digits`` (Bengali digits for `bn`, Latin for `hi`), set as
///   the locale's `@numbers=` keyword so dates and plurals follow too.
/// - Grouping: lakh/crore (`#,##,##0`) for every language whose policy is `indian`, forced by a
///   pattern because CLDR groups many Indian locales the Western way; otherwise the locale's own.
/// - Money: the currency sign first, then the amount, with the locale's symbols.
public struct NumberPolicy: Sendable {
    /// The language formatted for.
    public let language: Language
    /// The ICU locale with our digits, e.g. `bn_IN@numbers=beng`.
    public let formattingLocale: String
    /// The Olson time zone dates are shown in.
    public let timeZone: String
    /// Lakh/crore or thousands grouping: as given (a country's override), else the language's own.
    public let grouping: Language.Grouping

    /// The policy for `language` formatted with `icuLocale`; `grouping` defaults to the language's.
    public init(language: Language, icuLocale: String, timeZone: String, grouping: Language.Grouping? = nil) {
        self.language = language
        self.grouping = grouping ?? language.grouping
        self.formattingLocale = "\(icuLocale)@numbers=\(language.digits)"
        self.timeZone = timeZone
    }

    /// The pattern or skeleton for an amount of `currency` with `fractionDigits` decimals.
    public func moneyFormat(currency: String, fractionDigits: Int) throws(ICUError) -> ICUNumberFormat {
        let fraction = fractionDigits > 0 ? "." + String(repeating: "0", count: fractionDigits) : ""
        switch grouping {
        case .indian:
            return try ICUNumberFormat.cached(locale: formattingLocale, pattern: "¤#,##,##0\(fraction)", currency: currency)
        case .western:
            return try ICUNumberFormat.cached(
                locale: formattingLocale, skeleton: "currency/\(currency) .\(String(repeating: "0", count: fractionDigits)) group-auto")
        }
    }

    /// An amount of money, e.g. `₹১,২৩,৪৫,৬৭৮.৫০` for ("12345678.50", "INR", 2) in Bengali.
    public func money(_ decimal: String, currency: String, fractionDigits: Int = 2) throws(ICUError) -> String {
        try moneyFormat(currency: currency, fractionDigits: fractionDigits).format(decimal: decimal)
    }

    /// A plain number with our grouping and digits.
    public func number(_ decimal: String) throws(ICUError) -> String {
        switch grouping {
        case .indian: try ICUNumberFormat.cached(locale: formattingLocale, pattern: "#,##,##0.###").format(decimal: decimal)
        case .western: try ICUNumberFormat.cached(locale: formattingLocale, skeleton: "group-auto").format(decimal: decimal)
        }
    }

    /// A date by skeleton (`yMMMMd` is the long date) in the policy's time zone.
    public func date(_ date: CivilDate, skeleton: String = "yMMMMd") throws(ICUError) -> String {
        try ICUDateFormat(locale: formattingLocale, skeleton: skeleton, timeZone: timeZone).format(date)
    }
}

extension LocaleCatalog {
    /// The number policy for a language in a country: the country's formatting locale, time zone
    /// and grouping.
    public func numberPolicy(for language: Language, in country: Country) -> NumberPolicy {
        NumberPolicy(
            language: language, icuLocale: icuLocale(for: language, in: country), timeZone: country.timeZone,
            grouping: country.grouping)
    }
}
