/// A language as campaigns use it: how to format for it, which script and digits it writes, what
/// to fall back to when a message is missing, and what ICU and the channels can do for it.
public struct Language: Codable, Hashable, Sendable {
    /// BCP 47 tag used throughout (`ta`, `mni-Mtei`, `zh-Hans`).
    public let code: String
    /// The ICU locale to format with (`bn_IN`, not `bn`, which is Bangladesh).
    public let icuLocale: String
    /// The language's English name (`Tamil`).
    public let name: String
    /// The language's name in its own script (`தமிழ்`).
    public let nativeName: String
    /// ISO 15924 script code.
    public let script: String
    /// Our policy's digits for marketing text: an ICU numbering system id (`latn`, `beng`, ...).
    public let digits: String
    /// The script's own digits, when it has them.
    public let nativeDigits: String?
    /// Writing direction of the script, which decides bidi isolation of inserted values.
    public let direction: Direction
    /// Our policy's grouping: lakh/crore (`indian`) or thousands (`western`).
    public let grouping: Grouping
    /// Languages to fall back to, in order, when a message is missing in this one.
    public let fallback: [String]
    /// Whether CLDR (as the running ICU has it) has cardinal plural rules for it.
    public let cldrPlurals: Bool
    /// The WhatsApp Business template language code, when Meta supports the language.
    public let whatsapp: String?
    /// The SMS encoding its script forces: `GSM-7` or `UCS-2`.
    public let smsEncoding: String
    /// In the Eighth Schedule of the Constitution of India.
    public let scheduled: Bool
    /// Other names and codes users write for it (ISO 639-2/3, spellings, native names).
    public let names: [String]
    /// A known gap in ICU's data for it, said plainly.
    public let icuGap: String?
    /// Ids in the languages file's `sources` for the facts above.
    public let sources: [String]

    /// Script direction: `ltr` (left to right) or `rtl` (right to left: Urdu, Kashmiri, Sindhi in Arabic script).
    public enum Direction: String, Codable, Sendable { case ltr, rtl }
    /// Digit grouping: `indian` (lakh and crore, 12,34,567) or `western` (thousands, 1,234,567).
    public enum Grouping: String, Codable, Sendable { case indian, western }

    enum CodingKeys: String, CodingKey {
        case code, name, script, digits, direction, grouping, fallback, whatsapp, scheduled, names, sources
        case icuLocale = "icu_locale", nativeName = "native_name", nativeDigits = "native_digits"
        case cldrPlurals = "cldr_plurals", smsEncoding = "sms_encoding", icuGap = "icu_gap"
    }

    /// Decodes a language entry; `fallback` and `names` default to none, `scheduled` to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        icuLocale = try c.decode(String.self, forKey: .icuLocale)
        name = try c.decode(String.self, forKey: .name)
        nativeName = try c.decode(String.self, forKey: .nativeName)
        script = try c.decode(String.self, forKey: .script)
        digits = try c.decode(String.self, forKey: .digits)
        nativeDigits = try c.decodeIfPresent(String.self, forKey: .nativeDigits)
        direction = try c.decode(Direction.self, forKey: .direction)
        grouping = try c.decode(Grouping.self, forKey: .grouping)
        fallback = try c.decodeIfPresent([String].self, forKey: .fallback) ?? []
        cldrPlurals = try c.decode(Bool.self, forKey: .cldrPlurals)
        whatsapp = try c.decodeIfPresent(String.self, forKey: .whatsapp)
        smsEncoding = try c.decode(String.self, forKey: .smsEncoding)
        scheduled = try c.decodeIfPresent(Bool.self, forKey: .scheduled) ?? false
        names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        icuGap = try c.decodeIfPresent(String.self, forKey: .icuGap)
        sources = try c.decode([String].self, forKey: .sources)
    }
}
