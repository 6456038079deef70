import Planner
import Segments

/// One input of the brief form: its YAML key path (`channels.sms.cost_per_message`, also the
/// input's name), its label, and how its text becomes YAML.
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
    /// What the label says.
    let label: String
    /// How the text is written.
    let kind: Kind
    /// Whether the brief needs it (the form marks it; the loader decides).
    var required = false

    /// The form's fields in order: every field a brief has (README, "The brief").
    static let all: [BriefField] = {
        var fields: [BriefField] = [
            BriefField(key: "name", label: "Campaign name", kind: .text, required: true),
            BriefField(key: "campaign_id", label: "Campaign id (default: made from the name)", kind: .text),
            BriefField(key: "country", label: "Country (ISO code)", kind: .text, required: true),
            BriefField(key: "period.start", label: "First day", kind: .date, required: true),
            BriefField(key: "period.end", label: "Last day", kind: .date, required: true),
            BriefField(key: "currency", label: "Currency (ISO 4217; default: the country's)", kind: .text),
            BriefField(key: "budget", label: "Budget", kind: .number, required: true),
            BriefField(key: "min_marginal_return", label: "Minimum marginal return (default 1)", kind: .number),
            BriefField(key: "customers.file", label: "Customer file (CSV in the workspace)", kind: .text, required: true),
        ]
        for field in CanonicalField.allCases {
            fields.append(BriefField(key: "customers.columns.\(field.rawValue)", label: "Column for \(field.rawValue)", kind: .text))
        }
        fields += [
            BriefField(key: "customers.date_format", label: "Date format (e.g. dd/mm/yyyy; default ISO)", kind: .text),
            BriefField(key: "customers.reach", label: "Reach rule (contact or opt_in)", kind: .text),
        ]
        for channel in Brief.channelNames {
            let at = "channels.\(channel)."
            fields += [
                BriefField(key: at + "cost_per_message", label: "Cost per message", kind: .number),
                BriefField(key: at + "response_rate.low", label: "Response rate, low", kind: .number),
                BriefField(key: at + "response_rate.base", label: "Response rate, base", kind: .number),
                BriefField(key: at + "response_rate.high", label: "Response rate, high", kind: .number),
                BriefField(key: at + "conversion_rate", label: "Conversion rate (default 1)", kind: .number),
                BriefField(key: at + "value_per_conversion", label: "Value per conversion", kind: .number),
                BriefField(key: at + "average_order_value", label: "Average order value (with margin, instead)", kind: .number),
                BriefField(key: at + "margin", label: "Margin", kind: .number),
                BriefField(key: at + "cap", label: "Spend cap", kind: .number),
                BriefField(key: at + "send_window.start", label: "Send from (HH:MM)", kind: .text),
                BriefField(key: at + "send_window.end", label: "Send until (HH:MM)", kind: .text),
                BriefField(key: at + "lead_days", label: "Lead days (default 7)", kind: .number),
                BriefField(key: at + "follow_up_days", label: "Follow-up days (default 0)", kind: .number),
            ]
        }
        fields += [
            BriefField(key: "segmentation.min_customers", label: "Minimum customers per segment", kind: .number),
            BriefField(key: "segmentation.min_spend", label: "Minimum spend per segment", kind: .number),
            BriefField(key: "segmentation.max_segments", label: "Maximum segments", kind: .number),
            BriefField(key: "segmentation.max_share", label: "Maximum share of one segment", kind: .number),
            BriefField(key: "segmentation.min_budget", label: "Minimum budget per segment", kind: .number),
            BriefField(key: "segmentation.by", label: "Segment by (comma-separated)", kind: .list),
            BriefField(key: "festivals", label: "Festivals (comma-separated ids; empty: all)", kind: .list),
            BriefField(key: "priority", label: "Festival priority (comma-separated ids)", kind: .list),
            BriefField(key: "frequency_cap.messages", label: "Frequency cap: messages", kind: .number),
            BriefField(key: "frequency_cap.days", label: "Frequency cap: days", kind: .number),
            BriefField(key: "templates.default", label: "Default template", kind: .text),
            BriefField(key: "templates.festivals", label: "Template per festival (festival=template, one a line)", kind: .mapping),
            BriefField(key: "arguments", label: "Message arguments (name=value, one a line)", kind: .mapping),
            BriefField(key: "holdout", label: "Holdout share (0 to 0.5)", kind: .number),
            BriefField(key: "calibration", label: "Calibration file (from results)", kind: .text),
        ]
        return fields
    }()

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
