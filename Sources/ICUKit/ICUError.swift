import CICU
import PlannerCore

/// A failure reported by ICU, or a check of ours that ICU itself does not make.
///
/// ICU reports some successes as warnings (`U_USING_DEFAULT_WARNING` is a success), so a status
/// is a failure only when it is positive (`U_FAILURE`).
public enum ICUError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ICU returned a failure status; `name` is ICU's name for it (`u_errorName`).
    case status(code: Int32, name: String, operation: String)
    /// A pattern did not parse; `offset` is the UTF-16 offset where parsing stopped.
    case syntax(pattern: String, offset: Int, operation: String)
    /// A MessageFormat argument the pattern uses was not given.
    case missingArgument(name: String)
    /// An argument was given that the pattern does not use.
    case unknownArgument(name: String)
    /// An argument's value does not fit how the pattern uses it.
    case argumentType(name: String, expected: String, got: String)
    /// The pattern uses numbered arguments (`{0}`); we accept named arguments only.
    case numberedArgument(name: String)
    /// Calendar fields that do not name a real day (ICU would silently normalise them).
    case nonexistentDate(calendar: String, fields: String, normalised: String)
    /// A calendar type ICU does not have.
    case unknownCalendar(String)
    /// A time zone id ICU does not know.
    case unknownTimeZone(String)

    /// One line saying what failed and where (the operation, ICU's status name or the offset).
    public var description: String {
        switch self {
        case .status(_, let name, let operation): "ICU \(operation) failed: \(name)"
        case .syntax(let pattern, let offset, let operation):
            "\(operation): syntax error at offset \(offset) in \"\(pattern)\""
        case .missingArgument(let name): "missing argument '\(name)': the message uses {\(name)}, give it a value"
        case .unknownArgument(let name): "unknown argument '\(name)': the message does not use it (misspelt?)"
        case .argumentType(let name, let expected, let got):
            "argument '\(name)' must be \(expected), got \(got)"
        case .numberedArgument(let name):
            "numbered argument {\(name)}: use named arguments such as {discount}"
        case .nonexistentDate(let calendar, let fields, let normalised):
            "\(fields) does not exist in the \(calendar) calendar (ICU would read it as \(normalised))"
        case .unknownCalendar(let type): "unknown calendar type '\(type)'"
        case .unknownTimeZone(let zone): "unknown time zone '\(zone)'"
        }
    }

    /// Throws when `status` is an ICU failure; warnings pass.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if status > 0 {
            throw .status(code: status, name: String(cString: cp_icu_error_name(status)), operation: operation())
        }
    }
}

extension ICUError: DiagnosticConvertible {
    /// ICU refused a pattern, argument or date that came from our data or the request: bad input
    /// (exit 65 on the command line), with ICU's own words.
    public var diagnostic: Diagnostic { Diagnostic(.badInput, message: description) }
}
