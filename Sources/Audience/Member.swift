import Locales
import PlannerCore
import Segments

/// A contact's state for one kind of contact (phone, email, push token).
enum ContactState: UInt8, Sendable {
    case missing, invalid, valid
}

/// A customer of a plan segment as the assignment keeps it: a fixed-size record of 72 bytes,
/// whatever the row holds. The row's text (id, contacts, name) stays in the file and is read
/// again by its position (``CustomerRowReader``) when a send, a holdout row or a check needs it.
///
/// Per customer: the row's place (offset and length, 8 bytes) and line (4), the holdout hash (16),
/// the score's orders and spend (16), a 64-bit key per contact kind (24: equal contacts have
/// equal keys; after ``SharedContacts`` only contacts that several customers share keep one, as
/// a dense id, so that one message goes to each), and one byte each for the recency band, the
/// opt-ins, the contact states and flags.
struct Member: Sendable, BitwiseCopyable {
    /// `offset << 24 | length` of the row in the file (rows are at most 1 MiB).
    var place: UInt64 = 0
    let hash: (UInt64, UInt64)
    let spendMinor: Int64
    let orders: Int64
    /// Per contact kind (phone, email, token): a key of the normalised contact (0: none).
    var contacts: (UInt64, UInt64, UInt64)
    /// The row's physical line in the file.
    var line: UInt32 = 0
    let recency: UInt8
    /// Bit `c`: opted in on channel `c` (``Channel/allCases`` order).
    let optIn: UInt8
    /// Two bits per contact kind: its ``ContactState``.
    let states: UInt8
    /// Bit 0: has a name (after cleaning); bit 1: held out.
    var flags: UInt8

    /// The contact kind a channel sends to: SMS and WhatsApp the phone, then email, then push token.
    static func kind(_ channel: Int) -> Int { channel <= 1 ? 0 : channel - 1 }

    var position: CustomerRecordPosition { Self.position(place: place, line: line) }

    /// The row at `place` (``place``'s packing) on physical line `line`.
    static func position(place: UInt64, line: UInt32) -> CustomerRecordPosition {
        CustomerRecordPosition(line: Int(line), offset: Int(place >> 24), length: Int(place & 0xFF_FFFF))
    }

    var named: Bool { flags & 1 != 0 }

    var heldOut: Bool {
        get { flags & 2 != 0 }
        set { flags = newValue ? flags | 2 : flags & ~2 }
    }

    func state(kind: Int) -> ContactState { ContactState(rawValue: (states >> (2 * UInt8(kind))) & 3) ?? .missing }

    func contact(kind: Int) -> UInt64 {
        switch kind {
        case 0: contacts.0
        case 1: contacts.1
        default: contacts.2
        }
    }

    mutating func setContact(kind: Int, _ value: UInt64) {
        switch kind {
        case 0: contacts.0 = value
        case 1: contacts.1 = value
        default: contacts.2 = value
        }
    }

    /// The score the ranking compares (``ResponseScore``), from the kept fields.
    var score: (Int, Int64, Int64) { (Int(recency), orders, spendMinor) }

    /// The holdout order: MD5 of the key (two distinct ids with the same MD5 are not expected).
    func hashOrder(before other: Member) -> Bool { hash < other.hash }

    /// The ranking: best score first, ties by the holdout hash.
    func rank(before other: Member) -> Bool {
        let a = score, b = other.score
        if a != b { return a > b }
        return hash < other.hash
    }

    /// The row's normalised contact of `kind` (0 phone, 1 email, 2 push token), `nil` when invalid.
    static func normalised(kind: Int, phone: String, email: String, token: String, country: String) -> String? {
        switch kind {
        case 0: ContactRules.phone(phone, country: country)
        case 1: ContactRules.email(email)
        default: ContactRules.pushToken(token)
        }
    }

    /// A 64-bit key of a normalised contact (FNV-1a; 0 is kept for "none"). Equal contacts have
    /// equal keys; the rare unequal ones that share a key are told apart by ``SharedContacts``.
    static func key(_ contact: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in contact.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }
}

/// What the streaming pass makes of one accepted row, on the reader's worker threads: its plan
/// segment (or none), its compact record and its invalid contacts (reason and value).
struct MemberDraft: Sendable {
    let segment: Int
    let member: Member
    let rejects: [(reason: String, value: String)]

    init(record: CustomerRecord, segment: Int, campaignID: String, country: String) {
        self.segment = segment
        let score = ResponseScore(daysSinceLastOrder: record.daysSinceLastOrder, orders: record.orders, spendMinor: record.spendMinor)
        var rejects: [(reason: String, value: String)] = []
        var states: UInt8 = 0
        var keys: [UInt64] = [0, 0, 0]
        let raw = [record.phone, record.email, record.pushToken]
        let reasons = ["invalid_phone", "invalid_email", "invalid_push_token"]
        for kind in 0..<3 {
            let state: ContactState
            if raw[kind].isEmpty {
                state = .missing
            } else if let value = Member.normalised(
                kind: kind, phone: record.phone, email: record.email, token: record.pushToken, country: country)
            {
                state = .valid
                keys[kind] = Member.key(value)
            } else {
                state = .invalid
                rejects.append((reasons[kind], raw[kind]))
            }
            states |= state.rawValue << (2 * UInt8(kind))
        }
        var optIn: UInt8 = 0
        for (c, flag) in record.optIns.enumerated() where flag { optIn |= 1 << UInt8(c) }
        member = Member(
            hash: Holdout.digest(campaignID: campaignID, customerID: record.id), spendMinor: score.spendMinor, orders: Int64(score.orders),
            contacts: (keys[0], keys[1], keys[2]), recency: UInt8(score.recency), optIn: optIn, states: states,
            flags: SafeText.cleanName(record.name).isEmpty ? 0 : 1)
        self.rejects = rejects
    }
}
