import Locales
import Messages
import Planner
import PlannerCore

/// The customer values a send needs, read again from the customer's row when it is written.
struct Recipient: Sendable {
    /// The customer's id.
    let id: String
    /// The row's line in the customer file (errors name it, never the values).
    let line: Int
    /// The normalised contact for the line's channel.
    let contact: String
    /// The cleaned name and its first word.
    let name: String, firstName: String
}

/// One plan line's message, prepared by ``LineRenderer``: renders its sends on any thread (the
/// prepared text is filled in without ICU; a line without the shortcut renders through the
/// template catalog, whose compiled ICU messages are shared and locked).
struct LineMessage: Sendable {
    let line: PlanLine
    let channel: Channel
    let spec: Template
    let values: [String: String]
    let prepared: LineRenderer.Prepared?
    let templates: TemplateCatalog
    let country: String
    let smsPricePerSegment: Int64?

    struct Rendered: Sendable {
        let send: AudienceSend
        let overWorst: Bool
    }

    /// The send of this line to `customer` on `day` at `time`.
    func send(to customer: Recipient, day: CivilDate, time: String) throws(Diagnostic) -> Rendered {
        var text: String, parts: [(name: String, text: String)], whatsapp: JSONValue?, language: String
        var sms: SMSCost?
        if let ready = prepared {
            (text, parts, whatsapp) = LineRenderer.substitute(ready, name: customer.name, first: customer.firstName)
            language = ready.message.language
            if channel == .sms {
                do { sms = try SMSCost(text: text) } catch {
                    throw Diagnostic(.internal, message: "line \(line.id): SMS segments: \(error)")
                }
            }
        } else {
            var values = values
            for argument in spec.arguments where argument.name == "name" || argument.name == "first_name" {
                values[argument.name] = LineRenderer.name(customer.name, for: argument)
            }
            do {
                let rendered = try LineRenderer.fullRender(line, channel: channel, values: values, templates: templates, country: country)
                (text, parts, whatsapp, language, sms) = (
                    rendered.text, rendered.parts.map { ($0.name, $0.text) }, rendered.whatsapp?.send, rendered.language, rendered.sms
                )
            } catch {
                // The error may quote the customer's value: name only the line and the file row.
                throw Diagnostic(
                    .badInput, line: customer.line,
                    message: "line \(line.id): the \(line.template) \(line.channel) message cannot be rendered for this customer",
                    hint: "check the row's name field")
            }
        }
        var segments = 1
        var cost = Int64((line.costPerMessage * 10_000).rounded(.toNearestOrAwayFromZero))
        var overWorst = false
        var dlt = (entityID: "", header: "", templateID: "")
        if channel == .sms {
            segments = sms?.segments ?? 1
            if let price = smsPricePerSegment { cost = Int64(segments) * price }
            if let worst = spec.sms?.maxSegments, segments > worst { overWorst = true }
            if let registration = spec.sms?.dlt {
                dlt = (registration.entityID, registration.header, registration.templates[language] ?? "")
            }
        }
        let send = AudienceSend(
            line: line.id, customerID: customer.id, segment: line.segment, festival: line.festival, channel: channel, language: language,
            template: line.template, sendDate: day, sendTime: time, timeZone: line.flight.timeZone, contact: customer.contact,
            message: text, parts: parts, smsSegments: segments, cost: cost, whatsappTemplate: whatsapp, dlt: dlt)
        return Rendered(send: send, overWorst: overWorst)
    }
}
