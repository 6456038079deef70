import Foundation
import PlannerCore
import PlannerIO

/// A WhatsApp Business message template for one language, as submitted to Meta (Cloud API
/// `message_templates`), with the parameters of one send, and the problems Meta would reject.
///
/// Campaign-fixed values are baked into the text (one template per campaign); recipient values
/// become parameters, `{{first_name}}` (NAMED) or `{{1}}` (POSITIONAL, numbered per component
/// in order of first appearance), each with an example. Limits (Meta, 2025): header text 60
/// characters with at most one parameter, body 1024, footer 60 without parameters, button text
/// 25; the body may not start or end with a parameter nor hold two parameters side by side.
public struct WhatsAppTemplate: Sendable {
    /// The registration JSON (name, language, category, parameter_format, components).
    public let registration: JSONValue
    /// The send payload's `template` object for one recipient (name, language, components).
    public let send: JSONValue
    /// Meta's language code, e.g. `hi`, `en`.
    public let languageCode: String
    /// Problems Meta would reject the template for (a body over 1024 characters, a parameter at the start), in words.
    public let errors: [String]
    /// Risks that may pass review but deserve a look, in words.
    public let warnings: [String]

    /// Characters as Meta counts them (Unicode code points).
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    static let headerLimit = 60, bodyLimit = 1024, footerLimit = 60, buttonLimit = 25

    struct Part {
        let component: String  // HEADER, BODY, FOOTER, BUTTON
        let skeleton: String
    }

    init(
        settings: WhatsAppSettings, languageCode: String, parts: [Part], sentinels: [Unicode.Scalar: ArgumentSpec],
        values: [String: String]
    ) {
        var errors: [String] = []
        var warnings: [String] = []
        var components: [JSONValue] = []
        var sendComponents: [JSONValue] = []
        let named = settings.parameterFormat == .named
        var buttonIndex = 0
        var buttons: [JSONValue] = []
        var sendButtons: [JSONValue] = []
        for part in parts {
            // Replace sentinels by parameters in first-appearance order.
            var text = ""
            var order: [ArgumentSpec] = []
            var previousWasParameter = false
            var sinceParameter = ""
            for scalar in part.skeleton.unicodeScalars {
                if let spec = sentinels[scalar] {
                    if previousWasParameter, sinceParameter.unicodeScalars.allSatisfy({ $0 == " " || Bidi.isMark($0) }) {
                        errors.append(
                            "\(part.component.lowercased()): parameters {{\(order.last!.name)}} and {{\(spec.name)}} are adjacent")
                    }
                    if !order.contains(spec) { order.append(spec) }
                    text += named ? "{{\(spec.name)}}" : "{{\(order.firstIndex(of: spec)! + 1)}}"
                    previousWasParameter = true
                    sinceParameter = ""
                } else {
                    text.unicodeScalars.append(scalar)
                    sinceParameter.unicodeScalars.append(scalar)
                }
            }
            let length = Self.length(text)
            let examples = order.map { values[$0.name] ?? $0.example ?? $0.name }
            switch part.component {
            case "HEADER":
                if length > Self.headerLimit { errors.append("header is \(length) characters: WhatsApp allows \(Self.headerLimit)") }
                if order.count > 1 { errors.append("header has \(order.count) parameters: WhatsApp allows 1") }
                if text.contains("\n") { errors.append("header has a line break") }
            case "BODY":
                if length > Self.bodyLimit { errors.append("body is \(length) characters: WhatsApp allows \(Self.bodyLimit)") }
                let trimmed = text.trimmingCharacters(in: { $0.properties.isWhitespace || Bidi.isMark($0) })
                if trimmed.hasPrefix("{{") { errors.append("body starts with a parameter: WhatsApp rejects it") }
                if trimmed.hasSuffix("}}") { errors.append("body ends with a parameter: WhatsApp rejects it") }
                let words = text.split(whereSeparator: { $0.isWhitespace }).count
                if !order.isEmpty, words < 3 * order.count + 1 {
                    warnings.append("body has \(words) words for \(order.count) parameters: Meta may reject it as too many parameters")
                }
            case "FOOTER":
                if length > Self.footerLimit { errors.append("footer is \(length) characters: WhatsApp allows \(Self.footerLimit)") }
                if !order.isEmpty { errors.append("footer has parameters: WhatsApp allows none") }
            default:
                if length > Self.buttonLimit {
                    errors.append("button '\(text)' is \(length) characters: WhatsApp allows \(Self.buttonLimit)")
                }
            }
            var component: [(String, JSONValue)] = [("type", .string(part.component))]
            if part.component == "HEADER" { component.append(("format", .string("TEXT"))) }
            if part.component == "BUTTON" {
                let button = settings.buttons[buttonIndex]
                buttonIndex += 1
                var json: [(String, JSONValue)] = [("type", .string(button.type.rawValue)), ("text", .string(text))]
                if let url = button.url {
                    json.append(("url", .string(url)))
                    if let argument = button.argument {
                        let example = values[argument] ?? sentinels.values.first { $0.name == argument }?.example ?? argument
                        json.append(("example", .array([.string(url.replacingOccurrences(of: "{{\(argument)}}", with: example))])))
                        sendButtons.append(
                            .object([
                                ("type", .string("button")), ("sub_type", .string("url")), ("index", .string("\(buttonIndex - 1)")),
                                ("parameters", .array([.object([("type", .string("text")), ("text", .string(values[argument] ?? ""))])])),
                            ]))
                    }
                }
                buttons.append(.object(json))
                continue
            }
            component.append(("text", .string(text)))
            if !order.isEmpty {
                let key = part.component == "HEADER" ? "header_text" : "body_text"
                let example: JSONValue =
                    named
                    ? .array(
                        zip(order, examples).map { .object([("param_name", .string($0.name)), ("example", .string($1))]) })
                    : (part.component == "HEADER" ? .array(examples.map { .string($0) }) : .array([.array(examples.map { .string($0) })]))
                component.append(("example", .object([(named ? key + "_named_params" : key, example)])))
                sendComponents.append(
                    .object([
                        ("type", .string(part.component.lowercased())),
                        (
                            "parameters",
                            .array(
                                order.map { spec in
                                    var parameter: [(String, JSONValue)] = [("type", .string("text"))]
                                    if named { parameter.append(("parameter_name", .string(spec.name))) }
                                    parameter.append(("text", .string(values[spec.name] ?? "")))
                                    return .object(parameter)
                                })
                        ),
                    ]))
            }
            components.append(.object(component))
        }
        if !buttons.isEmpty { components.append(.object([("type", .string("BUTTONS")), ("buttons", .array(buttons))])) }
        self.registration = .object([
            ("name", .string(settings.name)), ("language", .string(languageCode)), ("category", .string(settings.category.rawValue)),
            ("parameter_format", .string(settings.parameterFormat.rawValue)), ("components", .array(components)),
        ])
        self.send = .object([
            ("name", .string(settings.name)), ("language", .object([("code", .string(languageCode))])),
            ("components", .array(sendComponents + sendButtons)),
        ])
        self.languageCode = languageCode
        self.errors = errors
        self.warnings = warnings
    }
}

extension String {
    func trimmingCharacters(in predicate: (Unicode.Scalar) -> Bool) -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, predicate(first) { scalars.removeFirst() }
        while let last = scalars.last, predicate(last) { scalars.removeLast() }
        return String(scalars)
    }
}
