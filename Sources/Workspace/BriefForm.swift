import Planner
import PlannerCore
import PlannerIO
import Segments

#if canImport(Glibc)
    import Glibc
#endif

/// The brief form's values (key path → text) and what they become: YAML for the brief loader,
/// checked by that same loader, so the form gives the YAML file's messages, next to the field.
struct BriefForm: Sendable {
    /// The text of each field, by key path; empty fields are left out of the YAML.
    var values: [String: String]
    /// Which channels are used (`use.sms` checkboxes).
    var channels: Set<String>

    /// An empty form.
    init(values: [String: String] = [:], channels: Set<String> = []) {
        self.values = values
        self.channels = channels
    }

    /// A form from posted fields.
    init(posted: [String: String]) {
        values = posted.filter { key, _ in BriefField.all.contains { $0.key == key } }
        channels = Set(Brief.channelNames.filter { posted["use.\($0)"] != nil })
    }

    /// A form showing `brief`'s values.
    init(_ brief: Brief) {
        var v: [String: String] = [
            "name": brief.name, "country": brief.country, "period.start": brief.period.start.description,
            "period.end": brief.period.end.description, "budget": Self.number(brief.budget),
            "min_marginal_return": Self.number(brief.minMarginalReturn), "customers.file": brief.customers.file,
            "segmentation.min_customers": String(brief.segmentation.minCustomers),
            "segmentation.min_spend": Self.number(brief.segmentation.minSpend),
            "segmentation.max_segments": String(brief.segmentation.maxSegments),
            "segmentation.min_budget": Self.number(brief.segmentation.minBudget),
            "segmentation.by": brief.segmentation.by.joined(separator: ", "),
            "frequency_cap.messages": String(brief.frequencyCap.messages), "frequency_cap.days": String(brief.frequencyCap.days),
            "templates.default": brief.templates.default, "holdout": Self.number(brief.holdout),
            "priority": brief.priority.joined(separator: ", "),
        ]
        v["campaign_id"] = brief.explicitCampaignID
        v["currency"] = brief.currency
        v["customers.cube"] = brief.customers.cube
        v["customers.postgres"] = brief.customers.postgres
        v["customers.table"] = brief.customers.table
        v["customers.date_format"] = brief.customers.dateFormat
        v["customers.reach"] = brief.customers.reach
        v["segmentation.max_share"] = brief.segmentation.maxShare.map(Self.number)
        v["festivals"] = brief.festivals?.joined(separator: ", ")
        v["calibration"] = brief.calibration
        for (field, column) in brief.customers.columns { v["customers.columns.\(field)"] = column }
        v["templates.festivals"] = brief.templates.festivals.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: "\n")
        v["arguments"] = brief.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        for (name, channel) in brief.channels {
            let at = "channels.\(name)."
            v[at + "cost_per_message"] = Self.number(channel.costPerMessage)
            v[at + "response_rate.low"] = Self.number(channel.responseRate.low)
            v[at + "response_rate.base"] = Self.number(channel.responseRate.base)
            v[at + "response_rate.high"] = Self.number(channel.responseRate.high)
            v[at + "conversion_rate"] = Self.number(channel.conversionRate)
            v[at + "value_per_conversion"] = Self.number(channel.valuePerConversion)
            v[at + "cap"] = channel.cap.map(Self.number)
            v[at + "send_window.start"] = channel.sendWindow.start
            v[at + "send_window.end"] = channel.sendWindow.end
            v[at + "lead_days"] = String(channel.leadDays)
            v[at + "follow_up_days"] = String(channel.followUpDays)
        }
        self.init(values: v.compactMapValues { $0 }, channels: Set(brief.channels.keys))
    }

    /// The brief as YAML: fields in form order, nested by key path, unused channels left out.
    var yaml: String {
        var out = "# Written by the campaign-planner web workspace.\n"
        var open: [Substring] = []
        for field in BriefField.all {
            if let channel = field.channel, !channels.contains(channel) { continue }
            guard let text = values[field.key]?.trimmingASCIISpaces(), !text.isEmpty else { continue }
            let steps = field.key.split(separator: ".")
            var common = 0
            while common < min(open.count, steps.count - 1), open[common] == steps[common] { common += 1 }
            open = Array(open.prefix(common))
            for depth in common..<(steps.count - 1) {
                out += String(repeating: "  ", count: depth) + "\(steps[depth]):\n"
                open.append(steps[depth])
            }
            let indent = String(repeating: "  ", count: steps.count - 1)
            let name = steps[steps.count - 1]
            switch field.kind {
            case .text, .date: out += "\(indent)\(name): \(Self.quoted(text))\n"
            case .number: out += "\(indent)\(name): \(Double(text) != nil ? text : Self.quoted(text))\n"
            case .list:
                let items = text.split(separator: ",").map { Self.quoted($0.trimmingASCIISpaces()) }
                out += "\(indent)\(name): [\(items.joined(separator: ", "))]\n"
            case .mapping:
                out += "\(indent)\(name):\n"
                for line in text.split(whereSeparator: \.isNewline) {
                    let pair = line.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2 else { continue }
                    out += "\(indent)  \(Self.quoted(pair[0].trimmingASCIISpaces())): \(Self.quoted(pair[1].trimmingASCIISpaces()))\n"
                }
            }
        }
        return out
    }

    /// Checks the form with the brief loader: the YAML is written to `scratch` (a file in the
    /// workspace, so relative paths resolve as in the saved brief) and read back, and the files
    /// it names must be in `folder`; the diagnostic, if any, is returned.
    func check(scratch: String, folder: WorkspaceFolder) -> Diagnostic? {
        do throws(Diagnostic) {
            try AtomicFile.write(yaml, to: scratch)
            defer { unlink(scratch) }
            try folder.confine(try Brief.load(path: scratch))
            return nil
        } catch {
            return error
        }
    }

    /// A double as plain text without a trailing `.0` (`40000`, `0.12`).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: some StringProtocol) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
