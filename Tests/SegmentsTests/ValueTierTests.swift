import Foundation
import Locales
import PlannerCore
import Segments
import Testing

@Suite("Value tiers: RFM quintiles on the file, named groups, roll-up of the finer cells")
struct ValueTierTests {
    /// Ten Tamil Nadu customers, as of 2026-10-01. Days back 0-9, orders and spend (rupees) each a
    /// permutation of 1-10, so every quintile holds two customers. Hand-computed (nearest rank,
    /// n = 10, ranks 2, 4, 6, 8): recency cuts at 1, 3, 5, 7 days (R = 5 for 0-1 days, ... 1 for
    /// 8-9), order cuts at 2, 4, 6, 8, spend cuts at ₹2, ₹4, ₹6, ₹8 (the bucket of 200, 400, 600,
    /// 800 paise). Expected tiers, with FM = (F + M + 1) / 2:
    /// C1 R5 F5 M5 champions · C2 R5 F1 M1 new · C3 R4 F5 M3 (FM 4) champions · C4 R4 F1 M2 new ·
    /// C5 R3 F3 M2 (FM 3) loyal · C6 R3 F2 M5 (FM 4) loyal · C7 R2 F4 M4 at_risk ·
    /// C8 R2 F3 M3 at_risk · C9 R1 F2 M1 (FM 2) lapsed · C10 R1 F4 M4 at_risk.
    static let rows: [(id: String, back: Int, orders: Int, spend: Int, tier: ValueTier)] = [
        ("C1", 0, 10, 10, .champions), ("C2", 1, 1, 1, .new), ("C3", 2, 9, 6, .champions), ("C4", 3, 2, 3, .new),
        ("C5", 4, 6, 4, .loyal), ("C6", 5, 4, 9, .loyal), ("C7", 6, 8, 8, .atRisk), ("C8", 7, 5, 5, .atRisk),
        ("C9", 8, 3, 2, .lapsed), ("C10", 9, 7, 7, .atRisk),
    ]

    static var csv: String {
        "customer_id,state,preferred_language,total_spend,order_count,last_order_date\n"
            + rows.map { row in
                "\(row.id),Tamil Nadu,ta,\(row.spend).00,\(row.orders),\(CivilDate(dayNumber: Fixture.asOf.dayNumber - row.back))\n"
            }.joined()
    }

    func read(_ text: String, workers: Int = 2, groups: Bool = false) throws -> SegmentReadResult {
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try Fixture.reader(workers: workers)
        reader.dimension = .valueTier
        reader.collectGroups = groups
        return try reader.read(path: path)
    }

    @Test("quintile cut points and tiers match the hand computation, whatever the worker count", arguments: [1, 2, 3])
    func handComputed(workers: Int) throws {
        let result = try read(Self.csv, workers: workers)
        let cuts = try #require(result.valueCuts)
        #expect(cuts.recencyDays == [1, 3, 5, 7])
        #expect(cuts.frequencyOrders == [2, 4, 6, 8])
        #expect(cuts.spendLimits.map(\.description) == ["2.01", "4.02", "6.04", "8.04"])
        #expect(cuts.customers == 10)
        for tier in ValueTier.allCases {
            let expected = Self.rows.filter { $0.tier == tier }.count
            let cell = result.cube.cells[SegmentKey(region: "IN-TN", language: "ta", group: tier.rawValue)]
            #expect((cell?.customers ?? 0) == expected, "\(tier.rawValue)")
        }
        // Spend of the champions C1 + C3: ₹10 + ₹6.
        #expect(result.cube.cells[SegmentKey(region: "IN-TN", language: "ta", group: "champions")]?.spend == Money("16.00"))
        for row in Self.rows {
            let s = cuts.scores(daysSinceLastOrder: row.back, orders: row.orders, spend: Money(minor: Int64(row.spend * 100)))
            #expect(ValueTier.of(r: s.r, f: s.f, m: s.m) == row.tier, "\(row.id)")
        }
    }

    @Test("the rules name every tier, promising included")
    func rules() {
        #expect(ValueTier.of(r: 5, f: 4, m: 4) == .champions)
        #expect(ValueTier.of(r: 3, f: 5, m: 1) == .loyal)  // FM (5 + 1 + 1) / 2 = 3
        #expect(ValueTier.of(r: 4, f: 1, m: 3) == .new)  // FM 2, F 1
        #expect(ValueTier.of(r: 3, f: 2, m: 1) == .promising)  // FM 2, R 3
        #expect(ValueTier.of(r: 2, f: 3, m: 3) == .atRisk)
        #expect(ValueTier.of(r: 1, f: 1, m: 2) == .lapsed)
    }

    @Test("ties are never split: five customers with the same spend and orders all score 1")
    func ties() throws {
        let text =
            "customer_id,state,preferred_language,total_spend,order_count,last_order_date\n"
            + (1...5).map { "T\($0),Tamil Nadu,ta,500.00,2,2026-09-0\($0)\n" }.joined()
        let cuts = try #require(try read(text).valueCuts)
        #expect(cuts.frequencyOrders == [2, 2, 2, 2])
        let s = cuts.scores(daysSinceLastOrder: 10, orders: 2, spend: Money("500.00")!)
        #expect(s.f == 1 && s.m == 1)
    }

    @Test("a tier too small rolls up its geography first, then merges with the language's other small tiers")
    func rollup() throws {
        let cube = try read(Self.csv).cube
        let rows = SubstantialityRollup(minCustomers: 3).apply(to: cube, country: Fixture.india)
        let find = { (segment: String, group: String?) in rows.first { $0.segment == segment && $0.group == group } }
        // at_risk has 3 customers: kept in the state.
        #expect(find("IN-TN", "at_risk")?.status == .kept)
        // champions (2): the state, then IN:south, then IN are too small for the tier, so the small
        // tiers (champions 2, lapsed 1, loyal 2, new 2) make IN/ta of 7 customers.
        let champions = try #require(find("IN-TN", "champions"))
        #expect(champions.status == .merged && champions.mergedInto == "IN")
        let merged = try #require(find("IN", nil))
        #expect(merged.status == .kept && merged.cell.customers == 7)
        #expect(merged.reason == "made of groups below the minimum (champions, lapsed, loyal, new)")
        #expect(
            find("IN", "champions")?.reason == "2 customers < 3 even for the whole country: merged with the other small groups into IN/ta")
        let kept = rows.filter { $0.status == .kept }.reduce(0) { $0 + $1.cell.customers }
        #expect(kept == 10)
    }

    @Test("customer groups match two snapshots by id: the migration counts who moved")
    func migration() throws {
        let old = try #require(try read(Self.csv, groups: true).groups)
        #expect(old.count == 10)
        // The same file with C11 added and C2 dropped: with the old cuts nobody moves.
        var reader = try Fixture.reader()
        reader.dimension = .valueTier
        reader.collectGroups = true
        reader.valueCuts = try read(Self.csv).valueCuts
        let changed =
            Self.csv.replacingOccurrences(of: "C2,Tamil Nadu,ta,1.00,1,2026-09-30\n", with: "")
            + "C11,Tamil Nadu,ta,10.00,10,2026-10-01\n"
        let path = try Fixture.file(changed)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let new = try #require(try reader.read(path: path).groups)
        let migration = CustomerGroups.migration(from: old, to: new, groups: ValueTier.allCases.count)
        let index = { (tier: ValueTier) in ValueTier.allCases.firstIndex(of: tier)! }
        #expect(migration.counts[index(.champions)][index(.champions)] == 2)
        #expect(migration.counts[index(.atRisk)][index(.atRisk)] == 3)
        #expect(migration.counts.flatMap { $0 }.reduce(0, +) == 9)
        #expect(migration.gone[index(.new)] == 1)
        #expect(migration.arrived[index(.champions)] == 1)
    }

    @Test("dimension lists: region and language always, at most one more")
    func dimensions() throws {
        #expect(try SegmentDimension.extra(from: ["region", "language", "value_tier"], option: "by") == .valueTier)
        #expect(try SegmentDimension.extra(from: ["region", "language"], option: "by") == nil)
        let error = try #require(throws: Diagnostic.self) {
            try SegmentDimension.extra(from: ["region", "language", "value_teir"], option: "by")
        }
        #expect(error.message.contains("did you mean 'value_tier'"))
        #expect(throws: Diagnostic.self) { try SegmentDimension.extra(from: ["region", "value_tier"], option: "by") }
        #expect(throws: Diagnostic.self) {
            try SegmentDimension.extra(from: ["region", "language", "value_tier", "activity"], option: "by")
        }
    }

    @Test("device groups from device_os, any case and spacing; unknown and empty are other (hand-counted)")
    func device() throws {
        let text =
            "customer_id,state,preferred_language,Platform\n"
            + "D1,Tamil Nadu,ta,Android\nD2,Tamil Nadu,ta, iPhone \nD3,Tamil Nadu,ta,IOS\nD4,Tamil Nadu,ta,desktop\n"
            + "D5,Tamil Nadu,ta,KaiOS\nD6,Tamil Nadu,ta,\nD7,Tamil Nadu,ta,android\n"
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try Fixture.reader()
        reader.dimension = .device
        let result = try reader.read(path: path)
        #expect(result.report.columns[.deviceOS] == 3)
        let count = { (group: String) in result.cube.cells[SegmentKey(region: "IN-TN", language: "ta", group: group)]?.customers ?? 0 }
        let counts: [Int] = ["android", "ios", "web", "other"].map(count)
        #expect(counts == [2, 2, 1, 2])
    }

    @Test("device segments of an export without a device column: a warning names the way out")
    func deviceWithoutColumn() throws {
        let path = try Fixture.file("customer_id,state\nD1,Tamil Nadu\n")
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".rejects.csv")
        }
        var request = Segmentation.Request(customers: path, country: "IN", asOf: Fixture.asOf, rejectsPath: path + ".rejects.csv")
        request.dimension = .device
        var notices: [String] = []
        let run = try Segmentation.run(request, catalog: Fixture.catalog, notice: { notices.append($0) })
        #expect(run.cube?.cells.keys.compactMap(\.group) == ["other"])
        #expect(notices.last?.hasPrefix("warning: no device_os column in ") == true)
    }

    @Test("activity bands: 0-89, 90-179, 180-364 days, then inactive (hand-counted)")
    func activity() throws {
        let text =
            "customer_id,state,preferred_language,last_order_date\n"
            + "A1,Tamil Nadu,ta,2026-10-01\nA2,Tamil Nadu,ta,2026-07-04\nA3,Tamil Nadu,ta,2026-07-03\n"
            + "A4,Tamil Nadu,ta,2025-10-02\nA5,Tamil Nadu,ta,2025-10-01\nA6,Tamil Nadu,ta,\n"
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try Fixture.reader()
        reader.dimension = .activity
        let cube = try reader.read(path: path).cube
        let count = { (band: String) in cube.cells[SegmentKey(region: "IN-TN", language: "ta", group: band)]?.customers ?? 0 }
        // 2026-07-04 is 89 days before 2026-10-01, 2026-07-03 is 90; 2025-10-02 is 364, 2025-10-01 is 365.
        #expect(count("active_90d") == 2)
        #expect(count("active_180d") == 1)
        #expect(count("active_365d") == 1)
        #expect(count("inactive") == 2)
    }
}
