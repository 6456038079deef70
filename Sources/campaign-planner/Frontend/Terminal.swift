import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and error, and whether they are terminals.
enum Terminal {
    /// Lines on standard error, each with control and bidi characters escaped (``SafeText``) and
    /// request options spelled as flags (``Flags``).
    static func printError(_ text: String) {
        let lines = Flags.spelled(text).split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.escaped(String($0)) }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static var errorIsTerminal: Bool { isatty(2) == 1 }

    /// Rewrites one progress line on standard error (nil ends it).
    static func progress(_ text: String?) {
        let bytes = Array((text.map { "\r\u{1B}[K" + $0 } ?? "\r\u{1B}[K").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

}
