/// Where a fact came from: every language fact, population and share in `locales/` names one.
public struct Source: Codable, Hashable, Sendable {
    /// The source's id, as `sources:` lists elsewhere in the file refer to it (`census2011-c16`).
    public let id: String
    /// The source's title as cited (a table, a standard, a gazette).
    public let title: String
    /// Who published it (an office, a standards body), if recorded.
    public let publisher: String?
    /// Where it can be read online, if it can.
    public let url: String?
    /// The year of the edition used, if recorded.
    public let year: Int?
    /// How figures were derived from the source, when not copied as they stand.
    public let note: String?
}
