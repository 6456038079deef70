/// A request option named inside a library's text (a diagnostic's field or hint, a warning),
/// without spelling it for one front end: libraries never know command-line flags. The command
/// line spells `mention("map", "region=COLUMN")` as `--map region=COLUMN`; a text that no front end
/// spelled reads `map: region=COLUMN` in backticks.
///
/// The marks are three private-use characters, which no input text or data file of ours holds.
public enum OptionText {
    static let open: Character = "\u{E000}", separator: Character = "\u{E001}", close: Character = "\u{E002}"

    /// The option `name` (as the request names it: `region`, `max-reject-rate`), with an example
    /// value, marked for a front end to spell.
    public static func mention(_ name: String, _ value: String? = nil) -> String {
        "\(open)\(name)" + (value.map { "\(separator)\($0)" } ?? "") + "\(close)"
    }

    /// `text` with each mention replaced by `spell(name, value)`.
    public static func spelled(_ text: String, _ spell: (_ name: String, _ value: String?) -> String) -> String {
        guard text.contains(open) else { return text }
        var result = "", rest = Substring(text)
        while let start = rest.firstIndex(of: open), let end = rest[start...].firstIndex(of: close) {
            result += rest[..<start]
            let inner = rest[rest.index(after: start)..<end]
            if let split = inner.firstIndex(of: separator) {
                result += spell(String(inner[..<split]), String(inner[inner.index(after: split)...]))
            } else {
                result += spell(String(inner), nil)
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// The spelling when no front end chose one: `` `map region=COLUMN` ``.
    public static func plain(_ text: String) -> String {
        spelled(text) { name, value in "`" + name + (value.map { " " + $0 } ?? "") + "`" }
    }
}
