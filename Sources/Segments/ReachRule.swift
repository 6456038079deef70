/// When a customer counts as reachable on a channel.
///
/// By default a customer is reachable when the channel's opt-in says yes **and** the contact the
/// channel sends to is present (phone for SMS and WhatsApp, email, push token). Many planning
/// exports leave contacts out on purpose (they are personal data); for planning, the team may
/// declare the opt-in flag enough (`reach: opt_in`, `--reach opt-in`). The plan records the
/// choice among its assumptions; send lists (`audience`) still need the contact.
public enum ReachRule: String, Sendable, CaseIterable {
    /// Opted in and the contact present (the default).
    case contact
    /// Opted in, whether or not the export holds the contact.
    case optIn = "opt_in"

    /// The rule a user's spelling names: `contact`, or `opt_in` (`opt-in`, `optin`); any case.
    public init?(text: String) {
        switch text.lowercased().filter({ $0.isLetter }) {
        case "contact": self = .contact
        case "optin": self = .optIn
        default: return nil
        }
    }

    /// Every spelling ``init(text:)`` takes, for error hints.
    public static let spellings = "contact (the default: opt-in and contact), opt_in (the opt-in flag is enough)"

    /// The contact field each channel sends to, in ``Channel/allCases`` order.
    public static let contactFields: [CanonicalField] = [.phone, .phone, .email, .pushToken]

    /// The opt-in field of each channel, in ``Channel/allCases`` order.
    public static let optInFields: [CanonicalField] = [.smsOptIn, .whatsappOptIn, .emailOptIn, .pushOptIn]
}
