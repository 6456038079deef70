/// How a customer export writes its dates. CRMs write ISO dates (2026-04-14); spreadsheets saved
/// in India or Britain write the day first (14/04/2026, 14-04-2026, 14.04.2026), American ones the
/// month first (04/14/2026). `03/04/2026` is ambiguous, so the order is declared, never guessed.
public enum DateOrder: String, Sendable, CaseIterable {
    /// `YYYY-MM-DD`, the default.
    case iso = "yyyy-mm-dd"
    /// `DD/MM/YYYY` (also with `-` or `.`, and one-digit days and months).
    case dayFirst = "dd/mm/yyyy"
    /// `MM/DD/YYYY` (also with `-` or `.`).
    case monthFirst = "mm/dd/yyyy"

    /// The order a user's spelling names: `yyyy-mm-dd` (or `iso`, `ymd`), `dd/mm/yyyy` (or
    /// `dd-mm-yyyy`, `dd.mm.yyyy`, `dmy`), `mm/dd/yyyy` (or `mm-dd-yyyy`, `mdy`); any case.
    public init?(text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "yyyymmdd", "iso", "ymd": self = .iso
        case "ddmmyyyy", "dmy": self = .dayFirst
        case "mmddyyyy", "mdy": self = .monthFirst
        default: return nil
        }
    }

    /// Every spelling ``init(text:)`` takes, for error hints.
    public static let spellings = "yyyy-mm-dd (iso), dd/mm/yyyy (dmy), mm/dd/yyyy (mdy)"
}
