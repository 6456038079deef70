import PlannerCore
import PlannerIO

/// The fields the segment reader understands, whatever a CRM calls its columns.
public enum CanonicalField: String, CaseIterable, Sendable, Comparable {
    /// The customer's id in the CRM; required: a row without one is rejected.
    case customerID = "customer_id"
    /// `region`: state or province (required, normalised to ISO 3166-2); `city`; `language`: the preferred language;
    /// `spend`: lifetime spend in currency units; `orders`: the number of orders.
    case region, city, language, spend, orders
    /// The day of the customer's last order, for the 90/180/365-day activity counts.
    case lastOrderDate = "last_order_date"
    /// Whether the customer agreed to SMS (1/0, true/false, yes/no, y/n; empty means no).
    case smsOptIn = "sms_opt_in"
    /// Whether the customer agreed to WhatsApp messages.
    case whatsappOptIn = "whatsapp_opt_in"
    /// Whether the customer agreed to email.
    case emailOptIn = "email_opt_in"
    /// Whether the customer agreed to push notifications.
    case pushOptIn = "push_opt_in"
    /// The contacts SMS/WhatsApp and email need: with the reach rule `contact`, an opt-in without one does not count.
    case phone, email
    /// The device token push needs, as `phone` and `email` are for their channels.
    case pushToken = "push_token"
    /// The customer's name, as messages address them (`audience` renders it; segments ignore it).
    case name
    /// The customer's device or app platform (`Android`, `iOS`, `web`), for device segments.
    case deviceOS = "device_os"

    /// Only these must be present; every other field may be missing from a file.
    public var isRequired: Bool { self == .customerID || self == .region }

    /// Header names recognised without a mapping (compared lower-case, letters and digits only,
    /// so `Preferred Language` matches `preferred_language`). The canonical name comes first.
    public var commonNames: [String] {
        let others: [String]
        switch self {
        case .customerID: others = ["id", "customer", "customer_no", "customer_number", "cust_id", "client_id", "contact_id", "user_id"]
        case .region: others = ["state", "state_name", "state_code", "region_code", "province", "state_ut"]
        case .city: others = ["town", "city_name", "district"]
        case .language:
            others = ["preferred_language", "lang", "language_code", "mother_tongue", "locale", "communication_language"]
        case .spend: others = ["total_spend", "lifetime_spend", "lifetime_value", "ltv", "revenue", "total_spent", "amount_spent"]
        case .orders: others = ["order_count", "num_orders", "total_orders", "orders_count", "purchases"]
        case .lastOrderDate: others = ["last_order", "last_purchase_date", "last_purchase", "last_order_at", "last_ordered_on"]
        case .smsOptIn: others = ["sms_optin", "sms_consent", "opt_in_sms", "sms_opted_in", "sms_subscribed"]
        case .whatsappOptIn: others = ["whatsapp_optin", "whatsapp_consent", "opt_in_whatsapp", "wa_opt_in", "whatsapp_subscribed"]
        case .emailOptIn: others = ["email_optin", "email_consent", "opt_in_email", "email_subscribed", "newsletter"]
        case .pushOptIn: others = ["push_optin", "push_consent", "opt_in_push", "push_enabled"]
        case .phone: others = ["mobile", "phone_number", "mobile_number", "msisdn", "contact_number", "mobile_no"]
        case .email: others = ["email_address", "e_mail", "mail"]
        case .pushToken: others = ["device_token", "fcm_token", "apns_token", "push_id"]
        case .name: others = ["full_name", "customer_name", "first_name", "contact_name"]
        case .deviceOS: others = ["device", "os", "platform", "device_platform", "device_type", "app_platform"]
        }
        return [rawValue] + others
    }

    /// Orders fields as declared (`customer_id`, `region`, ...), so reports list them in a fixed order.
    public static func < (lhs: CanonicalField, rhs: CanonicalField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Lower-case ASCII letters and digits only.
    static func normalised(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }
}

/// Which source column holds each canonical field: explicit choices (from `--map field=column` or
/// a YAML file of `field: column` pairs), and the common header names for the rest.
///
/// ```yaml
/// # mapping.yaml
/// region: State
/// language: Preferred Language
/// customer_id: Contact ID
/// ```
public struct ColumnMapping: Sendable, Equatable {
    /// Field → source column name, as the user wrote it.
    public private(set) var explicit: [CanonicalField: String]
    /// How the export writes its dates (`date_format:` in a mapping file, `--date-format`).
    public var dateOrder: DateOrder = .iso
    /// When a customer counts as reachable (`reach:` in a mapping file, `--reach`).
    public var reach: ReachRule = .contact
    /// Where each explicit choice was written, so a column missing from the header points there.
    private var origins: [CanonicalField: Diagnostic]

    /// Recognise common header names only.
    public static let automatic = ColumnMapping(explicit: [:])

    /// Explicit choices; `origins` says where each was written (a brief's line), so a column
    /// missing from the header points there (default: a `--map` flag).
    public init(explicit: [CanonicalField: String], origins: [CanonicalField: Diagnostic] = [:]) {
        self.explicit = explicit
        self.origins = explicit.mapValues { _ in Diagnostic(.badRequest, field: OptionText.mention("map"), message: "") }.merging(origins) {
            $1
        }
    }

    /// Parses `--map field=column` flags.
    public init(flags: [String]) throws(Diagnostic) {
        self = .automatic
        for flag in flags {
            guard let equals = flag.firstIndex(of: "=") else {
                throw Diagnostic(
                    .badRequest, field: OptionText.mention("map"), message: "'\(flag)' is not field=column",
                    hint: "e.g. \(OptionText.mention("map", "region=state"))")
            }
            let name = String(flag[..<equals]), column = String(flag[flag.index(after: equals)...])
            guard let field = CanonicalField(rawValue: name) else {
                throw Self.unknownField(name, Diagnostic(.badRequest, field: OptionText.mention("map"), message: ""))
            }
            explicit[field] = column
            origins[field] = Diagnostic(.badRequest, field: OptionText.mention("map", flag), message: "")
        }
    }

    /// Reads a YAML mapping file of `field: column` pairs.
    public init(yamlPath path: String) throws(Diagnostic) {
        try self.init(yaml: FileBytes.readText(path), path: path)
    }

    /// Decodes YAML text of `field: column` pairs; `path` names it in diagnostics.
    public init(yaml: String, path: String) throws(Diagnostic) {
        let document = try DataDocument<[String: String]>(yaml: yaml, path: path)
        self = .automatic
        for name in document.value.keys.sorted() {
            let at = document.diagnostic(at: [DataKey(stringValue: name)], message: "")
            if name == "date_format" {
                dateOrder = try Self.dateOrder(document.value[name]!, at: at)
                continue
            }
            if name == "reach" {
                reach = try Self.reachRule(document.value[name]!, at: at)
                continue
            }
            guard let field = CanonicalField(rawValue: name) else { throw Self.unknownField(name, at) }
            explicit[field] = document.value[name]
            origins[field] = at
        }
    }

    /// The date order a user's text names, or `at` as an error listing the spellings.
    public static func dateOrder(_ text: String, at: Diagnostic) throws(Diagnostic) -> DateOrder {
        try named(text, what: "date format", spellings: DateOrder.spellings, at: at, DateOrder.init(text:))
    }

    /// The reach rule a user's text names, or `at` as an error listing the spellings.
    public static func reachRule(_ text: String, at: Diagnostic) throws(Diagnostic) -> ReachRule {
        try named(text, what: "reach rule", spellings: ReachRule.spellings, at: at, ReachRule.init(text:))
    }

    /// The value `make` reads from `text`, or `at` as "unknown <what> 'text'" with the spellings.
    private static func named<T>(
        _ text: String, what: String, spellings: String, at: Diagnostic, _ make: (String) -> T?
    ) throws(Diagnostic) -> T {
        guard let value = make(text) else {
            var diagnostic = at
            diagnostic.message = "unknown \(what) '\(text)'"
            diagnostic.hint = "\(what)s: \(spellings)"
            throw diagnostic
        }
        return value
    }

    private static func unknownField(_ name: String, _ at: Diagnostic) -> Diagnostic {
        var diagnostic = at
        diagnostic.message =
            "unknown field '\(name)'\(Suggestion.phrase(for: name, among: CanonicalField.allCases.map(\.rawValue) + ["date_format", "reach"]))"
        diagnostic.hint = "fields: \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")), date_format and reach"
        return diagnostic
    }

    /// Finds each field's column in `header` (of the file at `path`): an explicit choice must
    /// exist (exactly, or ignoring case and punctuation); other fields take the first header
    /// with one of their common names. A required field with no column is a ``Diagnostic``.
    public func resolve(header: [String], path: String) throws(Diagnostic) -> ResolvedColumns {
        let normalisedHeader = header.map(CanonicalField.normalised)
        var columns: [CanonicalField: Int] = [:]
        for field in CanonicalField.allCases {
            guard let name = explicit[field] else { continue }
            guard let index = header.firstIndex(of: name) ?? normalisedHeader.firstIndex(of: CanonicalField.normalised(name)) else {
                var diagnostic = origins[field] ?? Diagnostic(.badRequest, message: "")
                diagnostic.fault = .badRequest
                diagnostic.message = "column '\(name)' for \(field.rawValue) is not in the header of \(path)"
                diagnostic.hint = "the header has: \(SafeText.list(header))"
                throw diagnostic
            }
            columns[field] = index
        }
        columns = Self.recognise(header: header, after: columns)
        for field in CanonicalField.allCases where field.isRequired && columns[field] == nil {
            throw Diagnostic(
                .badRequest, path: path, line: 1, field: field.rawValue,
                message: "no column for \(field.rawValue) in the header",
                hint:
                    "name it with \(OptionText.mention("map", "\(field.rawValue)=COLUMN")) or \(OptionText.mention("columns", "FILE")); the header has: \(SafeText.list(header))"
            )
        }
        var resolved = ResolvedColumns(header: header, columns: columns, dateOrder: dateOrder)
        resolved.reach = reach
        return resolved
    }
}

extension ColumnMapping {
    /// The columns of `header` recognised by their common names for each field not in `chosen`
    /// (field → column index), each column used once: what the reader finds without a mapping,
    /// and what a column-mapping form preselects.
    public static func recognise(header: [String], after chosen: [CanonicalField: Int] = [:]) -> [CanonicalField: Int] {
        let normalisedHeader = header.map(CanonicalField.normalised)
        var columns = chosen
        var taken = Set(chosen.values)
        for field in CanonicalField.allCases where columns[field] == nil {
            for name in field.commonNames {
                if let index = normalisedHeader.indices.first(where: {
                    !taken.contains($0) && normalisedHeader[$0] == CanonicalField.normalised(name)
                }) {
                    columns[field] = index
                    taken.insert(index)
                    break
                }
            }
        }
        return columns
    }
}

/// The header of a customer file and the column index of each canonical field found in it.
public struct ResolvedColumns: Sendable, Equatable {
    /// The header row's column names as read, trimmed of ASCII spaces, in file order.
    public let header: [String]
    /// The 0-based column index of each field found; fields the file lacks are absent.
    public let columns: [CanonicalField: Int]
    /// How the dates in the file are written.
    public var dateOrder: DateOrder = .iso
    /// When a customer counts as reachable.
    public var reach: ReachRule = .contact

    /// Resolved columns for a header; `reach` starts as `contact`.
    public init(header: [String], columns: [CanonicalField: Int], dateOrder: DateOrder = .iso) {
        self.header = header
        self.columns = columns
        self.dateOrder = dateOrder
    }

    /// The column index of `field`, if the file has it.
    public subscript(field: CanonicalField) -> Int? { columns[field] }

    /// `field ← column` lines in canonical order, for reports.
    public var summary: [(field: CanonicalField, column: String)] {
        CanonicalField.allCases.compactMap { field in columns[field].map { (field, header[$0]) } }
    }
}
