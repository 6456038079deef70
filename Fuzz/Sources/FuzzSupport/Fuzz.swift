import CFuzzDriver
import Locales

#if canImport(Glibc)
    import Glibc
#endif

/// What every harness shares: where the repository is, the real locale catalog (loaded once per
/// process), a scratch folder for inputs that must be files, and the hand-over to libFuzzer.
public enum Fuzz {
    /// The repository root: `$CAMPAIGN_PLANNER_ROOT` when set, else found from this source file's
    /// compile-time path (`<root>/Fuzz/Sources/FuzzSupport/Fuzz.swift`).
    public static let root: String = {
        if let value = getenv("CAMPAIGN_PLANNER_ROOT"), value.pointee != 0 { return String(cString: value) }
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    /// The shipped `locales/` data for India, as the CLI loads it.
    public static let locales: LocaleCatalog = {
        do {
            return try LocaleCatalog(directory: root + "/locales", countries: ["IN"])
        } catch {
            fatalError("cannot load \(root)/locales (set CAMPAIGN_PLANNER_ROOT): \(error)")
        }
    }()

    /// A folder of this process for inputs written as files: under `$TMPDIR` when set (scripts/fuzz
    /// points it at a folder in /dev/shm that it removes afterwards), else /dev/shm, else /tmp.
    public static let scratch: String = {
        let base: String
        if let value = getenv("TMPDIR"), value.pointee != 0 {
            base = String(cString: value)
        } else {
            base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        }
        let path = "\(base)/campaign-planner-fuzz-\(getpid())"
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { fatalError("cannot create \(path)") }
        return path
    }()

    /// The input as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let data, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: count))
    }

    /// Writes `bytes` to `path` (replacing it); a failure to write is a broken setup, not a finding.
    public static func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            guard n > 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    /// Runs libFuzzer with the process arguments and `testOneInput`; exits with its status.
    public static func main(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
