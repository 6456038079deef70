import Foundation
import PlannerCore
import PlannerIO
import Testing

/// Running another program (what `--format pdf` starts LibreOffice with), on `/bin/sh`.
@Suite("Subprocess: exit status, output, environment, a time limit; scratch directories")
struct SubprocessTests {
    @Test("finds a program on a PATH-style list, the first directory that has it")
    func find() {
        #expect(Subprocess.find("sh", searchPath: "/nonexistent:/bin:/usr/bin") == "/bin/sh")
        #expect(Subprocess.find("no-such-program-here", searchPath: "/bin:/usr/bin") == nil)
        #expect(Subprocess.find("sh", searchPath: "") == nil)
    }

    @Test("standard output and error together, the exit status, and the added environment")
    func run() throws {
        let outcome = try Subprocess.run(
            "/bin/sh", ["-c", "echo out; echo err >&2; echo \"$PLANNER_TEST\"; exit 7"], environment: ["PLANNER_TEST": "set"], timeout: 60)
        #expect(outcome.status == 7 && !outcome.timedOut)
        #expect(outcome.output == "out\nerr\nset\n")
    }

    @Test("a program past its time limit is stopped with the helpers it started, and says so")
    func timeout() throws {
        // The shell starts a helper (sleep) and waits for it; both are in the program's group.
        let outcome = try Subprocess.run("/bin/sh", ["-c", "sleep 31 & echo $!; wait"], timeout: 0.5)
        #expect(outcome.timedOut)
        #expect(outcome.status == SIGTERM)
        let helper = try #require(Int32(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Signalled with the group: gone (or a zombie for init to reap) once the signal lands.
        func running() -> Bool {
            let state = (try? String(contentsOfFile: "/proc/\(helper)/stat", encoding: .utf8))?.split(separator: " ")[2]
            return state != nil && state != "Z"
        }
        for _ in 0..<100 where running() { usleep(20_000) }
        #expect(!running())
    }

    @Test("a program that cannot start is an error naming it")
    func cannotStart() {
        #expect(throws: Diagnostic.self) { try Subprocess.run("/nonexistent/program", [], timeout: 1) }
    }

    @Test("a scratch directory is private and goes with everything in it")
    func scratch() throws {
        let directory = try ScratchDirectory(prefix: "subprocess-test")
        try Directory.create("\(directory.path)/a/b")
        try AtomicFile.write("x", to: "\(directory.path)/a/b/file")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int)
        #expect(mode == 0o700)
        directory.remove()
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
