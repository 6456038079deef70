import PlannerCore
import PlannerIO

/// Deterministic SVG text: fixed number formatting, escaped labels, a font list that covers
/// India's scripts.
enum SVGText {
    /// Fonts tried in order: Latin first, then each Indic script's Noto family and the fonts
    /// Windows ships for Indic text, so a Tamil or Urdu label finds glyphs in a browser.
    static let fontFamily =
        "'Noto Sans', 'Noto Sans Devanagari', 'Noto Sans Bengali', 'Noto Sans Tamil', 'Noto Sans Telugu', "
        + "'Noto Sans Kannada', 'Noto Sans Malayalam', 'Noto Sans Gujarati', 'Noto Sans Gurmukhi', "
        + "'Noto Sans Oriya', 'Noto Nastaliq Urdu', 'Noto Naskh Arabic', 'Nirmala UI', 'Mangal', sans-serif"

    /// A coordinate with at most two decimals and no trailing zeros: 12.5 → "12.5", 3.0 → "3",
    /// 1/3 → "0.33". Independent of locale.
    static func number(_ value: Double) -> String {
        var text = DecimalText.fixed(value, places: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Escapes text for element content and double-quoted attributes.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// The opening `<svg>` element with a white background and the font list.
    static func header(width: Double, height: Double, title: String) -> String {
        let w = number(width)
        let h = number(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            font-family="\(fontFamily)" font-size="12" role="img" aria-label="\(escape(title))">
            <title>\(escape(title))</title>
            <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>
            <text x="8" y="20" font-size="15" font-weight="bold">\(escape(title))</text>

            """
    }

    /// Colours for series (channels), in order of first appearance.
    static let palette = ["#4472c4", "#ed7d31", "#70ad47", "#ffc000", "#5b9bd5", "#a5a5a5", "#7030a0", "#c00000"]
}
