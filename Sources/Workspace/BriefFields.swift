import ICUKit
import Planner
import Segments

/// One input of the brief form: its YAML key path (`channels.sms.cost_per_message`, also the
/// input's name), how its text becomes YAML, and the interface message that labels it.
struct BriefField: Sendable, Equatable {
    /// How a field's text is written into the YAML the brief loader reads.
    enum Kind: Sendable, Equatable {
        /// A string (quoted).
        case text
        /// A number: written bare when it reads as one, else quoted, so the loader names the field.
        case number
        /// A civil date, `YYYY-MM-DD`.
        case date
        /// A comma-separated list of strings.
        case list
        /// `key=value` lines: a mapping of strings.
        case mapping
    }

    /// The YAML key path, dotted.
    let key: String
    /// How the text is written.
    let kind: Kind
    /// Whether the brief needs it (the form marks it; the loader decides).
    var required = false

    /// The form's fields in order: every field a brief has (README, "The brief").
    static let all: [BriefField] = {
        var fields: [BriefField] = [
            BriefField(key: "name", kind: .text, required: true),
            BriefField(key: "campaign_id", kind: .text),
            BriefField(key: "country", kind: .text, required: true),
            BriefField(key: "period.start", kind: .date, required: true),
            BriefField(key: "period.end", kind: .date, required: true),
            BriefField(key: "currency", kind: .text),
            BriefField(key: "budget", kind: .number, required: true),
            BriefField(key: "min_marginal_return", kind: .number),
            BriefField(key: "customers.file", kind: .text),
            BriefField(key: "customers.cube", kind: .text),
            BriefField(key: "customers.postgres", kind: .text),
            BriefField(key: "customers.table", kind: .text),
        ]
        for field in CanonicalField.allCases {
            fields.append(BriefField(key: "customers.columns.\(field.rawValue)", kind: .text))
        }
        fields += [
            BriefField(key: "customers.date_format", kind: .text),
            BriefField(key: "customers.reach", kind: .text),
        ]
        for channel in Brief.channelNames {
            let at = "channels.\(channel)."
            fields += [
                BriefField(key: at + "cost_per_message", kind: .number),
                BriefField(key: at + "response_rate.low", kind: .number),
                BriefField(key: at + "response_rate.base", kind: .number),
                BriefField(key: at + "response_rate.high", kind: .number),
                BriefField(key: at + "conversion_rate", kind: .number),
                BriefField(key: at + "value_per_conversion", kind: .number),
                BriefField(key: at + "average_order_value", kind: .number),
                BriefField(key: at + "margin", kind: .number),
                BriefField(key: at + "cap", kind: .number),
                BriefField(key: at + "send_window.start", kind: .text),
                BriefField(key: at + "send_window.end", kind: .text),
                BriefField(key: at + "lead_days", kind: .number),
                BriefField(key: at + "follow_up_days", kind: .number),
            ]
        }
        fields += [
            BriefField(key: "segmentation.min_customers", kind: .number),
            BriefField(key: "segmentation.min_spend", kind: .number),
            BriefField(key: "segmentation.max_segments", kind: .number),
            BriefField(key: "segmentation.max_share", kind: .number),
            BriefField(key: "segmentation.min_budget", kind: .number),
            BriefField(key: "segmentation.by", kind: .list),
            BriefField(key: "festivals", kind: .list),
            BriefField(key: "priority", kind: .list),
            BriefField(key: "frequency_cap.messages", kind: .number),
            BriefField(key: "frequency_cap.days", kind: .number),
            BriefField(key: "templates.default", kind: .text),
            BriefField(key: "templates.festivals", kind: .mapping),
            BriefField(key: "arguments", kind: .mapping),
            BriefField(key: "holdout", kind: .number),
            BriefField(key: "calibration", kind: .text),
        ]
        return fields
    }()

    /// The interface message labelling the field (`field.budget`): one per channel field for every
    /// channel (`field.channel.cap`), one for every customer column (`field.customers.column`).
    var labelKey: String {
        if key.hasPrefix("customers.columns.") { return "field.customers.column" }
        if channel != nil { return "field.channel." + key.split(separator: ".").dropFirst(2).joined(separator: ".") }
        return "field." + key
    }

    /// The label's arguments: the canonical column a customer-column field maps.
    var labelArguments: [String: MessageValue] {
        key.hasPrefix("customers.columns.") ? ["column": .string(String(key.dropFirst("customers.columns.".count)))] : [:]
    }

    /// The channel a field belongs to (`sms` for `channels.sms.cap`), or nil.
    var channel: String? {
        let steps = key.split(separator: ".")
        return steps.count > 2 && steps[0] == "channels" ? String(steps[1]) : nil
    }

    /// The form field a loader diagnostic's key path (`channels.sms.response_rate`, `period`,
    /// `arguments.discount`) points at: the field itself, else the first field under it, else
    /// the nearest field above it; `nil` when none matches (the error is shown on top).
    static func field(for keyPath: String?) -> BriefField? {
        guard let keyPath, !keyPath.isEmpty else { return nil }
        if let exact = all.first(where: { $0.key == keyPath }) { return exact }
        if let under = all.first(where: { $0.key.hasPrefix(keyPath + ".") }) { return under }
        var path = keyPath
        while let dot = path.lastIndex(of: ".") {
            path = String(path[..<dot])
            if let above = all.first(where: { $0.key == path }) { return above }
        }
        return nil
    }
}
