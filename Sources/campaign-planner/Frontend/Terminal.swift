import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and error, and whether they are terminals.
enum Terminal {
    /// One line on standard error, with control and bidi characters escaped (``SafeText``).
    static func printError(_ text: String) {
        let bytes = Array((SafeText.escaped(text) + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static var errorIsTerminal: Bool { isatty(2) == 1 }

    /// Rewrites one progress line on standard error (nil ends it).
    static func progress(_ text: String?) {
        let bytes = Array((text.map { "\r\u{1B}[K" + $0 } ?? "\r\u{1B}[K").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

}
