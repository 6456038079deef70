import Festivals
import Locales
import Messages
import PlannerCore
import PlannerIO
import Segments

extension PlanContext {
    /// The (segment, festival, channel) cells that can be funded, each priced from its rendered
    /// message and bounded by the segment's share of the frequency cap; the others are recorded
    /// as exclusions with their reason.
    mutating func cells(segments: [SegmentInfo], windows: [String: [FestivalOccurrence]]) throws -> [CandidateCell] {
        let total = segments.reduce((customers: 0, spend: Int64(0))) {
            ($0.customers + $1.row.cell.customers, $0.spend + $1.row.cell.spend.minor)
        }
        let meanSpend = total.customers > 0 ? Double(total.spend) / 100 / Double(total.customers) : 0
        // Segments cut by value tier, activity or device: a segment's share of customers active
        // within 90 days against the plan's also scales its value (``ResponseIndex``).
        let byGroup = segments.contains { $0.row.group != nil }
        let activeShare = total.customers > 0 ? Double(segments.reduce(0) { $0 + $1.row.cell.active90d }) / Double(total.customers) : 0
        let channels = brief.channels.keys.sorted().compactMap(Channel.init(rawValue:))
        let longestLead = brief.channels.values.map(\.leadDays).max() ?? 0
        let longestFollowUp = brief.channels.values.map(\.followUpDays).max() ?? 0
        var cells: [CandidateCell] = []
        for segment in segments {
            let occurrences = windows[segment.id] ?? []
            // Festivals whose windows overlap share the per-customer frequency cap.
            let spans = occurrences.map { o in
                (
                    start: o.date.adding(days: -(longestLead + o.uncertaintyDays)),
                    end: o.date.adding(days: longestFollowUp + o.uncertaintyDays)
                )
            }
            let shares = FrequencyBudget.shares(windows: spans, cap: brief.frequencyCap, priority: priorityRanks(occurrences))
            // A segment's value per conversion scales with its customers' mean spend (clamped to
            // a quarter to four times the plan's mean), so high-value segments are worth more.
            let segmentMean =
                segment.row.cell.customers > 0 ? Double(segment.row.cell.spend.minor) / 100 / Double(segment.row.cell.customers) : 0
            var valueIndex = ResponseIndex.value(meanSpend: segmentMean, planMeanSpend: meanSpend)
            if byGroup, segment.row.cell.customers > 0 {
                let share = Double(segment.row.cell.active90d) / Double(segment.row.cell.customers)
                valueIndex *= ResponseIndex.activity(activeShare: share, planActiveShare: activeShare)
            }
            for (index, occurrence) in occurrences.enumerated() {
                var usable: [(Channel, RenderedMessage, String)] = []
                for channel in channels {
                    let reachable = segment.row.cell.reachable[channel]
                    guard reachable > 0 else {
                        excluded.append(
                            Exclusion(
                                segment: segment.id, festival: occurrence.festivalID, channel: channel.rawValue,
                                reason: "no customer in the segment is reachable on \(channel.rawValue) (opted in, with a contact)"))
                        continue
                    }
                    let template = brief.templates.template(for: occurrence.festivalID)
                    guard let message = try render(template: template, segment: segment, occurrence: occurrence, channel: channel) else {
                        continue
                    }
                    usable.append((channel, message, template))
                }
                guard !usable.isEmpty else { continue }
                let perCustomer = shares[index] / Double(usable.count)
                for (channel, message, template) in usable {
                    let assumptions = brief.channels[channel.rawValue]!
                    let costPerMessage = assumptions.costPerMessage * Double(message.sms?.segments ?? 1)
                    let zone = segment.reference.flatMap { country.region(code: $0)?.timeZone } ?? country.timeZone
                    guard
                        let flight = Flight.make(
                            festival: occurrence.festivalID, principal: occurrence.date, uncertaintyDays: occurrence.uncertaintyDays,
                            channel: channel.rawValue, leadDays: assumptions.leadDays, followUpDays: assumptions.followUpDays,
                            sendWindow: assumptions.sendWindow, timeZone: zone, country: brief.country, period: brief.period)
                    else {
                        excluded.append(
                            Exclusion(
                                segment: segment.id, festival: occurrence.festivalID, channel: channel.rawValue,
                                reason: "its flight falls outside the plan's period or send hours"))
                        continue
                    }
                    let responseRate =
                        calibration?.rates.rates(segment: segment.id, channel: channel.rawValue, brief: assumptions.responseRate)
                        ?? assumptions.responseRate
                    guard responseRate.base > 0 else {
                        excluded.append(
                            Exclusion(
                                segment: segment.id, festival: occurrence.festivalID, channel: channel.rawValue,
                                reason: "its response rate is 0 (measured: calibration \(calibration?.file ?? ""))"))
                        continue
                    }
                    cells.append(
                        CandidateCell(
                            id: "\(segment.id)|\(occurrence.festivalID)|\(channel.rawValue)", segment: segment, occurrence: occurrence,
                            channel: channel, template: template, message: message, costPerMessage: costPerMessage, flight: flight,
                            reachable: segment.row.cell.reachable[channel], messagesPerCustomer: perCustomer,
                            valuePerConversion: assumptions.valuePerConversion * valueIndex, assumptions: assumptions,
                            responseRate: responseRate))
                }
            }
        }
        return cells
    }

    /// Rank of each occurrence in the brief's priority list (nil when unlisted).
    func priorityRanks(_ occurrences: [FestivalOccurrence]) -> [Int?] {
        occurrences.map { o in brief.priority.firstIndex(of: o.festivalID) }
    }

    /// Renders the segment's message for a festival on a channel, or records why it cannot be sent.
    mutating func render(template: String, segment: SegmentInfo, occurrence: FestivalOccurrence, channel: Channel) throws
        -> RenderedMessage?
    {
        let availability = try templates.availability(templateID: template, language: segment.language, channel: channel)
        guard let used = availability.language else {
            if case .unavailable(let reason) = availability {
                excluded.append(
                    Exclusion(
                        segment: segment.id, festival: occurrence.festivalID, channel: channel.rawValue,
                        reason: "no \(channel.rawValue) message in \(segment.language) and no fallback: \(reason)"))
            }
            return nil
        }
        let spec = templates.template(id: template)!
        var values: [String: String] = [:]
        for argument in spec.arguments {
            if let given = brief.arguments[argument.name] {
                values[argument.name] = given
            } else if argument.name == "festival_name" {
                values[argument.name] = occurrence.localNames[used] ?? occurrence.name
            } else if argument.type == .term {
                continue  // the template's own per-language text (an opt-out line)
            } else if argument.binding == .campaign, argument.type == .date {
                values[argument.name] = occurrence.date.description  // an offer lasts until the festival
            } else if let example = argument.example {
                values[argument.name] = example  // a recipient's value: the template's typical one
            }
        }
        do {
            return try templates.render(
                templateID: template, language: segment.language, channel: channel, values: values, country: brief.country)
        } catch {
            switch error {
            case .missingArgument(_, _, let argument), .invalidValue(_, let argument, _, _):
                throw document.diagnostic(
                    at: brief.arguments[argument] == nil ? ["arguments"] : ["arguments", DataKey(stringValue: argument)],
                    message: "template '\(template)' needs a valid value for '\(argument)': \(error.diagnostic.message)",
                    hint: "set it under arguments")
            default:
                throw Diagnostic(
                    .badInput, path: spec.path, message: "\(template) in \(used) on \(channel.rawValue): \(error.diagnostic.message)")
            }
        }
    }
}
