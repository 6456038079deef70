/// An error that says what went wrong as a ``Diagnostic``: every library's typed error conforms,
/// so a front end converts any of them in one place (the CLI's exit handler) and never per command.
public protocol DiagnosticConvertible: Error {
    /// The problem as the user sees it: fault, file, line, field, message, hint.
    var diagnostic: Diagnostic { get }
}

extension Diagnostic: DiagnosticConvertible {
    /// Itself.
    public var diagnostic: Diagnostic { self }
}
