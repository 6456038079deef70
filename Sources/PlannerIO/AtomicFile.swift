import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary file
/// in the same directory, are flushed to disk, and the file is renamed over the target (an atomic
/// step on POSIX file systems). A failed run leaves any previous file untouched.
public enum AtomicFile {
    /// Who may read a written file: everyone (`0644`, the default), or only its owner (`0600`)
    /// for files that hold personal data (rejected rows keep phones, emails and names).
    public enum Access: Sendable {
        /// `shared`: `0644`, readable by everyone; `ownerOnly`: `0600`, for personal data.
        case shared, ownerOnly
        var mode: mode_t { self == .ownerOnly ? 0o600 : 0o644 }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, access: Access = .shared) throws(Diagnostic) {
        let writer = try Writer(path: path, access: access)
        try writer.append(bytes)
        try writer.commit()
    }

    /// Writes UTF-8 text to `path` atomically.
    public static func write(_ text: String, to path: String, access: Access = .shared) throws(Diagnostic) {
        try write(Array(text.utf8), to: path, access: access)
    }

    /// Deletes `prefix<pid>-XXXXXX` files in `directory` whose writing process no longer exists
    /// (killed before its rename): a later run cleans up after a crashed one. Files of a live
    /// process, another run writing the same output now, are left alone.
    static func removeStale(prefix: String, in directory: String) {
        guard let names = try? DirectoryListing.files(in: directory, hidden: true) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(directory)/\(name)") }
        }
    }

    fileprivate static func failure(_ message: String, _ path: String) -> Diagnostic {
        Diagnostic(.internal, path: path, message: message, hint: "check that the directory exists and is writable")
    }
}

/// Reads whole files as bytes, with errors that name the file.
public enum FileBytes {
    /// The system's temporary directory (`TMPDIR`, else `/tmp`).
    public static var temporaryDirectory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Reads the whole file at `path` as bytes; a file that cannot be opened is a bad-request error.
    public static func read(_ path: String) throws(Diagnostic) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw Diagnostic(
                .badRequest, path: path, message: "cannot open: \(String(cString: strerror(errno)))",
                hint: "check the path")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        if ferror(file) != 0 { throw Diagnostic(.internal, path: path, message: "read error") }
        return bytes
    }

    /// Reads a UTF-8 text file; invalid UTF-8 is an error naming the line.
    /// The most a YAML data file (a brief, column mapping, template, calendar or locale file) may
    /// hold: 1 MiB, 25 times the largest shipped one (calendars/IN.yaml, 39 KB). A larger file is
    /// refused before it is read, so a wrong path to a 100 MB export cannot fill memory.
    public static let textLimit = 1 << 20

    /// Reads a UTF-8 text data file of at most `limit` bytes.
    public static func readText(_ path: String, limit: Int = textLimit) throws(Diagnostic) -> String {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > limit {
            throw Diagnostic(
                .badRequest, path: path,
                message:
                    "the file is \(DecimalText.fixed(Double(info.st_size) / 1_048_576, places: 1)) MiB: briefs, column mappings, templates and calendars are at most \(limit >> 20) MiB",
                hint: "check the path: customer exports go to \(OptionText.mention("customers")) or the brief's customers")
        }
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = bytes.prefix { _ in true }.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
            throw Diagnostic(path: path, line: line, message: "not valid UTF-8", hint: "save the file as UTF-8")
        }
        return text
    }
}

extension AtomicFile {
    /// A file written in pieces and made visible whole: bytes go to a temporary file beside
    /// `path` (buffered, so memory stays small whatever is written), and ``commit()`` renames it
    /// over `path`. A writer dropped without committing removes its temporary file.
    public final class Writer {
        /// The target file the temporary one is renamed over on commit.
        public let path: String
        private let temporary: String
        private var fd: Int32
        private var pending: [UInt8] = []
        private let flushAt = 1 << 20
        private let access: Access

        /// Creates the temporary file beside `path` (mkstemp makes it owner-only until commit),
        /// named `.<name>.tmp-<pid>-XXXXXX`; first removes the ones a killed writer left there.
        public init(path: String, access: Access = .shared) throws(Diagnostic) {
            self.access = access
            let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            let prefix = ".\(path.split(separator: "/").last ?? "out").tmp-"
            AtomicFile.removeStale(prefix: prefix, in: directory)
            var template = Array("\(directory)/\(prefix)\(getpid())-XXXXXX".utf8CString)
            // Close-on-exec: a program started meanwhile by another thread must not inherit the file
            // (it would hold it open for writing, and a script written this way could not be run).
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw failure("cannot create a temporary file in \(directory)", path) }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            self.fd = fd
            self.path = path
            self.temporary = String(cString: template.map { $0 })
            pending.reserveCapacity(flushAt + 4096)
        }

        deinit {
            if fd >= 0 {
                close(fd)
                unlink(temporary)
            }
        }

        /// Appends bytes.
        public func append(_ bytes: some Sequence<UInt8>) throws(Diagnostic) {
            pending.append(contentsOf: bytes)
            if pending.count >= flushAt { try flush() }
        }

        /// Appends UTF-8 text.
        public func append(_ text: String) throws(Diagnostic) { try append(text.utf8) }

        private func flush() throws(Diagnostic) {
            var ok = true
            pending.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                    if n <= 0 {
                        if n < 0 && errno == EINTR { continue }
                        ok = false
                        break
                    }
                    written += n
                }
            }
            pending.removeAll(keepingCapacity: true)
            guard ok else { throw failure("cannot write: \(String(cString: strerror(errno)))", path) }
        }

        /// Flushes, syncs and renames the file over `path`.
        public func commit() throws(Diagnostic) {
            try flush()
            let ok = fchmod(fd, access.mode) == 0 && fsync(fd) == 0
            let closed = close(fd) == 0
            fd = -1
            guard ok, closed, rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw failure("cannot write: \(reason)", path)
            }
        }
    }
}

/// Creates directories, like `mkdir -p`.
public enum Directory {
    /// Creates `path` and its missing parents (mode 0755); an existing directory is fine.
    public static func create(_ path: String) throws(Diagnostic) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/\(part)"
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw Diagnostic(.internal, path: current, message: "cannot create the directory: \(String(cString: strerror(errno)))")
            }
        }
    }
}
