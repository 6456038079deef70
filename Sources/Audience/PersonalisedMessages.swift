import Festivals
import Locales
import Messages
import Planner
import PlannerCore
import Segments

/// One plan line's message for many customers, as the audience renders it: through ICU once per
/// line with a placeholder name, then each customer's cleaned name put in its place (checked
/// against full renders first; see ``AudienceBuilder``). For benchmarks and previews.
public struct PersonalisedMessages: Sendable {
    private let message: LineMessage

    /// The renderer of `line` of `plan`, with the data in `dataRoot`.
    public init(plan: Plan, line: PlanLine, dataRoot: String) throws(Diagnostic) {
        let locales = try LocaleCatalog(directory: "\(dataRoot)/locales", countries: [plan.country])
        let templates = try TemplateCatalog(directory: "\(dataRoot)/templates", locales: locales)
        let festivals = try FestivalCatalog(directory: "\(dataRoot)/calendars", country: plan.country, locales: locales)
        var renderer = LineRenderer(
            plan: plan, rules: try AudienceRules(plan: plan, path: "plan.json"), templates: templates, festivals: festivals)
        message = try renderer.message(for: line)
    }

    /// The message for a customer called `name` (as the file writes it), with its SMS segments.
    /// Safe to call from several threads at once.
    public func render(name: String) throws(Diagnostic) -> (text: String, smsSegments: Int) {
        let cleaned = SafeText.cleanName(name)
        let customer = Recipient(
            id: "preview", line: 2, contact: "+919800000000", name: cleaned, firstName: LineRenderer.firstName(cleaned))
        let rendered = try message.send(to: customer, day: message.line.flight.start, time: message.line.flight.sendFrom)
        return (rendered.send.message, rendered.send.smsSegments)
    }
}
