import PlannerCore
import PlannerIO

/// A campaign brief: what the marketing team decides, read from YAML (documented field by field in
/// the README). Unknown fields are errors, so a typo is never silently ignored; every field that
/// has a sensible default may be left out.
public struct Brief: Decodable, Sendable {
    /// The campaign's name, shown on every output.
    public let name: String
    /// The campaign's stable id (`campaign_id`); `nil` means ``campaignID`` is made from the name.
    public let explicitCampaignID: String?
    /// ISO 3166-1 code of the country (`IN`, `MY`); its `locales/` and `calendars/` files are used.
    public let country: String
    /// First and last day of the campaign (inclusive).
    public let period: Period
    /// ISO 4217 code; defaults to the country's currency.
    public let currency: String?
    /// The total budget, in the currency's units (rupees); the plan spends at most this.
    public let budget: Double
    /// Spend only while the next rupee returns at least this much value (default 1: never spend
    /// a rupee that returns less than a rupee, so the plan never buys a loss).
    public let minMarginalReturn: Double
    /// The customer export to plan for: a CSV path, or a `customers` block with column names and date format.
    public let customers: Customers
    /// Channels by name (`sms`, `whatsapp`, `email`, `push`): at least one.
    public let channels: [String: ChannelAssumptions]
    /// Segment size thresholds and limits; `Segmentation.standard` when the brief has no `segmentation`.
    public let segmentation: Segmentation
    /// Festival ids to plan for; `nil` (or `all`) means every festival in the period.
    public let festivals: [String]?
    /// At most `messages` messages per customer in any `days` days, across the whole plan.
    public let frequencyCap: FrequencyCap
    /// Which template each festival's messages use; `festive-offer` for all when the brief has no `templates`.
    public let templates: Templates
    /// Campaign-wide message argument values (`discount: 20`, `brand: ShopKart`).
    public let arguments: [String: String]
    /// Share of each segment held out as a control group (not messaged), 0 to 0.5.
    public let holdout: Double
    /// Festival ids in priority order: when a customer's segment has overlapping festival windows,
    /// the earlier festival here is the primary one. Unlisted festivals follow by date.
    public let priority: [String]
    /// A calibration file from `campaign-planner results` (relative to the brief): learned
    /// response rates replace the brief's where it has them. `nil`: the brief's rates only.
    public let calibration: String?

    /// The campaign's days, `start` to `end` inclusive; the loader rejects periods ending before they start or over 366 days.
    public struct Period: Codable, Sendable, Equatable {
        /// The first day of the campaign (inclusive), a civil (Gregorian) date.
        public let start: CivilDate
        /// The last day of the campaign (inclusive).
        public let end: CivilDate

        /// A period from `start` to `end`, both inclusive; not validated here.
        public init(start: CivilDate, end: CivilDate) {
            self.start = start
            self.end = end
        }
    }

    /// Where the customers are and how their columns are named.
    public struct Customers: Decodable, Sendable {
        /// A CSV path, relative to the brief's folder; empty when the customers are a ``cube`` or
        /// in ``postgres``.
        public let file: String
        /// A cube file (the result of `segments --emit-sql` run in a warehouse), relative to the
        /// brief's folder, read instead of an export.
        public var cube: String? = nil
        /// A PostgreSQL URL without a password (`postgres://user@host/db`), whose ``table`` is
        /// segmented on the server; the password comes from `PGPASSWORD` or `~/.pgpass`.
        public var postgres: String? = nil
        /// The table holding the customers, with ``postgres`` (`name` or `schema.name`).
        public var table: String? = nil
        /// Canonical field → source column (`region: state`); common headers need none.
        public let columns: [String: String]
        /// How the export writes dates (`dd/mm/yyyy`); ISO when absent.
        public let dateFormat: String?
        /// `opt_in` when the opt-in flag alone makes a customer reachable (exports without
        /// contacts); `contact` (the default) when the contact must be present too.
        public let reach: String?
    }

    /// What one channel costs and returns.
    public struct ChannelAssumptions: Decodable, Sendable {
        /// Cost of one message; for SMS, of one segment (a 2-segment SMS costs twice this).
        public let costPerMessage: Double
        /// Responses (clicks, replies) per customer reached, low / base / high.
        public let responseRate: Rates
        /// Share of responses that become a purchase (default 1: a response is a conversion).
        public let conversionRate: Double
        /// Value of one conversion: `value_per_conversion`, or `average_order_value × margin`.
        public let valuePerConversion: Double
        /// Spend at most this on the channel (`nil`: no cap).
        public let cap: Double?
        /// Local send hours, e.g. `09:00`-`21:00` (TRAI's window for promotional SMS).
        public let sendWindow: SendWindow
        /// Days before a festival's principal day the flight starts.
        public let leadDays: Int
        /// Days after the principal day the flight runs on.
        public let followUpDays: Int

        enum CodingKeys: String, CodingKey {
            case costPerMessage = "cost_per_message", responseRate = "response_rate", valuePerConversion = "value_per_conversion"
            case cap, sendWindow = "send_window", leadDays = "lead_days", followUpDays = "follow_up_days"
            case conversionRate = "conversion_rate", averageOrderValue = "average_order_value", margin
        }

        /// Decodes a channel from the brief, applying defaults: conversion 1, window 09:00-21:00, 7 lead days, 0 follow-up days.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            costPerMessage = try c.decode(Double.self, forKey: .costPerMessage)
            responseRate = try c.decode(Rates.self, forKey: .responseRate)
            conversionRate = try c.decodeIfPresent(Double.self, forKey: .conversionRate) ?? 1
            if let value = try c.decodeIfPresent(Double.self, forKey: .valuePerConversion) {
                valuePerConversion = value
            } else {
                valuePerConversion = try c.decode(Double.self, forKey: .averageOrderValue) * c.decode(Double.self, forKey: .margin)
            }
            cap = try c.decodeIfPresent(Double.self, forKey: .cap)
            sendWindow = try c.decodeIfPresent(SendWindow.self, forKey: .sendWindow) ?? SendWindow(start: "09:00", end: "21:00")
            leadDays = try c.decodeIfPresent(Int.self, forKey: .leadDays) ?? 7
            followUpDays = try c.decodeIfPresent(Int.self, forKey: .followUpDays) ?? 0
        }
    }

    /// Low, base and high response (conversion) rates per message delivered.
    public struct Rates: Codable, Sendable, Equatable {
        /// The pessimistic rate, a share of customers reached (0.01 is 1 %).
        public let low: Double
        /// The expected rate the plan is optimised for, a share of customers reached.
        public let base: Double
        /// The optimistic rate, a share of customers reached.
        public let high: Double

        /// Rates `low ≤ base ≤ high`; not validated here.
        public init(low: Double, base: Double, high: Double) {
            self.low = low
            self.base = base
            self.high = high
        }
    }

    /// The daily hours a channel may send in, local time of the region; `start` must be before `end`.
    public struct SendWindow: Decodable, Sendable, Equatable {
        /// `HH:MM`, local time of the region.
        public let start: String
        /// `HH:MM`, local time of the region: the end of the window (after `start`).
        public let end: String

        /// A window from `start` to `end`, both `HH:MM`; not validated here.
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// How segments are formed and which are big enough.
    public struct Segmentation: Decodable, Sendable {
        /// Segments with fewer customers roll up state → zone → country, or are dropped (default 500).
        public let minCustomers: Int
        /// Segments whose customers spent less than this, in currency units, roll up or are dropped (default 0).
        public let minSpend: Double
        /// Keep at most this many segments, the largest; the rest are dropped with a reason (default 200).
        public let maxSegments: Int
        /// Flag segments holding more than this share of all customers (`nil`: never).
        public let maxShare: Double?
        /// Every kept segment gets at least this budget (a coverage promise; default 0).
        public let minBudget: Double
        /// The dimensions segments are cut by (default `[region, language]`; at most one of
        /// `value_tier` and `activity` added, see `SegmentDimension`).
        public var by: [String] = ["region", "language"]

        enum CodingKeys: String, CodingKey {
            case minCustomers = "min_customers", minSpend = "min_spend", maxSegments = "max_segments", maxShare = "max_share"
            case minBudget = "min_budget", by
        }

        /// The defaults used for a brief without `segmentation`: 500 customers, no spend minimum, 200 segments.
        public static let standard = Segmentation(minCustomers: 500, minSpend: 0, maxSegments: 200, maxShare: nil, minBudget: 0)

        init(minCustomers: Int, minSpend: Double, maxSegments: Int, maxShare: Double?, minBudget: Double) {
            self.minCustomers = minCustomers
            self.minSpend = minSpend
            self.maxSegments = maxSegments
            self.maxShare = maxShare
            self.minBudget = minBudget
        }

        /// Decodes `segmentation`, taking each absent field from `standard`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minCustomers = try c.decodeIfPresent(Int.self, forKey: .minCustomers) ?? Self.standard.minCustomers
            minSpend = try c.decodeIfPresent(Double.self, forKey: .minSpend) ?? Self.standard.minSpend
            maxSegments = try c.decodeIfPresent(Int.self, forKey: .maxSegments) ?? Self.standard.maxSegments
            maxShare = try c.decodeIfPresent(Double.self, forKey: .maxShare)
            minBudget = try c.decodeIfPresent(Double.self, forKey: .minBudget) ?? 0
            by = try c.decodeIfPresent([String].self, forKey: .by) ?? ["region", "language"]
        }
    }

    /// A cap on messages per customer: at most `messages` in any `days` consecutive days (default 3 in 14).
    public struct FrequencyCap: Decodable, Sendable, Equatable {
        /// The most messages one customer may get within the window; at least 1.
        public let messages: Int
        /// The length of the rolling window in days; at least 1.
        public let days: Int

        /// A cap of `messages` per `days` days; not validated here.
        public init(messages: Int, days: Int) {
            self.messages = messages
            self.days = days
        }
    }

    /// Which message template each festival uses.
    public struct Templates: Decodable, Sendable {
        /// The template for festivals not listed in `festivals`.
        public let `default`: String
        /// Festival id → template id.
        public let festivals: [String: String]

        enum CodingKeys: String, CodingKey { case `default`, festivals }

        /// Decodes `templates`: `default` is required, `festivals` defaults to none.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            `default` = try c.decode(String.self, forKey: .default)
            festivals = try c.decodeIfPresent([String: String].self, forKey: .festivals) ?? [:]
        }

        init(default: String) {
            self.default = `default`
            self.festivals = [:]
        }

        /// The template for a festival.
        public func template(for festival: String) -> String { festivals[festival] ?? `default` }
    }

    enum CodingKeys: String, CodingKey {
        case name, campaignID = "campaign_id", country, period, currency, budget, customers, channels, segmentation, festivals, templates,
            arguments
        case holdout, priority, frequencyCap = "frequency_cap", minMarginalReturn = "min_marginal_return", calibration
    }

    /// Decodes a brief, filling defaults (country `IN`, holdout 0.05, cap 3 in 14 days); `BriefLoader` validates it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        explicitCampaignID = try c.decodeIfPresent(String.self, forKey: .campaignID)
        country = try c.decodeIfPresent(String.self, forKey: .country) ?? "IN"
        period = try c.decode(Period.self, forKey: .period)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        budget = try c.decode(Double.self, forKey: .budget)
        minMarginalReturn = try c.decodeIfPresent(Double.self, forKey: .minMarginalReturn) ?? 1
        if let file = try? c.decode(String.self, forKey: .customers) {
            customers = Customers(file: file, columns: [:], dateFormat: nil, reach: nil)
        } else {
            customers = try c.decode(Customers.self, forKey: .customers)
        }
        channels = try c.decode([String: ChannelAssumptions].self, forKey: .channels)
        segmentation = try c.decodeIfPresent(Segmentation.self, forKey: .segmentation) ?? .standard
        if let all = try? c.decode(String.self, forKey: .festivals), all == "all" {
            festivals = nil
        } else {
            festivals = try c.decodeIfPresent([String].self, forKey: .festivals)
        }
        frequencyCap = try c.decodeIfPresent(FrequencyCap.self, forKey: .frequencyCap) ?? FrequencyCap(messages: 3, days: 14)
        templates = try c.decodeIfPresent(Templates.self, forKey: .templates) ?? Templates(default: "festive-offer")
        arguments = try c.decodeIfPresent([String: String].self, forKey: .arguments) ?? [:]
        holdout = try c.decodeIfPresent(Double.self, forKey: .holdout) ?? 0.05
        priority = try c.decodeIfPresent([String].self, forKey: .priority) ?? []
        calibration = try c.decodeIfPresent(String.self, forKey: .calibration)
    }
}

extension Brief.Customers {
    enum CodingKeys: String, CodingKey {
        case file, columns
        case dateFormat = "date_format"
        case reach, cube, postgres, table
    }

    /// Decodes a `customers` block: one of `file`, `cube` and `postgres` (with `table`);
    /// `columns` defaults to none, `date_format` and `reach` to nil.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cube = try c.decodeIfPresent(String.self, forKey: .cube)
        postgres = try c.decodeIfPresent(String.self, forKey: .postgres)
        table = try c.decodeIfPresent(String.self, forKey: .table)
        let given = [c.contains(.file), cube != nil, postgres != nil].filter { $0 }.count
        guard given == 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: given == 0 ? .file : .postgres, in: c,
                debugDescription: "give one of file (a CSV export), cube (a cube file) and postgres (a URL, with table)")
        }
        if postgres != nil && table == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .postgres, in: c, debugDescription: "postgres needs table, the table holding the customers")
        }
        file = try c.decodeIfPresent(String.self, forKey: .file) ?? ""
        columns = try c.decodeIfPresent([String: String].self, forKey: .columns) ?? [:]
        dateFormat = try c.decodeIfPresent(String.self, forKey: .dateFormat)
        reach = try c.decodeIfPresent(String.self, forKey: .reach)
    }
}

extension Brief {
    /// The campaign's stable id: `campaign_id` when the brief gives one, else the name as a slug
    /// (ASCII letters and digits lower-cased, every other run of characters one `-`:
    /// `Festive season 2026 — India` → `festive-season-2026-india`); a name with no ASCII letter or
    /// digit gives `campaign-` and the first 12 hex digits of its SHA-256. The holdout hash is keyed
    /// by it, so keep it when renaming a campaign whose results are being measured.
    public var campaignID: String {
        if let explicit = explicitCampaignID, !explicit.isEmpty { return explicit }
        return Self.slug(name)
    }

    /// The slug of a campaign name, as ``campaignID`` describes.
    public static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).properties.lowercaseMapping.unicodeScalars.first!)
            } else {
                dash = true
            }
        }
        if out.isEmpty { return "campaign-" + String(Digest.hex(Digest.sha256(Array(name.utf8))).prefix(12)) }
        return out
    }
}
