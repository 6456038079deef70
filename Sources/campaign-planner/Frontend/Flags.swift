import PlannerCore

/// The command line's spelling of what libraries say without knowing it: request options
/// (``OptionText``) as flags, and faults as exit codes. The one place either is decided.
enum Flags {
    /// `--map region=COLUMN` for the option `map` with the value `region=COLUMN`.
    static func spell(_ name: String, _ value: String?) -> String { "--\(name)" + (value.map { " \($0)" } ?? "") }

    /// `text` with every option mention spelled as a flag.
    static func spelled(_ text: String) -> String { OptionText.spelled(text, spell) }

    /// sysexits codes: 64 (EX_USAGE) for a bad request, 65 (EX_DATAERR) for bad input, 1 otherwise.
    static func exitCode(for fault: Diagnostic.Fault) -> Int32 {
        switch fault {
        case .badRequest: 64
        case .badInput: 65
        case .internal: 1
        }
    }
}
