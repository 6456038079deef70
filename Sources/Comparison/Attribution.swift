import Planner
import PlannerCore
import PlannerIO

/// Finds the first ``ChangeDriver`` that applies to a line, and says what changed, from the two
/// plans' own data (see ``ChangeDriver`` for the rule).
struct Attribution {
    let base: PlanFile
    let other: PlanFile
    /// Brief fields that differ, in the base plan's order, then fields only the other plan has.
    let changedAssumptions: [AssumptionChange]
    let channels: Set<String>

    init(base: PlanFile, other: PlanFile) {
        self.base = base
        self.other = other
        var keys: [String] = []
        for a in base.assumptions + other.assumptions where !keys.contains(a.key) { keys.append(a.key) }
        changedAssumptions = keys.compactMap { key in
            let b = base.plan.assumption(key), o = other.plan.assumption(key)
            return b == o ? nil : AssumptionChange(key: key, base: b, other: o)
        }
        channels = Set((base.lines + other.lines).map(\.channel))
    }

    /// The driver of a line's change; `nil` lines mean absent (both nil: the unspent money).
    func driver(base b: PlanLine?, other o: PlanLine?) -> (ChangeDriver, String) {
        if let b, let o {
            if let reason = message(b, o) { return (.message, reason) }
            if let reason = festivalWindow(b, o) { return (.festivalWindow, reason) }
        }
        if let line = o ?? b, let reason = segment(line.segment, channel: line.channel) { return (.segment, reason) }
        let applicable = changedAssumptions.filter { change in
            guard change.key != "budget", change.key != "currency" else { return false }
            let prefix = change.key.split(separator: ".").first.map(String.init) ?? ""
            guard channels.contains(prefix) else { return true }  // plan-wide
            return (o ?? b).map { $0.channel == prefix } ?? true  // the unspent money: every field
        }
        if !applicable.isEmpty { return (.assumption, applicable.map(\.text).joined(separator: "; ")) }
        if base.budget != other.budget { return (.budget, "budget \(base.budget) → \(other.budget)") }
        return (
            .reallocation,
            "reallocation by the optimiser (λ \(DecimalText.fixed(base.certificate.lambda, places: 6)) → \(DecimalText.fixed(other.certificate.lambda, places: 6)))"
        )
    }

    func message(_ b: PlanLine, _ o: PlanLine) -> String? {
        func find(_ plan: PlanFile, _ l: PlanLine) -> PlanMessage? {
            plan.messages.first { $0.segment == l.segment && $0.festival == l.festival && $0.channel == l.channel }
        }
        let cost = "cost per message \(DecimalText.fixed(b.costPerMessage, places: 4)) → \(DecimalText.fixed(o.costPerMessage, places: 4))"
        if let mb = find(base, b), let mo = find(other, o), mb.smsSegments != mo.smsSegments {
            return "SMS segments \(mb.smsSegments) → \(mo.smsSegments) (\(cost))"
        }
        let priceChanged = changedAssumptions.contains { $0.key == "\(b.channel).cost_per_message" }
        if b.costPerMessage != o.costPerMessage, !priceChanged { return "message \(cost)" }
        return nil
    }

    func festivalWindow(_ b: PlanLine, _ o: PlanLine) -> String? {
        var parts: [String] = []
        if b.festivalDate != o.festivalDate { parts.append("\(b.festivalName) \(b.festivalDate) → \(o.festivalDate)") }
        if b.flight.start != o.flight.start || b.flight.end != o.flight.end {
            parts.append("\(b.festivalName) flight \(b.flight.start)–\(b.flight.end) → \(o.flight.start)–\(o.flight.end)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    func segment(_ id: String, channel: String) -> String? {
        let b = base.segments.first { $0.id == id }, o = other.segments.first { $0.id == id }
        switch (b, o) {
        case (nil, .some): return "segment \(id) is new"
        case (.some, nil): return "segment \(id) left the plan"
        case (let b?, let o?):
            var parts: [String] = []
            if b.customers != o.customers { parts.append("customers \(b.customers) → \(o.customers)") }
            let rb = b.reachable[channel] ?? 0, ro = o.reachable[channel] ?? 0
            if rb != ro { parts.append("\(channel) reachable \(rb) → \(ro)") }
            return parts.isEmpty ? nil : "segment \(id) " + parts.joined(separator: ", ")
        default: return nil
        }
    }
}
