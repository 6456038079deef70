import CICU

/// Facts about a locale from the running ICU.
public enum ICULocale {
    /// The display name of `locale` in `displayLocale`, e.g. ("ta_IN", "en") → "Tamil (India)".
    public static func displayName(_ locale: String, in displayLocale: String) throws(ICUError) -> String {
        try readUTF16("display name of \(locale)") { out, capacity, status in
            cp_icu_locale_display_name(locale, displayLocale, out, capacity, &status)
        }
    }

    /// The locale whose data ICU really loads for `locale`: "root" means it has none and falls back
    /// silently (ICU 72: `mni_Mtei`, `sat_Deva`).
    public static func actualLocale(_ locale: String) throws(ICUError) -> String {
        try readASCII("actual locale of \(locale)") { out, capacity, status in
            cp_icu_actual_locale(locale, out, capacity, &status)
        }
    }

    /// Whether ICU has data of its own for `locale` (its actual locale is not root).
    public static func hasData(_ locale: String) -> Bool {
        guard let actual = try? actualLocale(locale) else { return false }
        return actual != "root" && !actual.isEmpty
    }

    /// The locale's default numbering system, e.g. "beng" for bn_IN, "latn" for hi_IN.
    public static func defaultNumberingSystem(_ locale: String) throws(ICUError) -> String {
        try readASCII("numbering system of \(locale)") { out, capacity, status in
            cp_icu_default_numbering_system(locale, out, capacity, &status)
        }
    }
}
