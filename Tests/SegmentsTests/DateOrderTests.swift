import Foundation
import PlannerCore
import PlannerIO
import Testing

@testable import Segments

@Suite("Date orders in customer exports")
struct DateOrderTests {
    static func day(_ text: String, _ order: DateOrder) -> String? {
        let bytes = Array(text.utf8)
        let number = bytes.withUnsafeBufferPointer { ValueParsing.dayNumber($0, order: order) }
        guard let number else { return nil }
        return number == ValueParsing.noDate ? "none" : CivilDate(dayNumber: number).description
    }

    @Test("day first, month first and ISO, with -, / and ., one-digit parts and a time; wrong dates are nil")
    func parsing() {
        #expect(Self.day("14/04/2026", .dayFirst) == "2026-04-14")
        #expect(Self.day("1-4-2026", .dayFirst) == "2026-04-01")
        #expect(Self.day("14.04.2026 10:30", .dayFirst) == "2026-04-14")
        #expect(Self.day("29/02/2024", .dayFirst) == "2024-02-29")
        #expect(Self.day("04/14/2026", .monthFirst) == "2026-04-14")
        #expect(Self.day("2026-04-14T09:00:00", .iso) == "2026-04-14")
        #expect(Self.day("", .dayFirst) == "none")
        for (text, order) in [
            ("14/04-2026", DateOrder.dayFirst), ("31/02/2026", .dayFirst), ("14/04/26", .dayFirst), ("14/04/20266", .dayFirst),
            ("04/14/2026", .dayFirst), ("14/04/2026", .monthFirst), ("2026-04-14", .dayFirst), ("14/04/2026", .iso),
            ("114/04/2026", .dayFirst), ("14/04/2026x", .dayFirst),
        ] {
            #expect(Self.day(text, order) == nil, "\(text) as \(order)")
        }
    }

    @Test("spellings users write name the orders; anything else is nil")
    func spellings() {
        #expect(
            DateOrder(text: "dd/mm/yyyy") == .dayFirst && DateOrder(text: "DD-MM-YYYY") == .dayFirst && DateOrder(text: "dmy") == .dayFirst)
        #expect(DateOrder(text: "mm/dd/yyyy") == .monthFirst && DateOrder(text: "MDY") == .monthFirst)
        #expect(DateOrder(text: "yyyy-mm-dd") == .iso && DateOrder(text: "iso") == .iso)
        #expect(DateOrder(text: "dd/yyyy") == nil && DateOrder(text: "") == nil)
    }

    static let indian = """
        customer_id,state,preferred_language,total_spend,order_count,last_order_date,sms_opt_in,whatsapp_opt_in,phone
        C1,Tamil Nadu,ta,100.50,2,04/07/2026,yes,yes,+919800000001
        C2,Tamil Nadu,ta,200,1,3/7/2026,yes,yes,+919800000002
        C3,Tamil Nadu,ta,0,0,,no,no,

        """

    @Test("a day-first export, declared in the YAML mapping, reads every row; undeclared, its dates are rejected with a hint")
    func declared() throws {
        let path = try Fixture.file(Self.indian)
        let mapping = try ColumnMapping(yaml: "date_format: dd/mm/yyyy\n", path: "map.yaml")
        #expect(mapping.dateOrder == .dayFirst)
        let result = try Fixture.reader(mapping).read(path: path)
        #expect(result.report.accepted == 3 && result.report.rejectedTotal == 0)
        // As of 2026-10-01: 4 July 2026 is 89 days back, 3 July is 90 (not within 90 days).
        let tamil = try #require(result.cube[region: "IN-TN", language: "ta"])
        #expect((tamil.active90d, tamil.active180d) == (1, 2))
        let undeclared = try Fixture.reader().read(path: path)
        #expect(undeclared.report.rejected == [.badDate: 2])
        #expect(undeclared.report.dateHint.map(OptionText.plain)?.contains("`date-format dd/mm/yyyy`") == true)
        let error = #expect(throws: Diagnostic.self) { try undeclared.report.check(maxRejectRate: 0.01) }
        #expect(error?.hint?.contains("2 last-order dates are not yyyy-mm-dd") == true)
        let unknown = #expect(throws: Diagnostic.self) { try ColumnMapping(yaml: "region: State\ndate_format: dd/yy\n", path: "map.yaml") }
        #expect(unknown?.message == "unknown date format 'dd/yy'" && unknown?.line == 2)
    }
}
