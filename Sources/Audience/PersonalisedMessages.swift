import Festivals
import Locales
import Messages
import Planner
import PlannerCore
import Segments

/// One plan line's message for many customers, as the audience renders it: through ICU once per
/// line with a placeholder name, then each customer's cleaned name put in its place (checked
/// against full renders first; see ``AudienceBuilder``). For benchmarks and previews.
public struct PersonalisedMessages {
    private var renderer: LineRenderer
    private let line: PlanLine
    private let customer: Member

    /// The renderer of `line` of `plan`, with the data in `dataRoot`.
    public init(plan: Plan, line: PlanLine, dataRoot: String) throws(Diagnostic) {
        let locales = try LocaleCatalog(directory: "\(dataRoot)/locales", countries: [plan.country])
        let templates = try TemplateCatalog(directory: "\(dataRoot)/templates", locales: locales)
        let festivals = try FestivalCatalog(directory: "\(dataRoot)/calendars", country: plan.country, locales: locales)
        renderer = LineRenderer(
            plan: plan, rules: try AudienceRules(plan: plan, path: "plan.json"), templates: templates, festivals: festivals)
        self.line = line
        let record = CustomerRecord(
            line: 2, id: "preview", region: line.region, language: line.language, spendMinor: 0, orders: 0, daysSinceLastOrder: nil,
            optIns: [true, true, true, true], phone: "+919800000000", email: "preview@example.com", pushToken: "preview-token", name: "")
        customer = Member(record: record, campaignID: "preview", country: plan.country)
    }

    /// The message for a customer called `name` (as the file writes it), with its SMS segments.
    public mutating func render(name: String) throws(Diagnostic) -> (text: String, smsSegments: Int) {
        let member = customer.renamed(SafeText.cleanName(name))
        let rendered = try renderer.send(line: line, member: member, day: line.flight.start, time: line.flight.sendFrom)
        return (rendered.send.message, rendered.send.smsSegments)
    }
}
