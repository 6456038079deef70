import PlannerCore
import PlannerIO

extension Brief {
    /// The channels a brief may name.
    public static let channelNames = ["sms", "whatsapp", "email", "push"]

    /// Reads a brief strictly and checks its values, each problem a ``Diagnostic`` at its line.
    public static func load(path: String) throws(Diagnostic) -> Brief { try document(path: path).value }

    /// Like ``load(path:)``, keeping the YAML document so later checks (an unknown festival or
    /// template) can point at their line too.
    public static func document(path: String) throws(Diagnostic) -> DataDocument<Brief> {
        let document = try DataDocument<Brief>(path: path, strict: true)
        _ = try load(document)
        return document
    }

    /// Checks a decoded brief (see ``load(path:)``).
    public static func load(_ document: DataDocument<Brief>) throws(Diagnostic) -> Brief {
        let brief = document.value
        func fail(_ keys: [DataKey], _ message: String, hint: String? = nil) -> Diagnostic {
            document.diagnostic(at: keys, message: message, hint: hint)
        }
        guard brief.budget > 0, brief.budget.isFinite else { throw fail(["budget"], "the budget must be a positive amount") }
        guard brief.period.start <= brief.period.end else {
            throw fail(["period"], "the period ends (\(brief.period.end)) before it starts (\(brief.period.start))")
        }
        guard brief.period.start.days(to: brief.period.end) <= 366 else {
            throw fail(["period"], "the period is longer than a year", hint: "plan one season at a time")
        }
        guard brief.minMarginalReturn >= 0, brief.minMarginalReturn.isFinite else {
            throw fail(["min_marginal_return"], "the minimum marginal return cannot be negative")
        }
        guard brief.segmentation.minBudget >= 0 else { throw fail(["segmentation", "min_budget"], "a minimum budget cannot be negative") }
        guard (0...0.5).contains(brief.holdout) else { throw fail(["holdout"], "holdout must be a share between 0 and 0.5") }
        guard !brief.channels.isEmpty else { throw fail(["channels"], "name at least one channel") }
        for name in brief.channels.keys.sorted() {
            guard channelNames.contains(name) else {
                throw fail(
                    ["channels", DataKey(stringValue: name)],
                    "unknown channel '\(name)'\(Suggestion.phrase(for: name, among: channelNames))",
                    hint: "channels are \(channelNames.joined(separator: ", "))")
            }
            let channel = brief.channels[name]!
            let at: [DataKey] = ["channels", DataKey(stringValue: name)]
            guard channel.costPerMessage > 0 else { throw fail(at + ["cost_per_message"], "the cost per message must be positive") }
            let r = channel.responseRate
            guard r.low >= 0, r.low <= r.base, r.base <= r.high, r.high <= 1 else {
                throw fail(at + ["response_rate"], "response rates must satisfy 0 ≤ low ≤ base ≤ high ≤ 1")
            }
            guard (0...1).contains(channel.conversionRate), channel.conversionRate > 0 else {
                throw fail(at + ["conversion_rate"], "the conversion rate must be a share above 0 and at most 1")
            }
            guard channel.valuePerConversion > 0 else {
                throw fail(at + ["value_per_conversion"], "the value per conversion must be positive")
            }
            if let cap = channel.cap, cap < 0 { throw fail(at + ["cap"], "a channel cap cannot be negative") }
            guard channel.leadDays >= 0, channel.followUpDays >= 0 else {
                throw fail(at + ["lead_days"], "lead and follow-up days cannot be negative")
            }
            guard let start = minutes(channel.sendWindow.start), let end = minutes(channel.sendWindow.end), start < end else {
                throw fail(at + ["send_window"], "the send window must be two times HH:MM, start before end")
            }
        }
        guard brief.frequencyCap.messages > 0, brief.frequencyCap.days > 0 else {
            throw fail(["frequency_cap"], "the frequency cap needs at least one message in at least one day")
        }
        guard brief.segmentation.minCustomers >= 0, brief.segmentation.maxSegments > 0 else {
            throw fail(["segmentation"], "minimum customers cannot be negative and at least one segment must be allowed")
        }
        return brief
    }

    /// Minutes after midnight of `HH:MM`.
    public static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m),
            h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }
}
