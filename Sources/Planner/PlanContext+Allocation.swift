import Allocation
import Festivals
import Locales
import Messages
import PlannerCore
import PlannerIO
import Segments

extension PlanContext {
    /// Splits the budget over the cells with the allocator and assembles the plan.
    mutating func allocate(_ cells: [CandidateCell], segments: [SegmentInfo], brief: Brief) throws -> Plan {
        guard !cells.isEmpty else {
            throw document.diagnostic(
                at: ["channels"], message: "no segment can be reached with a message on any channel in the period",
                hint: (readReport?.warnings ?? []).map { "\($0); " }.joined()
                    + "see the reasons: \(excluded.prefix(3).map(\.reason).joined(separator: "; "))")
        }
        let holdout = brief.holdout
        let problem = AllocationProblem(
            cells: cells.map { c in
                // r(b) = A·p·v·(1 − e^(−b/(A·c))): A treated customers, p the base response × conversion
                // rate, v the value per conversion, c the cost of one message (see LineForecast).
                let treated = Double(c.reachable - Int((Double(c.reachable) * holdout).rounded(.down)))
                let p = c.responseRate.base * c.assumptions.conversionRate
                return Cell(
                    id: c.id, segment: c.segment.id, channel: c.channel.rawValue,
                    curve: .saturation(a: treated * p * c.valuePerConversion, s: max(treated * c.costPerMessage, 1e-9)),
                    lo: 0, hi: max(0, c.messagesPerCustomer * treated * c.costPerMessage), unitCost: c.costPerMessage)
            },
            budget: brief.budget,
            channelCaps: brief.channels.keys.sorted().compactMap { name in
                brief.channels[name]!.cap.map { ChannelCap(channel: name, cap: $0) }
            },
            segmentLimits: brief.segmentation.minBudget > 0
                ? Array(Set(cells.map(\.segment.id))).sorted().map { SegmentLimit(segment: $0, minimum: brief.segmentation.minBudget) }
                : [],
            marginalFloor: brief.minMarginalReturn > 0 ? brief.minMarginalReturn : nil)
        let result: AllocationResult
        do {
            result = try Allocation.allocate(problem)
        } catch {
            switch error {
            case .segmentMinimumsExceedBudget, .segmentMinimumAboveUpperBounds:
                throw document.diagnostic(
                    at: ["segmentation", "min_budget"], message: "the budget cannot cover every segment's minimum: \(error.description)",
                    hint: "raise the budget or lower segmentation.min_budget")
            default:
                break
            }
            throw document.diagnostic(at: ["budget"], message: "the budget cannot be allocated: \(error.description)")
        }
        let budgets = Money.apportion(result.cells.map(\.budget))
        var funded: [(CandidateCell, Money, CellAllocation)] = []
        for (index, cell) in cells.enumerated() {
            let allocation = result.cells[index]
            if budgets[index] > .zero {
                funded.append((cell, budgets[index], allocation))
            } else {
                excluded.append(
                    Exclusion(
                        segment: cell.segment.id, festival: cell.occurrence.festivalID, channel: cell.channel.rawValue,
                        reason: unfundedReason(problem.cells[index], allocation, lambda: result.certificate.lambda)))
            }
        }
        funded.sort { a, b in
            (a.0.occurrence.date, a.0.segment.id, a.0.channel.rawValue) < (b.0.occurrence.date, b.0.segment.id, b.0.channel.rawValue)
        }
        var lines: [PlanLine] = []
        var messages: [PlanMessage] = []
        for (number, (cell, budget, allocation)) in funded.enumerated() {
            let forecast = LineForecast.make(
                audience: cell.segment.row.cell.customers, reachable: cell.reachable, holdoutShare: holdout, cost: budget,
                costPerMessage: cell.costPerMessage,
                responseRate: Range3(
                    low: cell.responseRate.low, base: cell.responseRate.base, high: cell.responseRate.high),
                conversionRate: cell.assumptions.conversionRate, valuePerConversion: cell.valuePerConversion)
            lines.append(
                PlanLine(
                    id: "L\(String(repeating: "0", count: max(0, 4 - String(number + 1).count)))\(number + 1)", segment: cell.segment.id,
                    region: cell.segment.row.segment, language: cell.segment.language, festival: cell.occurrence.festivalID,
                    festivalName: cell.occurrence.name, festivalDate: cell.occurrence.date, channel: cell.channel.rawValue,
                    template: cell.template, flight: cell.flight, costPerMessage: cell.costPerMessage, status: allocation.status.rawValue,
                    forecast: forecast))
            messages.append(
                PlanMessage(
                    segment: cell.segment.id, festival: cell.occurrence.festivalID, channel: cell.channel.rawValue, template: cell.template,
                    language: cell.message.language, fallbackFrom: cell.message.fallbackFrom, text: cell.message.text,
                    encoding: cell.message.sms.map { $0.encoding.rawValue } ?? "", smsSegments: cell.message.sms?.segments ?? 1,
                    costPerMessage: cell.costPerMessage))
        }
        let allocated = lines.map(\.budget).reduce(Money.zero, +)
        let budget = Money(major: brief.budget)
        let sum = { (f: (LineForecast) -> Double) in lines.map { f($0.forecast) }.reduce(0, +) }
        let revenue = Range3(low: sum { $0.revenue.low }, base: sum { $0.revenue.base }, high: sum { $0.revenue.high })
        let certificate = result.certificate
        let segmentFestivals = Dictionary(grouping: lines, by: \.segment).mapValues { Array(Set($0.map(\.festival))).sorted() }
        return Plan(
            name: brief.name, campaignID: brief.campaignID, country: brief.country, currency: currency, period: brief.period, asOf: asOf,
            budget: budget,
            assumptions: assumptionList(),
            segments: segments.map { s in
                PlanSegment(
                    id: s.id, region: s.row.segment, regionName: s.name, language: s.language, customers: s.row.cell.customers,
                    reachable: Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0.rawValue, s.row.cell.reachable[$0]) }),
                    spend: s.row.cell.spend, orders: s.row.cell.orders, active90d: s.row.cell.active90d,
                    imputedLanguage: s.row.cell.imputedLanguage, status: s.row.reason.isEmpty ? "kept" : "kept: \(s.row.reason)",
                    festivals: segmentFestivals[s.id] ?? [])
            },
            excluded: excluded.sorted {
                ($0.segment, $0.festival ?? "", $0.channel ?? "", $0.reason) < ($1.segment, $1.festival ?? "", $1.channel ?? "", $1.reason)
            },
            lines: lines, messages: messages,
            certificate: PlanCertificate(
                method: certificate.method.rawValue, objective: certificate.objective, dualBound: certificate.dualBound,
                gap: certificate.gap,
                relativeGap: certificate.relativeGap, maxViolation: certificate.maxViolation, lambda: certificate.lambda,
                binding: certificate.multipliers.map { "\($0.kind.rawValue) \($0.name): \(DecimalText.fixed($0.multiplier, places: 6))" }),
            totals: PlanTotals(
                budget: budget, allocated: allocated, unspent: budget - allocated,
                unspentReasons: result.unspent.reasons.map(\.description),
                messages: lines.map(\.forecast.messages).reduce(0, +),
                conversions: Range3(low: sum { $0.conversions.low }, base: sum { $0.conversions.base }, high: sum { $0.conversions.high }),
                revenue: revenue, roi: allocated > .zero ? (revenue.base - allocated.major) / allocated.major : nil),
            input: InputSummary(
                file: customersPath, size: customersFingerprint?.size ?? 0, sha256: customersFingerprint?.sha256 ?? "",
                columns: brief.customers.columns, dateFormat: brief.customers.dateFormat, rowsRead: readReport?.rowsRead ?? 0,
                accepted: readReport?.accepted ?? 0,
                rejects: Dictionary(uniqueKeysWithValues: (readReport?.rejected ?? [:]).map { ($0.key.rawValue, $0.value) }),
                source: inputSource.kind, table: inputSource.table),
            warnings: warnings, segmentation: segmentation)
    }

    /// Why the allocator gave a cell nothing, in a reviewer's words.
    func unfundedReason(_ cell: Cell, _ allocation: CellAllocation, lambda: Double) -> String {
        let first = DecimalText.fixed(cell.curve.marginal(at: 0), places: 4)
        if cell.hi <= 0 {
            return "no messages left under the frequency cap (\(brief.frequencyCap.messages) per \(brief.frequencyCap.days) days): "
                + "overlapping festivals earlier in the brief's priority use it"
        }
        if cell.unitCost.map({ $0 > cell.hi }) ?? false {
            return "its share of the frequency cap buys less than one message"
        }
        switch allocation.status {
        case .off: return "not worth its minimum spend: its first rupee returns \(first)"
        case .belowFloor: return "below the marginal-return floor: its first rupee returns \(first)"
        default:
            return "not funded: its first rupee returns \(first), less than the plan's last rupee (\(DecimalText.fixed(lambda, places: 4)))"
        }
    }

    /// The assumptions the plan rests on, as the brief gave them or as defaults.
    func assumptionList() -> [Assumption] {
        var list: [Assumption] = [
            Assumption(key: "budget", value: DecimalText.fixed(brief.budget, places: 2), source: "brief"),
            Assumption(
                key: "min_marginal_return", value: DecimalText.fixed(brief.minMarginalReturn, places: 4),
                source: "brief or default 1 (never buy a loss)"),
            Assumption(key: "currency", value: currency, source: brief.currency == nil ? "locales/\(brief.country).yaml" : "brief"),
            Assumption(key: "holdout", value: DecimalText.fixed(brief.holdout, places: 4), source: "brief or default 0.05"),
            Assumption(
                key: "frequency_cap", value: "\(brief.frequencyCap.messages) per \(brief.frequencyCap.days) days",
                source: "brief or default 3 per 14"),
            Assumption(key: "segmentation.min_customers", value: String(brief.segmentation.minCustomers), source: "brief or default 500"),
            Assumption(
                key: "segmentation.min_spend", value: DecimalText.fixed(brief.segmentation.minSpend, places: 2),
                source: "brief or default 0"),
            Assumption(
                key: "reach",
                value: readReport?.columns.reach == .optIn
                    ? "opt_in: the opt-in flag alone counts a customer as reachable (contacts not checked; send lists need them)"
                    : "contact: opted in and the contact (phone, email, push token) present",
                source: brief.customers.reach == nil ? "default" : "brief (customers.reach)"),
            Assumption(key: "value_index", value: "segment mean spend / plan mean spend, clamped to 0.25-4", source: "planner"),
        ]
        if !Set(brief.segmentation.by).subtracting(["region", "language"]).isEmpty {
            list.append(
                Assumption(
                    key: "segmentation.by",
                    value: brief.segmentation.by.joined(separator: ", ")
                        + ": each tier is a segment with its own mean spend (value_index) and activity_index",
                    source: "brief"))
            list.append(
                Assumption(
                    key: "activity_index",
                    value:
                        "share of the segment's customers who ordered within 90 days / the plan's share, clamped to 0.25-4; multiplies the value per conversion, so champions are worth more per message than lapsed customers",
                    source: "planner"))
        }
        list += [
            Assumption(
                key: "reach_model", value: "reached = A·(1 − e^(−messages/A)); conversions = reached × response × conversion",
                source: "planner")
        ]
        for name in brief.channels.keys.sorted() {
            let c = brief.channels[name]!
            list += [
                Assumption(
                    key: "\(name).cost_per_message", value: DecimalText.fixed(c.costPerMessage, places: 4),
                    source: name == "sms" ? "brief (per SMS segment)" : "brief"),
                responseRateAssumption(name, brief: c.responseRate),
                Assumption(
                    key: "\(name).conversion_rate", value: DecimalText.fixed(c.conversionRate, places: 4), source: "brief or default 1"),
                Assumption(key: "\(name).value_per_conversion", value: DecimalText.fixed(c.valuePerConversion, places: 2), source: "brief"),
                Assumption(key: "\(name).lead_days", value: String(c.leadDays), source: "brief or default 7"),
                Assumption(
                    key: "\(name).send_window", value: "\(c.sendWindow.start)-\(c.sendWindow.end)", source: "brief or default 09:00-21:00"),
            ]
            if let cap = c.cap { list.append(Assumption(key: "\(name).cap", value: DecimalText.fixed(cap, places: 2), source: "brief")) }
        }
        if let (file, rates) = calibration {
            for segment in rates.segments.keys.sorted() {
                for channel in rates.segments[segment]!.keys.sorted() where brief.channels[channel] != nil {
                    list.append(
                        Assumption(
                            key: "calibration.\(segment).\(channel).response_rate", value: "\(rates.segments[segment]![channel]!)",
                            source: "calibration \(file) (\(rates.source); shrunk toward the channel)"))
                }
            }
        }
        for key in brief.arguments.keys.sorted() {
            list.append(Assumption(key: "argument.\(key)", value: brief.arguments[key]!, source: "brief"))
        }
        return list
    }

    /// A channel's response rates as planned: the calibration's when it has the channel, else the brief's.
    func responseRateAssumption(_ name: String, brief rates: Brief.Rates) -> Assumption {
        if let (file, calibration) = calibration, let learned = calibration.channels[name] {
            return Assumption(
                key: "\(name).response_rate", value: "\(learned.low) / \(learned.base) / \(learned.high)",
                source: "calibration \(file) (\(calibration.source); the brief's \(rates.low) / \(rates.base) / \(rates.high))")
        }
        return Assumption(key: "\(name).response_rate", value: "\(rates.low) / \(rates.base) / \(rates.high)", source: "brief")
    }
}
