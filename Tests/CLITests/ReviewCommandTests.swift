import Foundation
import Testing

@Suite("campaign-planner review and synth's later snapshots")
struct ReviewCommandTests {
    @Test("synth --grow makes a later snapshot (the same rows, then new ones); review finds the growth and writes every file")
    func growth() throws {
        let directory = NSTemporaryDirectory() + "review-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let base = try CLI.run(["synth", "--customers", "30000", "--seed", "3"])
        let later = try CLI.run(["synth", "--customers", "30000", "--seed", "3", "--grow", "IN-UP=0.5"])
        #expect(base.status == 0 && later.status == 0)
        // The same 30,000 rows first, then the added ones, all in Uttar Pradesh.
        #expect(later.stdout.hasPrefix(base.stdout))
        let added = later.stdout.dropFirst(base.stdout.count).split(separator: "\n").count
        #expect(later.stderr == "drift: added \(added) rows in IN-UP\n")
        try base.stdout.write(toFile: directory + "/old.csv", atomically: true, encoding: .utf8)
        try later.stdout.write(toFile: directory + "/new.csv", atomically: true, encoding: .utf8)
        let review = try CLI.run([
            "review", directory + "/old.csv", directory + "/new.csv", "--as-of", "2026-10-01", "--out", directory + "/out",
            "--min-customers", "50",
        ])
        #expect(review.status == 0)
        #expect(review.stderr.contains("IN-UP/hi grew from "))
        #expect(review.stderr.contains("; 0 of 30000 matched customers changed value_tier"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/out").sorted()
        #expect(
            files == [
                "flags.csv", "migration.csv", "migration.svg", "new.rejects.csv", "old.rejects.csv", "review.csv", "review.json",
                "review.md", "review.xlsx", "size-changes.svg",
            ])
        // Region and language only: no migration, written as null; --results must come twice.
        let plain = try CLI.run([
            "review", directory + "/old.csv", directory + "/new.csv", "--as-of", "2026-10-01", "--out", directory + "/plain", "--by",
            "region,language",
        ])
        #expect(plain.status == 0)
        let json = try String(contentsOfFile: directory + "/plain/review.json", encoding: .utf8)
        #expect(json.contains("\"migration\": null") && json.contains("\"dimension\": null"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/plain/migration.csv"))
        let once = try CLI.run(["review", directory + "/old.csv", directory + "/new.csv", "--results", directory + "/old.csv"])
        #expect(once.status == 64 && once.stderr.contains("give --results twice"))
        let wrong = try CLI.run(["synth", "--customers", "10", "--shift", "IN-MH/mr=0.2"])
        #expect(wrong.status == 64 && wrong.stderr.contains("is not REGION/FROM:TO=SHARE"))
    }
}
