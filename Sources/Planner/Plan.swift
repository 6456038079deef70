import PlannerCore

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
    /// What a reviewer should know before trusting the plan: festivals that could not be dated,
    /// channels whose reach is zero for want of a contact column. Printed on standard error too.
    public let warnings: [String]

    public init(
        name: String, country: String, currency: String, period: Brief.Period, asOf: CivilDate, budget: Money, assumptions: [Assumption],
        segments: [PlanSegment], excluded: [Exclusion], lines: [PlanLine], messages: [PlanMessage], certificate: PlanCertificate,
        totals: PlanTotals, input: InputSummary, warnings: [String] = []
    ) {
        self.name = name
        self.country = country
        self.currency = currency
        self.period = period
        self.asOf = asOf
        self.budget = budget
        self.assumptions = assumptions
        self.segments = segments
        self.excluded = excluded
        self.lines = lines
        self.messages = messages
        self.certificate = certificate
        self.totals = totals
        self.input = input
        self.warnings = warnings
    }
}

/// One assumption the plan rests on, as the brief (or a default) gave it.
public struct Assumption: Sendable, Equatable {
    public let key: String
    public let value: String
    /// `brief`, `default`, or the data file it came from.
    public let source: String

    public init(key: String, value: String, source: String) {
        self.key = key
        self.value = value
        self.source = source
    }
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

    public init(
        id: String, region: String, regionName: String, language: String, customers: Int, reachable: [String: Int], spend: Money,
        orders: Int, active90d: Int, imputedLanguage: Int, status: String, festivals: [String]
    ) {
        self.id = id
        self.region = region
        self.regionName = regionName
        self.language = language
        self.customers = customers
        self.reachable = reachable
        self.spend = spend
        self.orders = orders
        self.active90d = active90d
        self.imputedLanguage = imputedLanguage
        self.status = status
        self.festivals = festivals
    }
}

/// Something left out of the plan, and why (a segment too small, a channel with no message).
public struct Exclusion: Sendable, Equatable {
    public let segment: String
    public let festival: String?
    public let channel: String?
    public let reason: String

    public init(segment: String, festival: String?, channel: String?, reason: String) {
        self.segment = segment
        self.festival = festival
        self.channel = channel
        self.reason = reason
    }
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

    public init(
        id: String, segment: String, region: String, language: String, festival: String, festivalName: String, festivalDate: CivilDate,
        channel: String, template: String, flight: Flight, costPerMessage: Double, status: String, forecast: LineForecast
    ) {
        self.id = id
        self.segment = segment
        self.region = region
        self.language = language
        self.festival = festival
        self.festivalName = festivalName
        self.festivalDate = festivalDate
        self.channel = channel
        self.template = template
        self.flight = flight
        self.costPerMessage = costPerMessage
        self.status = status
        self.forecast = forecast
    }
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

    public init(
        segment: String, festival: String, channel: String, template: String, language: String, fallbackFrom: String?, text: String,
        encoding: String, smsSegments: Int, costPerMessage: Double
    ) {
        self.segment = segment
        self.festival = festival
        self.channel = channel
        self.template = template
        self.language = language
        self.fallbackFrom = fallbackFrom
        self.text = text
        self.encoding = encoding
        self.smsSegments = smsSegments
        self.costPerMessage = costPerMessage
    }
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

    public init(
        method: String, objective: Double, dualBound: Double, gap: Double, relativeGap: Double, maxViolation: Double, lambda: Double,
        binding: [String]
    ) {
        self.method = method
        self.objective = objective
        self.dualBound = dualBound
        self.gap = gap
        self.relativeGap = relativeGap
        self.maxViolation = maxViolation
        self.lambda = lambda
        self.binding = binding
    }
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

    public init(
        budget: Money, allocated: Money, unspent: Money, unspentReasons: [String], messages: Int, conversions: Range3, revenue: Range3,
        roi: Double?
    ) {
        self.budget = budget
        self.allocated = allocated
        self.unspent = unspent
        self.unspentReasons = unspentReasons
        self.messages = messages
        self.conversions = conversions
        self.revenue = revenue
        self.roi = roi
    }
}

public struct InputSummary: Sendable, Equatable {
    public let file: String
    public let rowsRead: Int
    public let accepted: Int
    /// Rejected rows per reason, sorted by reason.
    public let rejects: [String: Int]

    public init(file: String, rowsRead: Int, accepted: Int, rejects: [String: Int]) {
        self.file = file
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejects = rejects
    }
}
