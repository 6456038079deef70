import ICUKit

/// A campaign plan: everything one `plan` run decided, with the reasons, ready to export.
///
/// Every number can be traced: a segment's size to its customer rows, a line's budget to the
/// optimiser's certificate and marginal return, a flight's dates to a festival rule and source.
public struct Plan: Sendable {
    /// Bumped when the JSON layout changes incompatibly; `compare` refuses other versions.
    public static let schemaVersion = 1

    public let name: String
    public let country: String
    public let currency: String
    public let period: Brief.Period
    /// The day the plan was made for (`--today`): activity windows count back from it.
    public let asOf: CivilDate
    public let budget: Money
    public let assumptions: [Assumption]
    public let segments: [PlanSegment]
    public let excluded: [Exclusion]
    public let lines: [PlanLine]
    public let messages: [PlanMessage]
    public let certificate: PlanCertificate
    public let totals: PlanTotals
    /// Customer rows read, accepted and rejected (per reason).
    public let input: InputSummary
}

/// One assumption the plan rests on, as the brief (or a default) gave it.
public struct Assumption: Sendable, Equatable {
    public let key: String
    public let value: String
    /// `brief`, `default`, or the data file it came from.
    public let source: String
}

/// A segment that passed substantiality: a region (or zone, or the country) and a language.
public struct PlanSegment: Sendable, Equatable {
    /// `IN-WB/bn`, `IN:east/hi`, `IN/mai`.
    public let id: String
    public let region: String
    public let regionName: String
    public let language: String
    public let customers: Int
    /// Reachable customers per channel name.
    public let reachable: [String: Int]
    public let spend: Money
    public let orders: Int
    public let active90d: Int
    public let imputedLanguage: Int
    /// `kept` or what was merged into it.
    public let status: String
    /// Festivals whose windows this segment gets flights for.
    public let festivals: [String]
}

/// Something left out of the plan, and why (a segment too small, a channel with no message).
public struct Exclusion: Sendable, Equatable {
    public let segment: String
    public let festival: String?
    public let channel: String?
    public let reason: String
}

/// One line of the plan: a segment hears about a festival on a channel, with a budget.
public struct PlanLine: Sendable, Equatable {
    public let id: String
    public let segment: String
    public let region: String
    public let language: String
    public let festival: String
    public let festivalName: String
    public let festivalDate: CivilDate
    public let channel: String
    public let template: String
    public let flight: Flight
    public let costPerMessage: Double
    /// The optimiser's status of the cell (`interior`, `atUpper`, ...).
    public let status: String
    public let forecast: LineForecast
    public var budget: Money { forecast.cost }
}

/// The sample message a segment receives on a channel for a festival.
public struct PlanMessage: Sendable, Equatable {
    public let segment: String
    public let festival: String
    public let channel: String
    public let template: String
    /// The language of the text (a fallback's, when the segment's has no translation).
    public let language: String
    public let fallbackFrom: String?
    public let text: String
    /// `GSM-7` or `UCS-2` for SMS; empty otherwise.
    public let encoding: String
    /// SMS segments per message (1 for other channels).
    public let smsSegments: Int
    public let costPerMessage: Double
}

/// The optimiser's proof, in the units of the plan.
public struct PlanCertificate: Sendable, Equatable {
    public let method: String
    public let objective: Double
    public let dualBound: Double
    public let gap: Double
    public let relativeGap: Double
    public let maxViolation: Double
    /// Revenue of the last rupee spent (the budget's shadow price).
    public let lambda: Double
    /// Binding caps: name, kind, multiplier.
    public let binding: [String]
}

public struct PlanTotals: Sendable, Equatable {
    public let budget: Money
    public let allocated: Money
    public let unspent: Money
    public let unspentReasons: [String]
    public let messages: Int
    public let conversions: Range3
    public let revenue: Range3
    public let roi: Double?
}

public struct InputSummary: Sendable, Equatable {
    public let file: String
    public let rowsRead: Int
    public let accepted: Int
    /// Rejected rows per reason, sorted by reason.
    public let rejects: [String: Int]
}
