import Foundation
import Locales
import PlannerCore
import PlannerIO
import Segments
import Testing

@Suite("A segments run: read, notice, check, roll up")
struct SegmentationTests {
    @Test(
        "rejects go beside the export unless asked elsewhere",
        arguments: [
            ("customers.csv", "customers.rejects.csv"), ("data/export.2026.csv", "data/export.2026.rejects.csv"),
            ("data/customers", "data/customers.rejects.csv"), ("/tmp/.hidden", "/tmp/.hidden.rejects.csv"),
        ])
    func rejectsBeside(path: String, expected: String) {
        #expect(RejectsWriter.path(beside: path) == expected)
    }

    /// Three Tamil Nadu rows and one of an unknown region (a reject): 4 rows, 3 accepted.
    static let rows = """
        id,state,language,ltv,orders,last_order
        C1,Tamil Nadu,ta,100,1,2026-09-01
        C2,Tamil Nadu,ta,200,2,2026-09-02
        C3,Tamil Nadu,hi,50,1,2026-09-03
        C4,Atlantis,ta,10,1,2026-09-04

        """

    @Test("the summary is noticed before the reject-rate check refuses the file, then the rows roll up by the thresholds")
    func noticesThenChecks() throws {
        let path = try Fixture.file(Self.rows)
        let rejects = path + ".rejects.csv"
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: rejects)
        }
        var request = Segmentation.Request(customers: path, country: "IN", asOf: Fixture.asOf, rejectsPath: rejects, maxRejectRate: 0.10)
        var notices: [String] = []
        let error = try #require(throws: Diagnostic.self) {
            _ = try Segmentation.run(request, catalog: Fixture.catalog, notice: { notices.append($0) })
        }
        #expect(error.message.hasPrefix("1 of 4 rows (25.00 %) were rejected, more than the allowed 10.00 %"))
        #expect(notices == ["\(path): 4 rows, 3 accepted, 1 rejected (unknown_region 1) → \(rejects); 0 languages imputed"])
        // Allowed: the two Tamil speakers keep their segment; the one Hindi speaker (1 < 2) rolls up to the zone.
        request.maxRejectRate = 0.5
        request.rollup = SubstantialityRollup(minCustomers: 2)
        let run = try Segmentation.run(request, catalog: Fixture.catalog)
        #expect(run.rejectsPath == rejects)
        let kept = run.rows.filter { $0.status == .kept }.map { "\($0.segment)/\($0.language) \($0.cell.customers)" }
        #expect(kept.contains("IN-TN/ta 2"))
        #expect(!kept.contains("IN-TN/hi 1"))
    }
}
