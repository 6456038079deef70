import Foundation
import Locales
import PlannerCore
import PlannerIO
import Segments
import Testing

@Suite("Substantiality roll-up")
struct RollupTests {
    static func cell(_ customers: Int, spend: Int64 = 0) -> SegmentCell {
        var cell = SegmentCell()
        cell.customers = customers
        cell.spend = Money(minor: spend * 100)
        return cell
    }

    // IN-TN, IN-KL, IN-KA are in zone south; IN-WB in east (locales/IN.yaml).
    static let cube = SegmentCube(
        country: "IN",
        cells: [
            SegmentKey(region: "IN-TN", language: "ta"): cell(500),
            SegmentKey(region: "IN-TN", language: "te"): cell(40),
            SegmentKey(region: "IN-KA", language: "te"): cell(70),
            SegmentKey(region: "IN-KL", language: "ta"): cell(30),
            SegmentKey(region: "IN-WB", language: "ta"): cell(20),
            SegmentKey(region: "IN-WB", language: "ur"): cell(5),
        ])

    @Test("small cells merge into the zone, then the country, or are dropped; kept customers plus dropped = all")
    func rollUp() {
        let rows = SubstantialityRollup(minCustomers: 100).apply(to: Self.cube, country: Fixture.india)
        let summary = rows.map { "\($0.segment) \($0.language) \($0.cell.customers) \($0.status.rawValue) \($0.mergedInto ?? "-")" }
        // te: TN 40 + KA 70 = 110 ≥ 100 in IN:south, kept there. ta: KL 30 → IN:south (30) too small → IN;
        // WB 20 → IN:east (20) → IN; IN ta = 50 < 100: dropped. ur: 5 → IN:east → IN: 5, dropped.
        #expect(
            summary == [
                "IN ta 50 dropped -", "IN ur 5 dropped -", "IN-KA te 70 merged IN:south", "IN-KL ta 30 dropped -", "IN-TN ta 500 kept -",
                "IN-TN te 40 merged IN:south", "IN-WB ta 20 dropped -", "IN-WB ur 5 dropped -", "IN:east ta 20 dropped -",
                "IN:east ur 5 dropped -", "IN:south ta 30 dropped -", "IN:south te 110 kept -",
            ])
        #expect(rows.first { $0.segment == "IN-TN" && $0.language == "te" }?.reason == "40 customers < 100: merged into IN:south")
        let kept = rows.filter { $0.status == .kept }.map(\.cell.customers).reduce(0, +)
        let dropped = rows.filter { $0.status == .dropped && $0.level == .region }.map(\.cell.customers).reduce(0, +)
        #expect(kept + dropped == Self.cube.total.customers)
    }

    @Test("a zone segment too small goes on to the country, kept there; spend is a threshold too; broad segments flagged")
    func countryAndSpend() {
        let rows = SubstantialityRollup(minCustomers: 40, minSpend: Money(minor: 0), maxShare: 0.5).apply(
            to: Self.cube, country: Fixture.india)
        // ta: KL 30 → IN:south 30 < 40 → IN; WB 20 → IN:east 20 → IN; IN ta = 50 ≥ 40: kept.
        let kerala = rows.first { $0.segment == "IN-KL" }!
        #expect(kerala.status == .merged && kerala.mergedInto == "IN")
        #expect(kerala.reason == "30 customers < 40: merged into IN:south, still too small, so into IN")
        #expect(rows.first { $0.segment == "IN" && $0.language == "ta" }?.status == .kept)
        // 500 of 665 customers = 75.19 % > 50 %.
        let tamil = rows.first { $0.segment == "IN-TN" && $0.language == "ta" }!
        #expect(tamil.tooBroad && tamil.reason == "too broad: 75.19 % of all customers > 50.00 %")
        let bySpend = SubstantialityRollup(minCustomers: 1, minSpend: Money("1")!).apply(to: Self.cube, country: Fixture.india)
        #expect(bySpend.allSatisfy { $0.status == .dropped })
    }

    @Test("the table has the exact CSV header and fixed formats")
    func csv() {
        let rows = SubstantialityRollup(minCustomers: 100).apply(to: Self.cube, country: Fixture.india)
        let table = SegmentTable.table(rows)
        let lines = [table.header.joined(separator: ",")] + table.rows.map { $0.map(\.plainText).joined(separator: ",") }
        #expect(
            lines[0]
                == "region,language,customers,sms_reachable,whatsapp_reachable,email_reachable,push_reachable,spend,orders,active_90d,imputed_language,status,merged_into,reason"
        )
        #expect(lines[3] == "IN-KA,te,70,0,0,0,0,0.00,0,0,0,merged,IN:south,70 customers < 100: merged into IN:south")
    }
}

@Suite("Column mapping")
struct ColumnMappingTests {
    @Test("common header names are recognised without a mapping")
    func automatic() throws {
        let header = SyntheticCustomers.header.split(separator: ",").map(String.init)
        let columns = try ColumnMapping.automatic.resolve(header: header, path: "x.csv")
        #expect(columns[.region] == 2 && columns[.language] == 4 && columns[.spend] == 5 && columns[.pushToken] == 14)
        #expect(columns[.city] == 3 && columns[.customerID] == 0)
    }

    @Test("a YAML mapping names columns; a missing column points at the YAML line")
    func yaml() throws {
        let mapping = try ColumnMapping(yaml: "region: Bundesland\nlanguage: Sprache\n", path: "map.yaml")
        let columns = try mapping.resolve(header: ["Kunde", "Bundesland", "Sprache", "customer_id"], path: "c.csv")
        #expect(columns[.region] == 1 && columns[.language] == 2 && columns[.customerID] == 3)
        let error = #expect(throws: Diagnostic.self) {
            try ColumnMapping(yaml: "customer_id: Kunde\nregion: Land\n", path: "map.yaml").resolve(
                header: ["Kunde", "Staat"], path: "c.csv")
        }
        #expect(error?.path == "map.yaml" && error?.line == 2)
        #expect(error?.message == "column 'Land' for region is not in the header of c.csv")
        let unknown = #expect(throws: Diagnostic.self) { try ColumnMapping(yaml: "regoin: Land\n", path: "map.yaml") }
        #expect(unknown?.message == "unknown field 'regoin' (did you mean 'region'?)" && unknown?.line == 1)
    }

    @Test("--map flags, and a file without a region column")
    func flags() throws {
        let columns = try ColumnMapping(flags: ["region=Territory"]).resolve(header: ["id", "Territory"], path: "c.csv")
        #expect(columns[.region] == 1 && columns[.customerID] == 0)
        #expect(throws: Diagnostic.self) { try ColumnMapping(flags: ["region"]) }
        let missing = #expect(throws: Diagnostic.self) { try ColumnMapping.automatic.resolve(header: ["id", "name"], path: "c.csv") }
        #expect(missing?.field == "region")
    }
}
