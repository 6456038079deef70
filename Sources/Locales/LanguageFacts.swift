import ICUKit
import PlannerCore

/// One language's facts as `locales --language` shows them, with samples of our number and date
/// policy rendered through the system ICU, so a reviewer sees what customers will read.
public struct LanguageFacts: Sendable {
    /// Field name and value pairs, in the order shown.
    public let facts: [(String, String)]

    /// The facts of `language` as used in `country` (its ICU locale, digits, grouping, plural
    /// categories, channels); a warning when ICU has no data for the locale and falls back to root.
    public init(language: Language, country: Country, catalog: LocaleCatalog) throws(ICUError) {
        let locale = catalog.icuLocale(for: language, in: country)
        let policy = catalog.numberPolicy(for: language, in: country)
        let actual = try ICULocale.actualLocale(locale)
        let sampleDate = CivilDate(year: 2026, month: 11, day: 8)!
        var facts: [(String, String)] = [
            ("code", language.code), ("name", language.name), ("native_name", language.nativeName),
            ("icu_locale", locale), ("icu_actual_locale", actual), ("script", language.script),
            ("digits", language.digits), ("native_digits", language.nativeDigits ?? ""),
            ("direction", language.direction.rawValue), ("grouping", policy.grouping.rawValue),
            ("fallback", language.fallback.joined(separator: " > ")),
            ("cldr_plurals", language.cldrPlurals ? "yes" : "no"),
            ("plural_categories", try ICUPluralRules(locale: locale).categories.joined(separator: " ")),
            ("whatsapp", language.whatsapp ?? "not supported"), ("sms_encoding", language.smsEncoding),
            ("scheduled", language.scheduled ? "yes" : "no"),
            ("sample_money", try policy.money("12345678.50", currency: country.currency)),
            ("sample_date", try policy.date(sampleDate)),
        ]
        if let gap = language.icuGap { facts.append(("icu_gap", gap)) }
        if actual == "root" { facts.append(("warning", "ICU has no data for \(locale): samples use root data")) }
        facts.append(("sources", language.sources.joined(separator: ", ")))
        self.facts = facts
    }

    /// The facts as a two-column table (JSON: one object of field to value).
    public var table: Table {
        Table(
            title: "Language", columns: [Table.Column("field"), Table.Column("value")],
            rows: facts.map { [.text($0.0), .text($0.1)] }, layout: .fields)
    }
}
