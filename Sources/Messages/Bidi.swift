import ICUKit

/// Bidi marks for right-to-left messages (Urdu, Kashmiri, Sindhi in Arabic script).
///
/// Phones pick a message's direction from its first strong character, so `Asha، عید مبارک!` lays
/// out left to right. We start every RTL message with RIGHT-TO-LEFT MARK (U+200F, 1 UCS-2 unit)
/// and wrap placeables that hold Latin text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
/// (U+2068 … U+2069, 2 units). Recipient values are always wrapped in RTL messages (whatever
/// script the value is in, FSI picks its direction) so that the fixed text registered with DLT
/// is the same for every recipient. Why FSI/PDI over a second RLM after each placeable: the
/// isolate also keeps neutral punctuation next to a Latin name on the right side, for 2 units
/// per placeable; a typical Urdu SMS pays 3–5 extra units, rarely an extra segment.
public enum Bidi {
    /// RIGHT-TO-LEFT MARK (U+200F), put first in every RTL message.
    public static let rlm: Unicode.Scalar = "\u{200F}"
    /// FIRST STRONG ISOLATE (U+2068), opens a wrapped value.
    public static let fsi: Unicode.Scalar = "\u{2068}"
    /// POP DIRECTIONAL ISOLATE (U+2069), closes a wrapped value.
    public static let pdi: Unicode.Scalar = "\u{2069}"

    /// `value` inside FSI … PDI.
    public static func isolate(_ value: String) -> String { "\u{2068}\(value)\u{2069}" }

    /// Whether `value` starts (by its first strong character) left to right: Latin names, codes, URLs.
    public static func isLeftToRight(_ value: String) -> Bool { TextMetrics.direction(value) == .leftToRight }

    /// `text` starting with RLM (added once).
    public static func startRightToLeft(_ text: String) -> String {
        text.unicodeScalars.first == rlm ? text : "\u{200F}" + text
    }

    /// Whether a scalar is one of the invisible direction marks we insert.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == rlm || scalar == fsi || scalar == pdi }
}
