/// A problem in the user's input, located precisely enough to fix: file, line, column, field.
///
/// The command line prints it compiler-style, one line:
/// `locales/IN.yaml:12:5: error: regions[3].population: expected an integer, got "abc". Hint: ...`
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whose mistake it is, which decides the exit code (sysexits: 64 usage, 65 data).
    public enum Kind: Sendable, Equatable {
        /// The command was called wrongly (unknown option value, missing file argument).
        case usage
        /// An input file or value is malformed.
        case data
        /// Something failed that the user cannot fix by changing the input.
        case failure

        public var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .data: 65
            case .failure: 1
            }
        }
    }

    public var kind: Kind
    public var path: String?
    /// 1-based line (for CSV: the physical line where the row starts).
    public var line: Int?
    /// 1-based column, in characters.
    public var column: Int?
    /// The field or key path the problem is in, e.g. `regions[3].population` or `spend`.
    public var field: String?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(
        _ kind: Kind = .data, path: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil,
        message: String, hint: String? = nil
    ) {
        self.kind = kind
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

    /// The one line printed for the user: `file:line:column: error: field: message. Hint: hint`.
    /// Everything in it is ``SafeText/escaped(_:)``: messages quote input, which may be binary.
    public var description: String {
        var text = "\(location)error: "
        if let field { text += "\(field): " }
        text += message
        if let hint { text += ". Hint: \(hint)" }
        return SafeText.escaped(text)
    }
}
