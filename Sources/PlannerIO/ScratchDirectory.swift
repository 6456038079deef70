import Foundation
import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private scratch directory (mode 0700, from `mkdtemp`) that is removed with everything in it.
public struct ScratchDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates `TMPDIR/<prefix>-<pid>-XXXXXX`.
    public init(prefix: String) throws(Diagnostic) {
        var template = Array("\(FileBytes.temporaryDirectory)/\(prefix)-\(getpid())-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else {
            throw Diagnostic(
                .internal, path: FileBytes.temporaryDirectory,
                message: "cannot create a scratch directory: \(String(cString: strerror(errno)))",
                hint: "check that the temporary directory is writable")
        }
        path = String(cString: template.map { $0 })
    }

    /// Deletes the directory and everything in it (errors ignored: it is scratch).
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
