import Foundation
import Testing

/// The web workspace in a real headless browser: `scripts/check-web` starts this build's
/// `campaign-planner serve` on a free port with a scratch workspace and drives it with chromium
/// through selenium (upload, the example brief through the form, the Bengali-in-Delhi Durga Puja
/// line, the XLSX download opened by LibreOffice, two plans compared, a region's festival calendar and
/// its ICS download, a bad budget's field error).
/// Never skipped: without chromium, chromium-driver or selenium the script exits 2 and this fails.
@Suite("The web workspace in a browser")
struct WebWorkspaceBrowserTests {
    /// The pages the script photographs (docs/screenshots/ holds the same names).
    static let pages = [
        "home", "brief", "run", "plan", "plan-lines", "plan-messages", "compare", "compare-bridge", "festivals", "brief-error",
    ]

    @Test("scripts/check-web: every acceptance step holds in chromium, and every page is photographed")
    func browser() throws {
        let shots = NSTemporaryDirectory() + "check-web-shots-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: shots) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot + "/scripts/check-web", "--binary", CLI.executable, "--screenshots", shots]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.packageRoot)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 2, "the browser test's tools are missing (see README, Prerequisites): \(stderr)")
        #expect(process.terminationStatus == 0, "check-web failed:\n\(stderr)")
        #expect(stdout.contains("every step holds"), "\(stdout)")
        for page in Self.pages {
            let bytes = FileManager.default.contents(atPath: "\(shots)/\(page).png") ?? Data()
            #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(page).png is not a PNG")
            #expect(bytes.count > 10_000, "\(page).png is nearly empty (\(bytes.count) bytes)")
        }
    }
}
