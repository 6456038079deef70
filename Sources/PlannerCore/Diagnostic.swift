/// A problem in the user's input, located precisely enough to fix: file, line, column, field.
///
/// The command line prints it compiler-style, one line:
/// `locales/IN.yaml:12:5: error: regions[3].population: expected an integer, got "abc". Hint: ...`
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whose mistake it is. Libraries say only this; the command line maps it to an exit code
    /// (sysexits: 64 for a bad request, 65 for bad input, 1 otherwise), the web workspace to a status.
    public enum Fault: Sendable, Equatable {
        /// The request was wrong: an unknown option value, a missing file, a name that is not loaded.
        case badRequest
        /// An input file or value is malformed.
        case badInput
        /// Something failed that the user cannot fix by changing the input or the request: a
        /// directory that cannot be written, a read error, a bug.
        case `internal`
    }

    /// Whose mistake it is.
    public var fault: Fault
    /// The file the problem is in; `nil` for a problem in the request itself.
    public var path: String?
    /// 1-based line (for CSV: the physical line where the row starts).
    public var line: Int?
    /// 1-based column, in characters.
    public var column: Int?
    /// The field or key path the problem is in, e.g. `regions[3].population` or `spend`.
    public var field: String?
    /// What is wrong, in the user's terms; input it quotes is escaped when printed.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// A diagnostic; only `message` is required, and the fault defaults to `badInput` (exit 65 on the command line).
    public init(
        _ fault: Fault = .badInput, path: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil,
        message: String, hint: String? = nil
    ) {
        self.fault = fault
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// The location prefix, e.g. `locales/IN.yaml:12:5: ` (empty when there is no file).
    public var location: String {
        guard let path else { return "" }
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text + ": "
    }

    /// The one line shown to the user: `file:line:column: error: field: message. Hint: hint`, with
    /// request options (``OptionText``) as `spell` writes them. Everything in it is
    /// ``SafeText/escaped(_:)``: messages quote input, which may be binary.
    public func text(spelling spell: (_ name: String, _ value: String?) -> String) -> String {
        SafeText.escaped(OptionText.spelled(unspelled, spell))
    }

    /// The line with options spelled plainly (``OptionText/plain(_:)``); front ends spell their own.
    public var description: String { SafeText.escaped(OptionText.plain(unspelled)) }

    private var unspelled: String {
        var text = "\(location)error: "
        if let field { text += "\(field): " }
        text += message
        if let hint { text += ". Hint: \(hint)" }
        return text
    }
}
