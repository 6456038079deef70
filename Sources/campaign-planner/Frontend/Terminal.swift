#if canImport(Glibc)
    import Glibc
#endif

/// Standard output and error, and whether they are terminals.
enum Terminal {
    static func printError(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static var errorIsTerminal: Bool { isatty(2) == 1 }
}
