import Festivals
import Locales
import Messages
import Planner
import PlannerCore
import Segments

/// Renders each send through ICU with the customer's own values: the line's campaign values (as
/// the plan rendered its sample message: the brief's arguments, the festival's name in the
/// language, the festival's day as the offer's deadline, the template's example for other
/// recipient values) and the customer's name.
struct LineRenderer {
    let plan: Plan
    let rules: AudienceRules
    let templates: TemplateCatalog
    let festivals: FestivalCatalog
    /// Per line id: the values shared by its sends.
    private var cache: [String: [String: String]] = [:]
    private(set) var warnings: Set<String> = []

    init(plan: Plan, rules: AudienceRules, templates: TemplateCatalog, festivals: FestivalCatalog) {
        self.plan = plan
        self.rules = rules
        self.templates = templates
        self.festivals = festivals
    }

    /// The templates (by id) that address the customer by name: a `name` or `first_name` recipient argument.
    static func addressingByName(_ templates: TemplateCatalog) -> Set<String> {
        Set(
            templates.templates.filter { template in
                template.arguments.contains { ($0.name == "name" || $0.name == "first_name") && $0.binding == .recipient }
            }.map(\.id))
    }

    /// The customer's name as the argument `spec` takes it: the first name for `first_name`, or
    /// when the full name is longer than the argument's `max_length`; cut to that length at most.
    static func name(_ cleaned: String, for spec: ArgumentSpec) -> String {
        var value = cleaned
        let first = cleaned.split(separator: " ").first.map(String.init) ?? cleaned
        if spec.name == "first_name" { value = first }
        if let limit = spec.maxLength, value.count > limit { value = first.count <= limit ? first : String(first.prefix(limit)) }
        return value
    }

    mutating func values(for line: PlanLine, used: String, spec: Template) -> [String: String] {
        if let cached = cache[line.id] { return cached }
        var values: [String: String] = [:]
        let festival = festivals.festivals.first { $0.id == line.festival }
        for argument in spec.arguments {
            if argument.name == "name" || argument.name == "first_name" { continue }
            if let given = rules.arguments[argument.name] {
                values[argument.name] = given
            } else if argument.name == "festival_name" {
                values[argument.name] = festival?.names[used] ?? festival?.names["en"] ?? line.festivalName
            } else if argument.type == .term {
                continue
            } else if argument.binding == .campaign, argument.type == .date {
                values[argument.name] = line.festivalDate.description
            } else if let example = argument.example {
                values[argument.name] = example
            }
        }
        cache[line.id] = values
        return values
    }

    struct Rendered {
        let send: AudienceSend
        let overWorst: Bool
    }

    mutating func send(line: PlanLine, member: Member, day: CivilDate, time: String) throws(Diagnostic) -> Rendered {
        guard let channel = Channel(rawValue: line.channel), let spec = templates.template(id: line.template) else {
            throw Diagnostic(.badInput, message: "line \(line.id): unknown channel or template")
        }
        let used: String
        do {
            guard let language = try templates.availability(templateID: line.template, language: line.language, channel: channel).language
            else { throw Diagnostic(.badInput, message: "line \(line.id): no \(line.channel) message in \(line.language)") }
            used = language
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic(.badInput, message: "line \(line.id): \(error)")
        }
        var values = values(for: line, used: used, spec: spec)
        for argument in spec.arguments where argument.name == "name" || argument.name == "first_name" {
            values[argument.name] = Self.name(member.name, for: argument)
        }
        let rendered: RenderedMessage
        do {
            rendered = try templates.render(
                templateID: line.template, language: line.language, channel: channel, values: values, country: plan.country,
                options: RenderOptions(registrations: channel == .whatsapp))
        } catch {
            // The error may quote the customer's value: name only the line and the file row.
            throw Diagnostic(
                .badInput, line: member.record.line,
                message: "line \(line.id): the \(line.template) \(line.channel) message cannot be rendered for this customer",
                hint: "check the row's name field")
        }
        let c = Channel.allCases.firstIndex(of: channel)!
        var segments = 1
        var cost = Int64((line.costPerMessage * 10_000).rounded(.toNearestOrAwayFromZero))
        var overWorst = false
        var dlt = (entityID: "", header: "", templateID: "")
        if channel == .sms {
            segments = rendered.sms?.segments ?? 1
            if let price = rules.smsPricePerSegment { cost = Int64(segments) * price }
            if let worst = spec.sms?.maxSegments, segments > worst { overWorst = true }
            if let registration = spec.sms?.dlt {
                dlt = (registration.entityID, registration.header, registration.templates[rendered.language] ?? "")
            } else {
                warnings.insert("template \(spec.id) registers no DLT entity, header or content template ids: sms.csv leaves them empty")
            }
        }
        let send = AudienceSend(
            line: line.id, customerID: member.record.id, segment: line.segment, festival: line.festival, channel: channel,
            language: rendered.language, template: line.template, sendDate: day, sendTime: time, timeZone: line.flight.timeZone,
            contact: member.contacts[c], message: rendered.text, parts: rendered.parts.map { ($0.name, $0.text) }, smsSegments: segments,
            cost: cost, whatsappTemplate: rendered.whatsapp?.send, dlt: dlt)
        return Rendered(send: send, overWorst: overWorst)
    }
}
