import Locales
import Planner
import PlannerCore

/// Why a line sent fewer messages than the plan bought. The reasons of a line add up to its
/// shortfall: planned − assigned.
public enum SkipReason: String, CaseIterable, Sendable, Comparable {
    /// The customers left would go over the frequency cap; a phone or email already sent this
    /// festival's message on this channel under another customer id; a contact present but
    /// invalid; opted in without a contact; no name where the template addresses the customer;
    /// and not enough customers left in the segment after the holdout.
    case cap, duplicateContact = "duplicate_contact", invalidContact = "invalid_contact", missingContact = "missing_contact"
    /// See ``cap``.
    case missingName = "missing_name", tooFewCustomers = "too_few_customers"

    /// Reasons in declaration order.
    public static func < (a: SkipReason, b: SkipReason) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// In a marketer's words.
    public var words: String {
        switch self {
        case .cap: return "the frequency cap (the customers left already had their messages in the window)"
        case .duplicateContact: return "a phone or email shared with another customer id already got this message"
        case .invalidContact: return "the contact is not a valid mobile number, email or push token"
        case .missingContact: return "opted in but the file holds no contact"
        case .missingName: return "no name to address the customer by"
        case .tooFewCustomers: return "not enough customers in the segment after the holdout"
        }
    }
}

/// One message to one customer: a row of `sends.csv` and of its channel's file.
public struct AudienceSend: Sendable {
    /// The plan line's id (`L0001`).
    public let line: String
    /// The customer's id.
    public let customerID: String
    /// The plan segment (`IN-AP/te`).
    public let segment: String
    /// The festival's id.
    public let festival: String
    /// The channel.
    public let channel: Channel
    /// The language the message is in (a fallback's when the segment's has none).
    public let language: String
    /// The template's id.
    public let template: String
    /// The local day it goes out.
    public let sendDate: CivilDate
    /// The local time it goes out, `HH:MM`.
    public let sendTime: String
    /// The Olson zone of `sendTime`.
    public let timeZone: String
    /// The normalised contact: E.164 phone, email, push token.
    public let contact: String
    /// The message as the customer reads it (SMS text, WhatsApp body, email body, push body).
    public let message: String
    /// The rendered parts by name (`subject`, `body`, `title`, `text`).
    public let parts: [(name: String, text: String)]
    /// SMS segments of the rendered text (1 for other channels).
    public let smsSegments: Int
    /// What it costs, in ten-thousandths of the plan's currency unit.
    public let cost: Int64
    /// WhatsApp: the Cloud API `template` object for this recipient.
    public let whatsappTemplate: JSONValue?
    /// SMS: the DLT principal entity id, header and content template id (empty when the template registers none).
    public let dlt: (entityID: String, header: String, templateID: String)
}

/// A held-out customer and a line that would have messaged it (`nil`: none would have).
public struct HoldoutEntry: Sendable, Equatable {
    /// The customer's id.
    public let customerID: String
    /// Its plan segment.
    public let segment: String
    /// The line of a ghost send, or `nil`.
    public let line: String?
}

/// Part of one segment's audience, handed to the writer as soon as it is done: first the
/// segment's held-out customers (in one batch), then its sends in chunks, in order.
public struct AudienceBatch: Sendable {
    /// The plan segment the batch belongs to.
    public let segment: String
    /// Sends of the segment, by line (plan order), date, time and customer id; the next batch of
    /// the segment goes on where this one ends.
    public let sends: [AudienceSend]
    /// Its held-out customers with their ghost lines, by customer id and line (in the segment's first batch).
    public let holdout: [HoldoutEntry]
}

/// Where the audience goes as it is made (the files, in Export).
public protocol AudienceSink: AnyObject {
    /// Takes one batch; segments come in the plan's order, each segment's batches in order.
    func write(_ batch: AudienceBatch) throws(Diagnostic)
}

/// What became of one plan line.
public struct LineOutcome: Sendable {
    /// The plan line.
    public let line: PlanLine
    /// Messages the plan bought.
    public var planned: Int { line.forecast.messages }
    /// Messages assigned to customers.
    public internal(set) var assigned = 0
    /// Held-out customers this line would have messaged (its ghost sends).
    public internal(set) var heldOut = 0
    /// The shortfall by reason; sums to `planned − assigned`.
    public internal(set) var skipped: [SkipReason: Int] = [:]
    /// The sends' cost from their rendered texts, in ten-thousandths.
    public internal(set) var actualCost: Int64 = 0
    /// SMS sends whose rendered text takes more segments than the template's worst case allows.
    public internal(set) var overWorstSegments = 0

    init(line: PlanLine) { self.line = line }
}

/// A contact that is present but invalid: a rejects-file row (line, reason, the value).
public struct ContactReject: Sendable, Equatable {
    /// The row's line in the customer file.
    public let line: Int
    /// `invalid_phone`, `invalid_email`, `invalid_push_token`.
    public let reason: String
    /// The value as written (personal data: only in the owner-only rejects file).
    public let value: String

    /// A reject of `value` on `line` for `reason`.
    public init(line: Int, reason: String, value: String) {
        self.line = line
        self.reason = reason
        self.value = value
    }
}

/// The audience's account of itself: per line, and of the file and holdout.
public struct AudienceResult: Sendable {
    /// The rules used.
    public let rules: AudienceRules
    /// One outcome per plan line, in line order.
    public let outcomes: [LineOutcome]
    /// Per segment (plan order): customers the plan counted, customers now, held out.
    public let segments: [(id: String, planned: Int, customers: Int, heldOut: Int)]
    /// Data rows read and rejected by the segment reader's rules.
    public let rowsRead: Int
    /// Rows the segment reader's rules rejected, per reason.
    public let rowsRejected: [String: Int]
    /// Accepted customers in no plan segment (their segment was dropped).
    public let outsideSegments: Int
    /// Invalid contacts, in line order.
    public let rejects: [ContactReject]
    /// Things to know: a changed customer file and its count differences, templates without DLT ids.
    public let warnings: [String]
}
