import Foundation
import PlanTestSupport
import PlannerCore
import Results
import Testing

@Suite("Outcomes from a known truth, and results recovering it")
struct SyntheticOutcomesTests {
    /// An audience of 1,000 messaged and 100 held-out customers on each of L0001 (sms) and L0002
    /// (email), every customer on one line only.
    static func campaign() throws -> String {
        let folder = NSTemporaryDirectory() + "synthetic-outcomes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: "\(folder)/audience", withIntermediateDirectories: true)
        try Data(PlanDocumentFixture.json(name: "Truth", budget: 500, segments: ["IN-DL/hi", "IN-WB/bn"], lines: CampaignFixture.lines))
            .write(to: URL(fileURLWithPath: "\(folder)/plan.json"))
        var sends = "line,customer_id,cost\n", holdout = "customer_id,segment,line\n"
        for i in 1...1_000 { sends += "L0001,S\(i),0.12\nL0002,E\(i),0.02\n" }
        for i in 1...100 { holdout += "HS\(i),IN-WB/bn,L0001\nHE\(i),IN-DL/hi,L0002\n" }
        try sends.write(toFile: "\(folder)/audience/sends.csv", atomically: true, encoding: .utf8)
        try holdout.write(toFile: "\(folder)/audience/holdout.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("each channel's true incremental rate (1 − base) · lift is inside its 95 % interval in 90-99 of 100 seeds")
    func coverage() throws {
        let folder = try Self.campaign()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Base 3 %; SMS adds 6 points, email 2: true lifts 0.97 · 0.06 = 0.0582 and 0.97 · 0.02 = 0.0194.
        let truth = ["sms": 0.97 * 0.06, "email": 0.97 * 0.02]
        var covered = ["sms": 0, "email": 0]
        for seed in 1...100 {
            let outcomes = try SyntheticOutcomes(
                baseRate: 0.03, lift: ["sms": 0.06, "email": 0.02], orderValue: Money(major: 400), seed: UInt64(seed)
            )
            .csv(plan: "\(folder)/plan.json", audience: "\(folder)/audience")
            try outcomes.write(toFile: "\(folder)/outcomes.csv", atomically: true, encoding: .utf8)
            let results = try CampaignResults.measure(
                .init(plan: "\(folder)/plan.json", audience: "\(folder)/audience", outcomes: "\(folder)/outcomes.csv"))
            for lift in results.byChannel where lift.incrementalConversionRate.covers(truth[lift.key]!) { covered[lift.key]! += 1 }
        }
        #expect((90...99).contains(covered["sms"]!), "sms covered \(covered["sms"]!) of 100")
        #expect((90...99).contains(covered["email"]!), "email covered \(covered["email"]!) of 100")
    }

    @Test("the same seed gives the same file; held-out customers convert at the base rate only")
    func deterministic() throws {
        let folder = try Self.campaign()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let make = { (seed: UInt64) throws in
            try SyntheticOutcomes(baseRate: 0.5, lift: ["sms": 0.5], orderValue: Money(major: 100), seed: seed)
                .csv(plan: "\(folder)/plan.json", audience: "\(folder)/audience")
        }
        let a = try make(7)
        #expect(try make(7) == a)
        #expect(try make(8) != a)
        let rows = a.split(separator: "\n").dropFirst()
        #expect(rows.count == 2_200)
        // SMS customers convert with 1 − 0.5 · 0.5 = 75 %, held-out ones with 50 %: within 4 standard errors.
        let sms = rows.filter { $0.hasPrefix("S") }, held = rows.filter { $0.hasPrefix("H") }
        let smsRate = Double(sms.filter { $0.contains(",1,") }.count) / Double(sms.count)
        let heldRate = Double(held.filter { $0.contains(",1,") }.count) / Double(held.count)
        #expect(abs(smsRate - 0.75) < 4 * (0.75 * 0.25 / 1_000).squareRoot())
        #expect(abs(heldRate - 0.5) < 4 * (0.25 / 200).squareRoot())
        #expect(sms.first?.hasSuffix(",1,100.00") == true || sms.first?.hasSuffix(",0,0.00") == true)
    }
}
