import PlannerCore

/// A campaign plan: everything one `plan` run decided, with the reasons, ready to export.
///
/// Every number can be traced: a segment's size to its customer rows, a line's budget to the
/// optimiser's certificate and marginal return, a flight's dates to a festival rule and source.
public struct Plan: Sendable, Equatable {
    /// Bumped when the JSON layout changes incompatibly; `compare` refuses other versions.
    public static let schemaVersion = 1

    /// The campaign's name, from the brief.
    public let name: String
    /// The campaign's stable id (the brief's `campaign_id`, else its name as a slug): the key of
    /// the audience's holdout hash, so a customer stays held out in every plan of the campaign.
    public let campaignID: String
    /// The ISO 3166 country code whose regions, languages and calendars the plan uses (`IN`).
    public let country: String
    /// The ISO 4217 code every money figure is in (`INR`).
    public let currency: String
    /// The campaign's first and last day (inclusive).
    public let period: Brief.Period
    /// The day the plan was made for (`--today`): activity windows count back from it.
    public let asOf: CivilDate
    /// The most the plan may spend (the brief's budget).
    public let budget: Money
    /// The brief's fields and the defaults the plan used, in the brief's order.
    public let assumptions: [Assumption]
    /// The segments kept after the substantiality roll-up, sorted by id.
    public let segments: [PlanSegment]
    /// What was left out (segments, festivals, channels), each with its reason.
    public let excluded: [Exclusion]
    /// The budget lines, one per segment × festival × channel that gets money, in id order.
    public let lines: [PlanLine]
    /// The sample message of each line's segment, festival and channel.
    public let messages: [PlanMessage]
    /// The optimiser's proof that the split is the best for the assumptions.
    public let certificate: PlanCertificate
    /// The plan's sums: budget, allocated, unspent, messages and forecasts.
    public let totals: PlanTotals
    /// Customer rows read, accepted and rejected (per reason).
    public let input: InputSummary
    /// What a reviewer should know before trusting the plan: festivals that could not be dated,
    /// channels whose reach is zero for want of a contact column. Printed on standard error too.
    public let warnings: [String]
    /// How segments were cut beyond region and language (ids `IN-UP/hi/at_risk`), nil when they were not.
    public let segmentation: PlanSegmentation?

    /// A plan as ``PlanBuilder`` assembles it; the lists are kept in the order given.
    public init(
        name: String, campaignID: String, country: String, currency: String, period: Brief.Period, asOf: CivilDate, budget: Money,
        assumptions: [Assumption],
        segments: [PlanSegment], excluded: [Exclusion], lines: [PlanLine], messages: [PlanMessage], certificate: PlanCertificate,
        totals: PlanTotals, input: InputSummary, warnings: [String] = [], segmentation: PlanSegmentation? = nil
    ) {
        self.segmentation = segmentation
        self.name = name
        self.campaignID = campaignID
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
public struct Assumption: Sendable, Equatable, Codable {
    /// The brief field, dotted for nested ones (`sms.cost_per_message`, `segmentation.min_customers`).
    public let key: String
    /// The value as text, as the plan used it (`0.1200`).
    public let value: String
    /// `brief`, `default`, or the data file it came from.
    public let source: String

    /// An assumption `key` = `value`, taken from `source`.
    public init(key: String, value: String, source: String) {
        self.key = key
        self.value = value
        self.source = source
    }
}

/// A segment that passed substantiality: a region (or zone, or the country) and a language.
public struct PlanSegment: Sendable, Equatable, Codable {
    /// `IN-WB/bn`, `IN:east/hi`, `IN/mai`.
    public let id: String
    /// The ISO 3166-2 region (`IN-WB`), a zone (`IN:east`) or the country (`IN`) after a roll-up.
    public let region: String
    /// The region's English name (`West Bengal`, `East zone`, `India`).
    public let regionName: String
    /// The language code (`bn`, `hi`, `mai`).
    public let language: String
    /// Customers in the segment (accepted rows).
    public let customers: Int
    /// Reachable customers per channel name.
    public let reachable: [String: Int]
    /// The segment's customers' total spend, from the export.
    public let spend: Money
    /// The segment's customers' total orders.
    public let orders: Int
    /// Customers who ordered in the 90 days before the plan's day.
    public let active90d: Int
    /// Customers whose language was missing and imputed from the region's language shares.
    public let imputedLanguage: Int
    /// `kept` or what was merged into it.
    public let status: String
    /// Festivals whose windows this segment gets flights for.
    public let festivals: [String]

    /// A segment with its figures as the segment cube summed them.
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
public struct Exclusion: Sendable, Equatable, Codable {
    /// The segment's id (`IN-DL/bn`), or the one it would have had.
    public let segment: String
    /// The festival left out for the segment; `nil` when the whole segment is.
    public let festival: String?
    /// The channel left out; `nil` when every channel is (or the whole segment).
    public let channel: String?
    /// Why, in words a marketer can act on (`not funded: its first rupee returns 0.9870, ...`).
    public let reason: String

    /// An exclusion of `segment` (and of one festival or channel of it, when given) for `reason`.
    public init(segment: String, festival: String?, channel: String?, reason: String) {
        self.segment = segment
        self.festival = festival
        self.channel = channel
        self.reason = reason
    }
}

/// One line of the plan: a segment hears about a festival on a channel, with a budget.
public struct PlanLine: Sendable, Equatable {
    /// `L0001`...: the line's position in the plan (ids shift between plans; see ``key``).
    public let id: String
    /// The segment's id (`IN-WB/bn`).
    public let segment: String
    /// The segment's region (`IN-WB`, `IN:east`, `IN`).
    public let region: String
    /// The segment's language code.
    public let language: String
    /// The festival's id in `calendars/` (`durga_puja`).
    public let festival: String
    /// The festival's English name (`Durga Puja`).
    public let festivalName: String
    /// The festival's principal day in the segment's region or community.
    public let festivalDate: CivilDate
    /// The channel (`sms`, `whatsapp`, `email`, `push`).
    public let channel: String
    /// The message template's id (`festive-offer`).
    public let template: String
    /// When and at what hours the line sends.
    public let flight: Flight
    /// What one message costs in the plan's currency (an SMS: price per segment × segments).
    public let costPerMessage: Double
    /// The optimiser's status of the cell (`interior`, `atUpper`, ...).
    public let status: String
    /// What the line's budget is expected to achieve (low / base / high).
    public let forecast: LineForecast
    /// The line's budget: what its forecast costs.
    public var budget: Money { forecast.cost }
    /// What identifies a line across plans: its segment, festival and channel
    /// (`IN-WB/bn durga_puja sms`). Line ids (`L0007`) are positions and shift between plans.
    public var key: String { "\(segment) \(festival) \(channel)" }

    /// A line as the plan builder lays it out.
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
public struct PlanMessage: Sendable, Equatable, Codable {
    /// The segment's id.
    public let segment: String
    /// The festival's id.
    public let festival: String
    /// The channel.
    public let channel: String
    /// The template's id.
    public let template: String
    /// The language of the text (a fallback's, when the segment's has no translation).
    public let language: String
    /// The segment's language when the text is a fallback's; `nil` when it is the segment's own.
    public let fallbackFrom: String?
    /// The rendered message, as the customer reads it.
    public let text: String
    /// `GSM-7` or `UCS-2` for SMS; empty otherwise.
    public let encoding: String
    /// SMS segments per message (1 for other channels).
    public let smsSegments: Int
    /// What one message costs in the plan's currency (an SMS: price per segment × segments).
    public let costPerMessage: Double

    /// A rendered sample message with its SMS facts.
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
public struct PlanCertificate: Sendable, Equatable, Codable {
    /// How the solver reached whole messages (`wholeMessageRounding`).
    public let method: String
    /// The expected revenue of the allocation (base case), in currency units.
    public let objective: Double
    /// An upper bound on any feasible allocation's revenue (Lagrangian dual).
    public let dualBound: Double
    /// `dualBound − objective`: how much better any allocation could be, at most.
    public let gap: Double
    /// ``gap`` as a share of ``objective``.
    public let relativeGap: Double
    /// The largest amount by which any constraint is exceeded (0 for a feasible split).
    public let maxViolation: Double
    /// Revenue of the last rupee spent (the budget's shadow price).
    public let lambda: Double
    /// Binding caps: name, kind, multiplier.
    public let binding: [String]

    /// A certificate in the plan's units.
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

/// The plan's sums, reconciled: `allocated` is the lines' budgets summed to the paisa, and
/// `allocated + unspent == budget`.
public struct PlanTotals: Sendable, Equatable, Codable {
    /// The brief's budget.
    public let budget: Money
    /// The lines' budgets, summed.
    public let allocated: Money
    /// `budget − allocated`.
    public let unspent: Money
    /// Why money is left, in words (`the rest buys less than one whole message (148 cells)`).
    public let unspentReasons: [String]
    /// Messages the lines' budgets buy, summed.
    public let messages: Int
    /// Expected purchases, summed over the lines (low / base / high).
    public let conversions: Range3
    /// Expected revenue in currency units, summed over the lines (low / base / high).
    public let revenue: Range3
    /// (revenue − allocated) / allocated at the base rates; `nil` when nothing is allocated.
    public let roi: Double?

    /// Totals as the plan builder summed them.
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

/// What the customer file gave the plan.
public struct InputSummary: Sendable, Equatable, Codable {
    /// The customer file's path, as the brief (or `--customers`) named it.
    public let file: String
    /// The file's size in bytes when the plan read it.
    public let size: Int
    /// The file's SHA-256 (lower-case hex) when the plan read it: `audience` refuses a file that
    /// has changed since.
    public let sha256: String
    /// The brief's column choices (canonical field: the export's column); common names need none.
    public let columns: [String: String]
    /// How the export writes dates (`dd/mm/yyyy`), `nil` for ISO.
    public let dateFormat: String?
    /// Data rows read (the header not counted).
    public let rowsRead: Int
    /// Rows that became customers of a segment.
    public let accepted: Int
    /// Rejected rows per reason, sorted by reason.
    public let rejects: [String: Int]
    /// Where the customers were when not in a CSV export: `cube` (``file`` is the cube file) or
    /// `postgres` (``file`` is the server's URL without a password, ``table`` its table).
    public let source: String?
    /// The PostgreSQL table the customers were segmented in (with ``source`` `postgres`).
    public let table: String?

    /// A summary of `rowsRead` rows, `accepted` of them kept, from the file of `size` bytes and
    /// digest `sha256`, read with the brief's `columns` and `dateFormat`.
    public init(
        file: String, size: Int = 0, sha256: String = "", columns: [String: String] = [:], dateFormat: String? = nil, rowsRead: Int,
        accepted: Int, rejects: [String: Int], source: String? = nil, table: String? = nil
    ) {
        self.source = source
        self.table = table
        self.file = file
        self.size = size
        self.sha256 = sha256
        self.columns = columns
        self.dateFormat = dateFormat
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejects = rejects
    }
}

extension Plan {
    /// The same plan with another ``input``: for a front end that copies a PostgreSQL table into
    /// a file and hands the audience that file, recorded as the plan's input.
    public func replacingInput(_ input: InputSummary) -> Plan {
        Plan(
            name: name, campaignID: campaignID, country: country, currency: currency, period: period, asOf: asOf, budget: budget,
            assumptions: assumptions, segments: segments, excluded: excluded, lines: lines, messages: messages, certificate: certificate,
            totals: totals, input: input, warnings: warnings, segmentation: segmentation)
    }
}
