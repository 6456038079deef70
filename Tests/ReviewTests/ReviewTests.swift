import Export
import Foundation
import Locales
import PlannerCore
import Review
import Segments
import Testing
import WorkbookTestSupport

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let catalog = try! LocaleCatalog(directory: root + "/locales", countries: ["IN"])
    static let asOf = CivilDate(year: 2026, month: 10, day: 1)!

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "review-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A synthetic export of `count` customers (seed `seed`), with `drift` applied.
    static func synth(_ count: Int, seed: UInt64, drift: SyntheticCustomers.Drift = .init(), in directory: String) throws -> (
        path: String, report: SyntheticCustomers.DriftReport
    ) {
        var synth = try SyntheticCustomers(catalog: catalog, country: "IN", seed: seed, dirty: false, asOf: asOf)
        synth.drift = drift
        var bytes: [UInt8] = []
        let report = try synth.generate(count: count) { bytes.append(contentsOf: $0) }
        let path = "\(directory)/seed\(seed)-\(UUID().uuidString.prefix(8)).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, report)
    }

    static func review(
        _ old: String, _ new: String, rollup: SubstantialityRollup = .init(), results: (SegmentResults, SegmentResults)? = nil,
        in directory: String
    ) throws -> SegmentReview {
        var request = SegmentReview.Request(old: old, new: new, country: "IN", asOf: asOf, rollup: rollup)
        request.oldResults = results?.0
        request.newResults = results?.1
        request.oldRejectsPath = directory + "/old.rejects.csv"
        request.newRejectsPath = directory + "/new.rejects.csv"
        return try SegmentReview.run(request, catalog: catalog)
    }
}

@Suite("Segment review: two snapshots, significant changes, flags and migration")
struct ReviewTests {
    @Test("the two-proportion z-test matches the hand computation")
    func shareTest() {
        // 50 of 1000 then, 80 of 1000 now: pooled 0.065, sd √(0.065 · 0.935 · 2/1000) = 0.011025,
        // z = 0.03 / 0.011025 = 2.7211, p = erfc(2.7211/√2) = 0.006507 (computed with Python's math.erfc).
        let z = ShareTest.z(50, of: 1000, 80, of: 1000)
        #expect(abs(z - 2.721095) < 1e-6)
        #expect(abs(ShareTest.pValue(z) - 0.0065066) < 1e-6)
        // Significant alone at 0.01, not among 10 tests (threshold 0.001).
        #expect(ShareTest(alpha: 0.01, tests: 1).isSignificant(z))
        #expect(!ShareTest(alpha: 0.01, tests: 10).isSignificant(z))
        #expect(ShareTest.z(0, of: 10, 0, of: 10) == 0)
    }

    /// Stated changes on seed 7's 40,000 customers: IN-KA grows 20 %, 30 % of IN-TN's customers
    /// lapse (last order 400 days earlier), 20 % of IN-MH's Marathi speakers write Hindi.
    @Test("a second snapshot with stated changes: the review finds exactly those, and the migration counts who moved")
    func statedChanges() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var drift = SyntheticCustomers.Drift()
        drift.grow = ["IN-KA": 0.2]
        drift.lapse = ["IN-TN": 0.3]
        drift.shifts = [.init(region: "IN-MH", from: "mr", to: "hi", share: 0.2)]
        let old = try Fixture.synth(40_000, seed: 7, in: directory)
        let new = try Fixture.synth(40_000, seed: 7, drift: drift, in: directory)
        let review = try Fixture.review(old.path, new.path, in: directory)
        let significant = review.segments.filter(\.significant)
        // Every significant change is one of the stated ones: growth in IN-KA, the lapse in IN-TN
        // (tiers inside IN-TN's segments, never their size), the shift between IN-MH/mr and IN-MH/hi.
        for entry in significant {
            let explained =
                (entry.region == "IN-KA" && entry.group == nil) || (entry.region == "IN-TN" && entry.group != nil)
                || (entry.id == "IN-MH/mr" || entry.id == "IN-MH/hi")
            #expect(explained, "\(entry.id) changed significantly without a stated change")
        }
        let byID = Dictionary(uniqueKeysWithValues: review.segments.map { ($0.id, $0) })
        #expect(byID["IN-KA/kn"]?.flags.map(\.kind) == ["grew"])
        #expect(byID["IN-MH/mr"]?.flags.map(\.kind) == ["shrank"])
        #expect(byID["IN-MH/hi"]?.flags.map(\.kind) == ["grew"])
        #expect(byID["IN-TN/ta/lapsed"]?.flags.map(\.kind) == ["grew"])
        #expect(byID["IN-TN/ta/at_risk"]?.flags.map(\.kind) == ["grew"])
        #expect(byID["IN-TN/ta"]?.significant == false)
        let lapsedReason = try #require(byID["IN-TN/ta/lapsed"]?.flags.first?.reason)
        #expect(lapsedReason.hasPrefix("IN-TN/ta lapsed grew from ") && lapsedReason.hasSuffix(": consider a win-back flight"))
        // The IN-KA growth is 20 % of its rows, all new ids: they arrive, nobody is gone.
        let added = try #require(new.report.added["IN-KA"])
        let kaOld = review.segments.filter { $0.region == "IN-KA" && $0.group == nil }.reduce(0) { $0 + $1.old.customers }
        #expect(added == Int((Double(kaOld) * 0.2).rounded()))
        let migration = try #require(review.migration)
        #expect(migration.arrived.reduce(0, +) == added)
        #expect(migration.gone.reduce(0, +) == 0)
        #expect(migration.matched == 40_000)
        // Only lapsed customers move, and only into the tiers of recency score 1-2.
        let lapsed = try #require(new.report.lapsed["IN-TN"])
        #expect(migration.moved > 0 && migration.moved <= lapsed)
        let late = Set(["at_risk", "lapsed"])
        for (i, from) in migration.groups.enumerated() {
            for (j, to) in migration.groups.enumerated() where i != j && migration.counts[i][j] > 0 {
                #expect(late.contains(to), "\(migration.counts[i][j]) moved from \(from) to \(to)")
            }
        }
        #expect(new.report.shifted["IN-MH/mr>hi"] ?? 0 > 0)
    }

    @Test("two snapshots drawn from the same distribution: no significant change, no flag")
    func sameDistribution() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = try Fixture.synth(40_000, seed: 7, in: directory)
        let b = try Fixture.synth(40_000, seed: 8, in: directory)
        let review = try Fixture.review(a.path, b.path, in: directory)
        #expect(review.segments.count > 500)
        #expect(review.segments.filter(\.significant).map(\.id) == [])
        #expect(review.flagged.map(\.id) == [])
    }

    /// Three Tamil Nadu customers then, one now (and two new in Karnataka): with a minimum of 2,
    /// IN-TN/ta became too small; IN-KA/kn appeared but 2 customers are not significant.
    @Test("too small and too broad, with the thresholds in the reason; the JSON names acceptance checks read")
    func thresholdsAndJSON() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let header = "customer_id,state,preferred_language,total_spend,order_count,last_order_date\n"
        try (header + "C1,TN,ta,100,1,2026-09-01\nC2,TN,ta,200,2,2026-08-01\nC3,TN,ta,300,3,2026-07-01\n")
            .write(toFile: directory + "/old.csv", atomically: true, encoding: .utf8)
        try (header + "C1,TN,ta,100,1,2026-09-01\nC4,KA,kn,50,1,2026-09-20\nC5,KA,kn,60,1,2026-09-21\n")
            .write(toFile: directory + "/new.csv", atomically: true, encoding: .utf8)
        // Results: IN-TN/ta converted 50 of 1000 then, 80 of 1000 now: z = 2.7211, p = 0.0065 (see
        // shareTest), below 0.01 for the one segment with results in both: significant.
        try "segment,sent,conversions\nIN-TN/ta,1000,50\nIN:south/ta,10,1\n".write(
            toFile: directory + "/r1.csv", atomically: true, encoding: .utf8)
        try "segment,sent,conversions\nIN-TN/ta,1000,80\n".write(toFile: directory + "/r2.csv", atomically: true, encoding: .utf8)
        let review = try Fixture.review(
            directory + "/old.csv", directory + "/new.csv", rollup: SubstantialityRollup(minCustomers: 2, maxShare: 0.5),
            results: (try SegmentResults(path: directory + "/r1.csv"), try SegmentResults(path: directory + "/r2.csv")), in: directory)
        let tamil = try #require(review.segments.first { $0.id == "IN-TN/ta" })
        #expect(tamil.old.customers == 3 && tamil.new.customers == 1)
        #expect(tamil.changePct?.value == -66.66666666666667)
        #expect(tamil.flags.map(\.kind) == ["too_small", "conversion_up"])
        #expect(tamil.conversion?.z.value ?? 0 > 2.72 && tamil.conversion?.z.value ?? 0 < 2.73)
        #expect(
            tamil.flags.last?.reason
                == "IN-TN/ta converted better, from 5.00 % to 8.00 % of customers sent (50 of 1000, then 80 of 1000): keep the offer and message that worked, and let the plan give it more"
        )
        #expect(review.resultsUnmatched == ["IN:south/ta"])
        #expect(
            tamil.flags.first?.reason
                == "IN-TN/ta became too small (1 customers < 2, was 3 customers): it will be rolled up into its zone; plan it with the zone's segment or lower the minimum"
        )
        // IN-KA/kn: none then, 2 of 3 now (66.67 % > 50 %).
        let kannada = try #require(review.segments.first { $0.id == "IN-KA/kn" })
        #expect(kannada.changePct == nil)
        #expect(kannada.flags.map(\.kind) == ["too_broad"])
        #expect(kannada.flags.first?.reason.contains("66.67 % of all customers, above the 50.00 % maximum (was 0.00 %)") == true)

        let written = try ReviewExport.write(review, to: directory + "/out")
        #expect(
            written.map { String($0.split(separator: "/").last!) } == [
                "review.json", "review.csv", "migration.csv", "flags.csv", "review.xlsx", "size-changes.svg", "migration.svg", "review.md",
            ])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/out/review.json"))) as? [String: Any]
        )
        let segments = try #require(json["segments"] as? [[String: Any]])
        let first = try #require(segments.first { $0["id"] as? String == "IN-TN/ta" })
        #expect((first["old"] as? [String: Any])?["customers"] as? Int == 3)
        #expect((first["new"] as? [String: Any])?["spend"] as? Double == 100)
        #expect(first["change_pct"] as? Double == -66.67)
        #expect(first["significant"] as? Bool == false)
        #expect((first["flags"] as? [[String: Any]])?.first?["kind"] as? String == "too_small")
        let migration = try #require(json["migration"] as? [String: Any])
        #expect(migration["groups"] as? [String] == ValueTier.allCases.map(\.rawValue))
        // C1 is in both files; C2 and C3 are gone, C4 and C5 arrived.
        #expect(migration["matched"] as? Int == 1)
        #expect((migration["gone"] as? [Int])?.reduce(0, +) == 2)
        #expect((migration["arrived"] as? [Int])?.reduce(0, +) == 2)
        // The same review gives the same bytes.
        #expect(try ReviewExport.json(review) == String(contentsOfFile: directory + "/out/review.json", encoding: .utf8))
        let md = try String(contentsOfFile: directory + "/out/review.md", encoding: .utf8)
        #expect(md.contains("- **IN-TN/ta** (too_small): IN-TN/ta became too small"))
        let heat = try String(contentsOfFile: directory + "/out/migration.svg", encoding: .utf8)
        #expect(heat.hasPrefix("<svg") && heat.contains("<title>"))
    }
}

@Suite("Segment review of two segments --format json outputs")
struct ReviewJSONTests {
    @Test("a segments JSON output reads back to the same cube and cut points; two of them review like the exports, without a migration")
    func roundTrip() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var drift = SyntheticCustomers.Drift()
        drift.grow = ["IN-KA": 0.5]
        let old = try Fixture.synth(20_000, seed: 5, in: directory)
        let new = try Fixture.synth(20_000, seed: 5, drift: drift, in: directory)
        var paths: [String] = []
        var runs: [Segmentation] = []
        for (i, file) in [old.path, new.path].enumerated() {
            var request = Segmentation.Request(customers: file, country: "IN", asOf: Fixture.asOf, rejectsPath: directory + "/r\(i).csv")
            request.dimension = .valueTier
            let run = try Segmentation.run(request, catalog: Fixture.catalog)
            let path = directory + "/segments\(i).json"
            try SegmentTable.json(run.rows, report: run.report, dimension: .valueTier, valueCuts: run.valueCuts)
                .write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
            runs.append(run)
        }
        let back = try SegmentSnapshot(segmentsJSON: paths[0], country: "IN")
        // The JSON holds every measure but the opt-in counts.
        let project = { (cube: SegmentCube) in
            cube.cells.mapValues { [$0.customers, Int($0.spend.minor), $0.reachable.sms, $0.reachable.whatsapp, $0.active365d, $0.orders] }
        }
        let same = project(back.cube) == project(try #require(runs[0].cube))
        #expect(same)
        #expect(back.valueCuts == runs[0].valueCuts)
        #expect(back.dimension == .valueTier && back.groups == nil)
        let fromJSON = try Fixture.review(paths[0], paths[1], in: directory)
        let fromCSV = try Fixture.review(old.path, new.path, in: directory)
        #expect(fromJSON.migration == nil && fromCSV.migration != nil)
        // Region × language sizes do not depend on the cut points: the same significant segments.
        let regional = { (r: SegmentReview) in r.segments.filter { $0.group == nil && $0.significant }.map(\.id) }
        #expect(regional(fromJSON) == regional(fromCSV))
        #expect(regional(fromJSON).contains("IN-KA/kn"))
        let mixed = try #require(throws: Diagnostic.self) { _ = try Fixture.review(paths[0], new.path, in: directory) }
        #expect(mixed.message == "give two customer exports or two segments JSON outputs, not one of each")
    }
}

@Suite("The review workbook in LibreOffice")
struct ReviewWorkbookTests {
    @Test("review.xlsx opens with its Sizes, Migration and Flags sheets; the migration totals recompute to the customers of both files")
    func workbook() throws {
        let directory = try Fixture.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let header = "customer_id,state,preferred_language,total_spend,order_count,last_order_date\n"
        try (header + "C1,TN,ta,100,1,2026-09-01\nC2,TN,ta,200,2,2026-08-01\nC3,TN,ta,300,3,2026-07-01\n")
            .write(toFile: directory + "/old.csv", atomically: true, encoding: .utf8)
        try (header + "C1,TN,ta,100,1,2026-09-01\nC4,KA,kn,50,1,2026-09-20\nC5,KA,kn,60,1,2026-09-21\n")
            .write(toFile: directory + "/new.csv", atomically: true, encoding: .utf8)
        let review = try Fixture.review(
            directory + "/old.csv", directory + "/new.csv", rollup: SubstantialityRollup(minCustomers: 2, maxShare: 0.5), in: directory)
        _ = try ReviewExport.write(review, to: directory + "/out")
        let sheets = try LibreOffice.sheets(
            of: URL(fileURLWithPath: directory + "/out/review.xlsx"), names: ["Sizes", "Migration", "Flags"])
        let sizes = try #require(sheets["Sizes"])
        #expect(sizes.count == review.segments.count + 1)
        #expect(sizes.first?.first == "id")
        let tamil = try #require(sizes.first { $0.first == "IN-TN/ta" })
        #expect(tamil[4] == "3" && tamil[5] == "1")
        let migration = try #require(sheets["Migration"])
        // Header, six tiers, arrived, then the totals row: C1 matched, C2 and C3 gone, C4 and C5 arrived.
        #expect(migration.count == 9)
        #expect(migration.last?.first == "Total")
        #expect(migration.last?.last == "5")
        let flags = try #require(sheets["Flags"])
        // IN-KA/kn (2 of 3 customers) is too broad, and so is its tier: with the old file's cuts
        // (n = 3, ranks 1, 2, 2, 3: recency ≤ 30/61/61/92 days, orders ≤ 1/2/2/3) C4 and C5,
        // 10-11 days back with 1 order, score R 5 and F 1: new. IN-TN/ta fell to 1 customer.
        #expect(
            flags.dropFirst().map { "\($0[0]) \($0[1])" } == ["IN-KA/kn too_broad", "IN-KA/kn/new too_broad", "IN-TN/ta too_small"])
    }
}
