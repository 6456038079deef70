/// A channel a campaign can reach a customer on. A customer is reachable on a channel when they
/// opted in to it and the contact it needs is present (phone for SMS and WhatsApp, email for
/// email, a device token for push).
public enum Channel: String, CaseIterable, Sendable, Codable, Comparable {
    /// `sms`, `whatsapp`, `email` and `push`, in the order every output lists channels.
    case sms, whatsapp, email, push

    /// The name a marketer writes: SMS, WhatsApp, email, push.
    public var displayName: String {
        switch self {
        case .sms: "SMS"
        case .whatsapp: "WhatsApp"
        case .email: "email"
        case .push: "push"
        }
    }

    /// Declaration order: SMS, WhatsApp, email, push.
    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
