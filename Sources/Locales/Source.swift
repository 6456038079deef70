/// Where a fact came from: every language fact, population and share in `locales/` names one.
public struct Source: Codable, Hashable, Sendable {
    public let id: String
    public let title: String
    public let publisher: String?
    public let url: String?
    public let year: Int?
    /// How figures were derived from the source, when not copied as they stand.
    public let note: String?
}
