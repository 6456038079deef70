import Locales
import PlannerCore
import PlannerIO

/// Customers reachable per ``Channel``.
public struct ChannelCounts: Sendable, Hashable {
    /// Customers reachable (or opted in) on SMS, WhatsApp, email and push.
    public var sms = 0, whatsapp = 0, email = 0, push = 0

    /// Counts per channel, zero unless given.
    public init(sms: Int = 0, whatsapp: Int = 0, email: Int = 0, push: Int = 0) {
        self.sms = sms
        self.whatsapp = whatsapp
        self.email = email
        self.push = push
    }

    /// The count for one channel, read or written.
    public subscript(channel: Channel) -> Int {
        get {
            switch channel {
            case .sms: sms
            case .whatsapp: whatsapp
            case .email: email
            case .push: push
            }
        }
        set {
            switch channel {
            case .sms: sms = newValue
            case .whatsapp: whatsapp = newValue
            case .email: email = newValue
            case .push: push = newValue
            }
        }
    }
}

/// The measures of one segment: how many customers, how many each channel reaches, their value
/// and recency, and how many had their language imputed.
public struct SegmentCell: Sendable, Hashable {
    /// Accepted customers in the segment (rejected rows are not counted).
    public var customers = 0
    /// Customers reachable per channel: `cell.reachable[.whatsapp]`.
    public var reachable = ChannelCounts()
    /// Customers whose opt-in for the channel says yes, with or without the contact.
    public var optedIn = ChannelCounts()
    /// Total spend.
    public var spend = Money.zero
    /// The customers' orders added together (the `orders` column; 0 where missing).
    public var orders = 0
    /// Customers whose last order is within the 90 (180, 365) days ending on the as-of date.
    public var active90d = 0, active180d = 0, active365d = 0
    /// Customers whose language was missing or unknown and drawn from the region's shares.
    public var imputedLanguage = 0

    /// An empty cell: every measure zero.
    public init() {}

    /// Mean spend per customer.
    public var meanSpend: Money { spend.divided(by: customers) }

    /// Adds another cell's measures (merging segments).
    public mutating func add(_ other: SegmentCell) {
        customers += other.customers
        for channel in Channel.allCases {
            reachable[channel] += other.reachable[channel]
            optedIn[channel] += other.optedIn[channel]
        }
        spend = spend + other.spend
        orders += other.orders
        active90d += other.active90d
        active180d += other.active180d
        active365d += other.active365d
        imputedLanguage += other.imputedLanguage
    }
}

/// A segment's coordinates: an ISO 3166-2 region code (`IN-TN`) and a BCP 47 language (`ta`),
/// and, when segments are cut further (``SegmentDimension``), a group such as the value tier
/// `lapsed`.
public struct SegmentKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ISO 3166-2 region code (`IN-TN`), as normalised by the locale catalog.
    public let region: String
    /// The BCP 47 language code (`ta`), normalised by the locale catalog or imputed.
    public let language: String
    /// The group of the extra dimension (`champions`, `active_90d`), nil when there is none or
    /// for a segment merging every group.
    public let group: String?

    /// A key for `region`, `language` and `group`, taken as given (not normalised).
    public init(region: String, language: String, group: String? = nil) {
        self.region = region
        self.language = language
        self.group = group
    }

    /// `region/language[/group]`, e.g. `IN-TN/ta` or `IN-KA/kn/lapsed`.
    public var description: String { "\(region)/\(language)" + (group.map { "/\($0)" } ?? "") }

    /// Byte order of region, then of language, then the group (none first): the output order
    /// of every command.
    public static func < (lhs: SegmentKey, rhs: SegmentKey) -> Bool {
        if lhs.region != rhs.region { return lhs.region.utf8.lexicographicallyPrecedes(rhs.region.utf8) }
        if lhs.language != rhs.language { return lhs.language.utf8.lexicographicallyPrecedes(rhs.language.utf8) }
        switch (lhs.group, rhs.group) {
        case (nil, nil), (.some, nil): return false
        case (nil, .some): return true
        case (.some(let a), .some(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }
}

/// Customers aggregated by region and language: the segment cube. Only non-empty cells are held.
///
/// ```swift
/// let result = try SegmentReader(catalog: catalog, country: "IN", asOf: asOf).read(path: "customers.csv")
/// result.cube[region: "IN-TN", language: "ta"]?.reachable[.whatsapp]
/// ```
public struct SegmentCube: Sendable, Equatable {
    /// The country the regions belong to (`IN`).
    public let country: String
    /// The non-empty cells by segment; a dictionary, so use `sortedCells` for output order.
    public let cells: [SegmentKey: SegmentCell]

    /// A cube of `cells`, dropping those with no customers.
    public init(country: String, cells: [SegmentKey: SegmentCell]) {
        self.country = country
        self.cells = cells.filter { $0.value.customers > 0 }
    }

    /// The cell of a region and language, or nil when no customer is in it.
    public subscript(region region: String, language language: String) -> SegmentCell? {
        cells[SegmentKey(region: region, language: language)]
    }

    /// The cells sorted by region, then language.
    public var sortedCells: [(key: SegmentKey, cell: SegmentCell)] {
        cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// All cells added together.
    public var total: SegmentCell {
        var sum = SegmentCell()
        for cell in cells.values { sum.add(cell) }
        return sum
    }
}
