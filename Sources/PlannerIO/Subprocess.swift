import Foundation
import PlannerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs another program and waits for it: the one place the project starts a process (LibreOffice
/// for PDF, and in the tests `pdftotext`). Its standard output and error go to one scratch file,
/// not a pipe, so a chatty program cannot fill a pipe and block. The program starts in a process
/// group of its own, so a time limit stops it and every helper it started (`soffice` is a script
/// that starts `oosplash`, which starts `soffice.bin`), and nothing else.
///
/// It uses `posix_spawn` rather than Foundation's `Process`, which on Linux reports a program's
/// end only when every process holding its descriptors has ended (measured: `sh -c 'sleep 30'`
/// sent SIGTERM after 0.2 s was reported ended 30 s later, when the orphaned `sleep` exited).
public enum Subprocess {
    /// How a run ended.
    public struct Outcome: Sendable, Equatable {
        /// The exit status, or the number of the signal that ended the program.
        public let status: Int32
        /// Standard output and standard error together, as UTF-8 (invalid bytes replaced).
        public let output: String
        /// Whether the run was stopped because it passed its time limit.
        public let timedOut: Bool
    }

    /// The executable called `name` in the first directory of `searchPath` (a `PATH`-style list,
    /// by default this process's `PATH`) that holds one; nil when none does.
    public static func find(_ name: String, searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` and this process's environment plus `environment`,
    /// standard input empty, waiting at most `timeout` seconds; a program still running then is
    /// stopped with its process group (SIGTERM, then SIGKILL 5 seconds later) and the outcome
    /// says it timed out. Throws only when the program cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Double
    ) throws(Diagnostic) -> Outcome {
        var template = Array("\(FileBytes.temporaryDirectory)/campaign-planner-run-\(getpid())-XXXXXX".utf8CString)
        let log = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard log >= 0 else {
            throw Diagnostic(
                .internal, path: FileBytes.temporaryDirectory, message: "cannot create a scratch file to run \(executable)",
                hint: "check that the temporary directory is writable")
        }
        let logPath = String(cString: template.map { $0 })
        defer {
            close(log)
            unlink(logPath)
        }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pid = try spawn(executable, arguments, environment: variables.map { "\($0)=\($1)" }, output: log)
        var status: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while !finished(pid, &status) {
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                let grace = Date().addingTimeInterval(5)
                while !finished(pid, &status) {
                    if Date() >= grace {
                        kill(-pid, SIGKILL)
                        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                        break
                    }
                    usleep(20_000)
                }
                break
            }
            usleep(20_000)
        }
        let output = (try? FileBytes.read(logPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // A wait status: the exit code in bits 8-15 when the low 7 bits are 0, else the signal there.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
        return Outcome(status: code, output: output, timedOut: timedOut)
    }

    /// Whether the child `pid` has ended (its wait status then in `status`).
    private static func finished(_ pid: pid_t, _ status: inout Int32) -> Bool {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result < 0 && errno == EINTR { continue }
            return result != 0
        }
    }

    /// Starts the program in a new process group, standard input from `/dev/null`, standard
    /// output and error to `output`.
    private static func spawn(_ executable: String, _ arguments: [String], environment: [String], output: Int32) throws(Diagnostic) -> pid_t
    {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own group; no blocked signals and every signal's default action, whatever this
        // process's threads block or ignore, so SIGTERM stops it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        var result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // ETXTBSY: a program just written is still open for writing in a child another thread
        // forked meanwhile (it closes on that child's exec); try again shortly, a few times.
        var tries = 0
        while result == ETXTBSY && tries < 50 {
            tries += 1
            usleep(20_000)
            result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        guard result == 0 else {
            throw Diagnostic(.internal, path: executable, message: "cannot start: \(String(cString: strerror(result)))")
        }
        return pid
    }
}
