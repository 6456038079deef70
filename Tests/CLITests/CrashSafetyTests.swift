import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `plan` killed while it works leaves every output either as it was or complete, never partial;
/// the next run removes what the killed one left behind; a full disk is a clear error.
@Suite("Crash-safe outputs", .serialized)
struct CrashSafetyTests {
    /// Every file in `folder` (hidden ones too) with its bytes.
    static func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = FileManager.default.contents(atPath: "\(folder)/\(name)")
        }
        return files
    }

    static func planArguments(brief: String, customers: String, out: String) -> [String] {
        ["plan", brief, "--customers", customers, "--out", out, "--format", "json,xlsx,csv,md"]
    }

    @Test("SIGKILL at twelve points of a run: each output is the previous file or the new one; the next run leaves no temporary file")
    func killed() throws {
        let folder = NSTemporaryDirectory() + "crash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // 200,000 customers: about two seconds of reading, segmenting and writing in a debug build.
        let synth = try CLI.run(["synth", "--customers", "200000", "--seed", "9"])
        try synth.stdout.write(toFile: "\(folder)/customers.csv", atomically: true, encoding: .utf8)
        let example = try String(contentsOfFile: CLI.packageRoot + "/examples/festive-2026.yaml", encoding: .utf8)
        let smaller = example.replacingOccurrences(of: "budget: 40000 ", with: "budget: 30000 ")
        #expect(smaller != example)
        try example.write(toFile: "\(folder)/old.yaml", atomically: true, encoding: .utf8)
        try smaller.write(toFile: "\(folder)/new.yaml", atomically: true, encoding: .utf8)

        let started = Date()
        let old = try CLI.run(Self.planArguments(brief: "\(folder)/old.yaml", customers: "\(folder)/customers.csv", out: "\(folder)/old"))
        let duration = Date().timeIntervalSince(started)
        #expect(old.status == 0, "\(old.stderr)")
        let new = try CLI.run(Self.planArguments(brief: "\(folder)/new.yaml", customers: "\(folder)/customers.csv", out: "\(folder)/new"))
        #expect(new.status == 0, "\(new.stderr)")
        let before = try Self.contents(of: "\(folder)/old"), after = try Self.contents(of: "\(folder)/new")
        #expect(before.keys.sorted() == after.keys.sorted())
        #expect(before["plan.json"] != after["plan.json"])

        var sawNew = false, sawOld = false
        for k in 0..<12 {
            let out = "\(folder)/run\(k)"
            try FileManager.default.copyItem(atPath: "\(folder)/old", toPath: out)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.executable)
            process.arguments = Self.planArguments(brief: "\(folder)/new.yaml", customers: "\(folder)/customers.csv", out: out)
            process.currentDirectoryURL = URL(fileURLWithPath: CLI.packageRoot)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill points spread from the start to 1.4 times the first run's length (a loaded machine
            // runs slower than it did); the last run is left to finish, so a complete new output is seen.
            if k < 11 {
                usleep(UInt32(duration * 1.4 * Double(k) / 11 * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            for (name, data) in try Self.contents(of: out) where !name.hasPrefix(".") {
                let isOld = data == before[name], isNew = data == after[name]
                #expect(isOld || isNew, "run \(k): \(name) is neither the previous nor the new file")
                sawOld = sawOld || (isOld && !isNew)
                sawNew = sawNew || (isNew && !isOld)
            }
        }
        // Early kills leave the previous outputs; the run left to finish leaves the new ones.
        #expect(sawOld && sawNew)
        // A complete run into a folder a killed run left temporary files in removes them.
        let last = "\(folder)/run11"
        let stray = "\(last)/.plan.json.tmp-999999-abcdef"
        FileManager.default.createFile(atPath: stray, contents: Data("partial".utf8))
        let again = try CLI.run(Self.planArguments(brief: "\(folder)/new.yaml", customers: "\(folder)/customers.csv", out: last))
        #expect(again.status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: last).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "left behind: \(left)")
        #expect(try Self.contents(of: last) == after)
    }

    @Test("a full disk (ulimit -f) is a clear error and leaves the earlier outputs intact")
    func fullDisk() throws {
        let folder = NSTemporaryDirectory() + "full-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = try CLI.run(["plan", "examples/festive-2026.yaml", "--out", folder])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.contents(of: folder)
        // With SIGXFSZ ignored, a write past the limit fails with EFBIG, as on a full disk.
        let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" plan examples/festive-2026.yaml --out \"$1\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, CLI.executable, folder]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.packageRoot)
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("error: cannot write: File too large"), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1)
        #expect(try Self.contents(of: folder) == before)
    }

    @Test("a read-only output folder is a clear error naming it and leaves the earlier outputs intact")
    func readOnlyFolder() throws {
        let folder = NSTemporaryDirectory() + "read-only-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer {
            chmod(folder, 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let first = try CLI.run(["plan", "examples/festive-2026.yaml", "--out", folder])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.contents(of: folder)
        #expect(chmod(folder, 0o555) == 0)
        // Root writes into read-only folders, so the run is made as `nobody` (setpriv, util-linux).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments =
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", CLI.executable, "plan", "examples/festive-2026.yaml", "--out", folder]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.packageRoot)
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(
            stderr
                == "\(folder)/plan.json: error: cannot create a temporary file in \(folder). Hint: check that the directory exists and is writable\n"
        )
        #expect(try Self.contents(of: folder) == before)
    }
}
