import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's size and SHA-256, read in one streaming pass: what a plan records of the customer
/// file it was made from, so a later `audience` run can tell whether the file has changed.
public struct FileFingerprint: Sendable, Equatable {
    /// The file's size in bytes.
    public let size: Int
    /// The file's SHA-256 digest as lower-case hex.
    public let sha256: String

    /// A fingerprint of `size` bytes with digest `sha256`.
    public init(size: Int, sha256: String) {
        self.size = size
        self.sha256 = sha256
    }

    /// Reads the file at `path` (1 MiB at a time; memory does not grow with the file).
    public init(path: String) throws(Diagnostic) {
        guard let file = fopen(path, "rb") else {
            throw Diagnostic(.badRequest, path: path, message: "cannot open: \(String(cString: strerror(errno)))", hint: "check the path")
        }
        defer { fclose(file) }
        var state = SHA256()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 {
                state.update(chunk[0..<n])
                size += n
            }
            if n < chunk.count { break }
        }
        if ferror(file) != 0 { throw Diagnostic(.internal, path: path, message: "read error") }
        self.init(size: size, sha256: Digest.hex(state.finish()))
    }
}
