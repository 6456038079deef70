import ICUKit
import Locales
import PlannerCore
import PlannerIO

/// Why a template could not be loaded, resolved or rendered. Each case names the template, the
/// language and the argument concerned, and converts to the user-facing ``Diagnostic``.
public enum MessageError: Error, Equatable, Sendable, CustomStringConvertible, DiagnosticConvertible {
    /// A template file is malformed (YAML, a missing field, an ICU syntax error): file and line.
    case file(Diagnostic)
    /// No template has this id; `known` lists the ids there are, for the hint and a spelling suggestion.
    case unknownTemplate(id: String, known: [String])
    /// The country code is not in the locale catalog.
    case unknownCountry(String)
    /// The template cannot be sent in the language on the channel, directly or by fallback.
    case unavailable(template: String, language: String, channel: Channel, reason: String)
    /// A message used in `language` needs `argument` and no value was given.
    case missingArgument(template: String, language: String, argument: String)
    /// A value was given for an argument the template does not declare (likely misspelt); `declared` lists the real ones.
    case unknownArgument(template: String, argument: String, declared: [String])
    /// A value that does not parse as the argument's type or breaks its limits.
    case invalidValue(template: String, argument: String, value: String, expected: String)
    /// ICU refused to format (should not happen after `templates check`).
    case format(template: String, language: String, field: String, error: ICUError)

    /// The diagnostic's one-line text: location, `error:`, field, message and hint.
    public var description: String { diagnostic.description }

    /// The error as the command line prints it, with exit code 64 (usage) or 65 (data).
    public var diagnostic: Diagnostic {
        switch self {
        case .file(let diagnostic): return diagnostic
        case .unknownTemplate(let id, let known):
            return Diagnostic(
                .badRequest, field: "template", message: "unknown template '\(id)'\(Suggestion.phrase(for: id, among: known))",
                hint: known.isEmpty ? "templates/ holds no templates" : "known templates: \(known.joined(separator: ", "))")
        case .unknownCountry(let code):
            return Diagnostic(.badRequest, field: OptionText.mention("country"), message: "unknown country '\(code)'")
        case .unavailable(let template, let language, let channel, let reason):
            return Diagnostic(
                .badInput, field: "\(template)", message: "cannot send '\(template)' in '\(language)' on \(channel.rawValue): \(reason)",
                hint: "add the translation or a fallback to the template")
        case .missingArgument(let template, let language, let argument):
            return Diagnostic(
                .badRequest, field: argument, message: "missing argument '\(argument)' for '\(template)' in '\(language)'",
                hint: "give it with \(OptionText.mention("set", "\(argument)=VALUE"))")
        case .unknownArgument(let template, let argument, let declared):
            return Diagnostic(
                .badRequest, field: argument, message: "unknown argument '\(argument)': '\(template)' does not declare it",
                hint: "declared: \(declared.joined(separator: ", "))")
        case .invalidValue(let template, let argument, let value, let expected):
            return Diagnostic(
                .badRequest, field: argument, message: "argument '\(argument)' of '\(template)' must be \(expected), got \"\(value)\"")
        case .format(let template, let language, let field, let error):
            return Diagnostic(.badInput, field: field, message: "'\(template)' in '\(language)': \(error)")
        }
    }
}
