import Foundation
import Locales
import PlannerCore
import PlannerIO
import Segments
import Testing

@Suite("Customer rows to the segment cube")
struct SegmentReaderTests {
    // CRM-style headers recognised without a mapping; as-of 2026-10-01.
    // Ages: 2026-07-04 is 89 days back (Jul 5-31: 27, Aug 31, Sep 30, Oct 1: 1), 2026-07-03 is 90,
    // 2025-10-02 is 364, 2025-10-01 is 365.
    static let handMade = """
        id,State,Preferred Language,LTV,orders,last_order,sms_opt_in,whatsapp_opt_in,email_opt_in,push_opt_in,mobile,email,device_token
        C1,Tamil Nadu,ta,100.50,1,2026-07-04,1,yes,Y,true,+919800000001,a@x.in,tok
        C2,TN,Tamil,"1,234.50",2,2026-07-03,0,no,N,false,+919800000002,,
        C3,IN-TN,தமிழ்,0,0,,true,TRUE,y,1,,b@x.in,
        C4,Orissa,or,10,1,2025-10-02,1,1,1,1,+919800000004,c@x.in,tok4
        C9, Odisha ,,20,1,2025-10-01,0,0,0,0,,,

        """

    @Test("spellings, booleans, contacts and activity windows counted as computed by hand")
    func handMade() throws {
        let result = try Fixture.reader().read(path: Fixture.file(Self.handMade))
        #expect(result.report.rowsRead == 5 && result.report.accepted == 5 && result.report.rejectedTotal == 0)
        let tamil = try #require(result.cube[region: "IN-TN", language: "ta"])
        #expect(tamil.customers == 3)
        // SMS/WhatsApp need the phone: C1 only (C3 opted in, no phone). Email: C1 and C3. Push: C1 (C3 has no token).
        #expect(tamil.reachable == ChannelCounts(sms: 1, whatsapp: 1, email: 2, push: 1))
        #expect(tamil.spend == Money(minor: 133_500))  // 100.50 + 1,234.50 + 0
        #expect(tamil.meanSpend == Money(minor: 44_500))
        #expect(tamil.orders == 3)
        #expect((tamil.active90d, tamil.active180d, tamil.active365d) == (1, 2, 2))
        #expect(tamil.imputedLanguage == 0)
        let odia = try #require(result.cube[region: "IN-OD", language: "or"])
        #expect(odia.customers == 1 && odia.reachable == ChannelCounts(sms: 1, whatsapp: 1, email: 1, push: 1))
        #expect((odia.active90d, odia.active180d, odia.active365d) == (0, 0, 1))
        // C9 has no language: IN-OD shares without 'other' are or .8270, hi .0295, sat .0206, ur .0160,
        // te .0159, bn .0120 (sum .9210), so sat covers [0.92997, 0.95234); MD5("C9") starts ef59a1297ddfd
        // (hashlib), 0xef59a1297ddfd / 2^52 = 0.93496.
        let santali = try #require(result.cube[region: "IN-OD", language: "sat"])
        #expect(santali.customers == 1 && santali.imputedLanguage == 1 && santali.spend == Money(minor: 2000))
        #expect(result.cube.cells.count == 3)
        #expect(result.report.imputedLanguages == 1)
    }

    @Test("no phone column: a warning names it with the opted-in counts; with reach opt_in, SMS reach is the opt-ins")
    func phonelessExport() throws {
        // handMade without its mobile column: SMS opt-ins C1, C3, C4; WhatsApp C1, C3, C4; email and
        // push keep their contact columns.
        let lines = Self.handMade.split(separator: "\n").map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            // C2's quoted "1,234.50" splits into one field more, so its mobile is one further on.
            if fields.count == 14 { fields.remove(at: 11) } else if fields.count == 13 { fields.remove(at: 10) }
            return fields.joined(separator: ",")
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(
            text.hasPrefix("id,State,Preferred Language,LTV,orders,last_order,sms_opt_in,whatsapp_opt_in,email_opt_in,push_opt_in,email,"))
        let path = try Fixture.file(text)
        let byContact = try Fixture.reader().read(path: path)
        #expect(byContact.cube.total.reachable == ChannelCounts(sms: 0, whatsapp: 0, email: 3, push: 2))
        #expect(byContact.cube.total.optedIn == ChannelCounts(sms: 3, whatsapp: 3, email: 3, push: 3))
        #expect(byContact.report.warnings.count == 1)
        // Options are named for any front end to spell (the CLI writes `--map`: CLITests).
        let warning = OptionText.plain(try #require(byContact.report.warnings.first))
        #expect(
            warning.hasPrefix(
                "no phone column in \(path): 3 customers opted in to SMS and 3 to WhatsApp cannot be reached, so SMS and WhatsApp reach is 0; map the column (`map phone=COLUMN`"
            ))
        #expect(warning.contains("`reach opt-in`, or reach: opt_in"))
        // Personal data stays out of the warning.
        #expect(!warning.contains("+9198") && !warning.contains("a@x.in"))

        var mapping = ColumnMapping.automatic
        mapping.reach = .optIn
        let byOptIn = try Fixture.reader(mapping).read(path: path)
        #expect(byOptIn.cube.total.reachable == byOptIn.cube.total.optedIn)
        #expect(byOptIn.cube[region: "IN-TN", language: "ta"]?.reachable.sms == 2)  // C1 and C3
        #expect(byOptIn.report.warnings.isEmpty)
        // A mapping file says the same with reach: opt_in; a misspelt rule names its line.
        let file = try ColumnMapping(yaml: "reach: opt_in\n", path: "map.yaml")
        #expect(file.reach == .optIn)
        let error = #expect(throws: Diagnostic.self) { try ColumnMapping(yaml: "region: State\nreach: optimistic\n", path: "map.yaml") }
        #expect(error?.message == "unknown reach rule 'optimistic'" && error?.line == 2)
    }

    @Test("FNV-1a 64 matches the published test vectors; imputation draws by MD5 and follows the shares")
    func hashing() {
        // Test vectors from the FNV reference (Fowler, Noll, Vo): "" and "a".
        #expect(Array("".utf8).withUnsafeBufferPointer(LanguageImputation.fnv1a) == 0xcbf2_9ce4_8422_2325)
        #expect(Array("a".utf8).withUnsafeBufferPointer(LanguageImputation.fnv1a) == 0xaf63_dc4c_8601_ec8c)
        // RFC 1321 appendix A.5: MD5("a") = 0cc175b9c0f1b6a8...; its first 13 hex digits 0x0cc175b9c0f1b.
        #expect(Array("a".utf8).withUnsafeBufferPointer(LanguageImputation.md5Prefix) == 0x0cc1_75b9_c0f1b)
        let imputation = LanguageImputation(country: Fixture.india)
        // IN-OD shares without 'other' (total 0.921): or 0.8270 → 0.89794, hi → 0.92997, sat → 0.95233,
        // ur → 0.96971, te → 0.98697, bn → 1. MD5("C11") starts a42f23ef20764: 0.64134 → or;
        // MD5("C2") f1a543f5a2c5d: 0.94393 → sat; MD5("C5") fea813d4ddba3: 0.99475 → bn.
        #expect(imputation.language(for: "C11", in: "IN-OD") == "or")
        #expect(imputation.language(for: "C2", in: "IN-OD") == "sat")
        #expect(imputation.language(for: "C5", in: "IN-OD") == "bn")
        // The integer thresholds SQL compares with: ceil(0.89794... × 2^52) for or, 2^52 for the last.
        let od = imputation.thresholds["IN-OD"]!
        #expect(od.first!.language == "or" && od.last!.below == 1 << 52)
        #expect(abs(Double(od.first!.below) / 0x1.0p52 - 0.8270 / 0.921) < 1e-12)
        let tamil = (0..<20_000).filter { imputation.language(for: "C\($0)", in: "IN-TN") == "ta" }.count
        #expect((17_500...18_300).contains(tamil))
    }

    @Test("every kind of broken row is rejected with its line, reason and raw bytes; nothing is lost")
    func rejects() throws {
        var bytes = Array(
            """
            customer_id,state,language,spend,orders,last_order_date,sms_opt_in,phone
            G1,Kerala,ml,5,1,2026-09-30,1,+91
            B1,Kerala,ml,5,1,2026-09-30,1
            B2,Kera"la,ml,5,1,2026-09-30,1,+91
            B3,"Kerala"x,ml,5,1,2026-09-30,1,+91
            ,Kerala,ml,5,1,2026-09-30,1,+91
            B5,Atlantis,ml,5,1,2026-09-30,1,+91
            B6,Kerala,ml,5x,1,2026-09-30,1,+91
            B7,Kerala,ml,5,1.5,2026-09-30,1,+91
            B8,Kerala,ml,5,1,2026-02-30,1,+91
            B9,Kerala,ml,5,1,2026-09-30,maybe,+91
            G2,Kerala,Klingon,7,1,,no,

            """.utf8)
        bytes += Array("B10,Kerala,ml,5,1,2026-09-30,1,+91".utf8) + [0xFF] + [0x0A]
        let input = try Fixture.file(bytes)
        let rejectsPath = input + ".rejects.csv"
        let result = try Fixture.reader().read(path: input, rejectsPath: rejectsPath)
        let report = result.report
        #expect(report.rowsRead == 12 && report.accepted == 2 && report.rejectedTotal == 10)
        #expect(
            report.rejected == [
                .wrongFieldCount: 1, .brokenQuoting: 2, .missingCustomerID: 1, .unknownRegion: 1, .badNumber: 2, .badDate: 1,
                .badBoolean: 1, .invalidUTF8: 1,
            ])
        let rejects = try String(decoding: Data(contentsOf: URL(fileURLWithPath: rejectsPath)), as: UTF8.self)
        let lines = rejects.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines[1] == "3,wrong_field_count,\"B1,Kerala,ml,5,1,2026-09-30,1\"")
        #expect(lines[2] == "4,broken_quoting,\"B2,Kera\"\"la,ml,5,1,2026-09-30,1,+91\"")
        #expect(lines.map { $0.split(separator: ",")[0] }.dropFirst() == ["3", "4", "5", "6", "7", "8", "9", "10", "11", "13"])
        // The two accepted rows (lines 2 and 12) plus the ten rejected ones are every data row (lines 2-13).
        #expect(report.accepted + lines.count - 1 == 12)
        let kerala = try #require(result.cube[region: "IN-KL", language: "ml"])
        // G1, and G2 whose unknown language is imputed (IN-KL lists ml only, besides 'other').
        #expect(kerala.customers == 2 && kerala.imputedLanguage == 1 && kerala.reachable.sms == 1)
        #expect(throws: Diagnostic.self) { try report.check(maxRejectRate: 0.01) }
    }

    @Test("the rejects file and the accepted rows account for every row of a dirty synthetic file")
    func accounting() throws {
        let path = try synthFile(rows: 3000, seed: 11, dirty: true)
        let result = try Fixture.reader(workers: 2, chunk: 4096).read(path: path, rejectsPath: path + ".rejects")
        var tokenizer = CSVTokenizer(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path + ".rejects"))))
        var rejectRows = -1
        while tokenizer.next() != nil { rejectRows += 1 }
        #expect(result.report.rowsRead == 3000)
        #expect(result.report.accepted + rejectRows == 3000)
        #expect(result.report.accepted == result.cube.total.customers)
        #expect(Set(result.report.rejected.keys) == Set(SyntheticCustomers.dirtyKinds))
    }

    @Test("the cube equals a straightforward reference computation, for any chunk size and worker count")
    func reference() throws {
        let path = try synthFile(rows: 2500, seed: 5, dirty: true)
        let expected = try Reference.cube(path: path)
        for (workers, chunk) in [(1, 1 << 20), (2, 4096), (3, 1000), (2, 1 << 20)] {
            let cube = try Fixture.reader(workers: workers, chunk: chunk).read(path: path).cube
            #expect(cube == expected, "workers \(workers), chunk \(chunk)")
        }
    }

    @Test("synthetic region shares: the named region gets its share, the others split the rest by population")
    func regionShares() throws {
        var bytes: [UInt8] = []
        try SyntheticCustomers(
            catalog: Fixture.catalog, country: "IN", seed: 3, dirty: false, asOf: Fixture.asOf, regionShares: ["IN-DL": 0.35]
        )
        .generate(count: 20_000) { bytes += $0 }
        let cube = try Fixture.reader().read(path: Fixture.file(bytes)).cube
        func share(_ region: String) -> Double {
            Double(cube.cells.filter { $0.key.region == region }.map(\.value.customers).reduce(0, +)) / 20_000
        }
        // Binomial: 4 standard deviations of a share p over 20,000 rows is 4·sqrt(p(1-p)/20000).
        func tolerance(_ p: Double) -> Double { 4 * (p * (1 - p) / 20_000).squareRoot() }
        #expect(abs(share("IN-DL") - 0.35) < tolerance(0.35))
        let others = Double(Fixture.india.regions.filter { $0.code != "IN-DL" }.map(\.population).reduce(0, +))
        let maharashtra = Double(Fixture.india.region(code: "IN-MH")!.population) / others * 0.65
        #expect(abs(share("IN-MH") - maharashtra) < tolerance(maharashtra))
        for bad in [["IN-XX": 0.2], ["IN-DL": 0.7, "IN-MH": 0.4]] {
            #expect(throws: Diagnostic.self) {
                try SyntheticCustomers(
                    catalog: Fixture.catalog, country: "IN", seed: 3, dirty: false, asOf: Fixture.asOf, regionShares: bad)
            }
        }
    }

    @Test("synthetic files are the same for the same seed and differ for another")
    func synthDeterminism() throws {
        let a = try synthBytes(rows: 500, seed: 9, dirty: true)
        #expect(a == (try synthBytes(rows: 500, seed: 9, dirty: true)))
        #expect(a != (try synthBytes(rows: 500, seed: 10, dirty: true)))
        #expect(a.starts(with: Array((SyntheticCustomers.header + "\n").utf8)))
    }

    func synthBytes(rows: Int, seed: UInt64, dirty: Bool) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try SyntheticCustomers(catalog: Fixture.catalog, country: "IN", seed: seed, dirty: dirty, asOf: Fixture.asOf)
            .generate(count: rows) { bytes += $0 }
        return bytes
    }

    func synthFile(rows: Int, seed: UInt64, dirty: Bool) throws -> String {
        try Fixture.file(synthBytes(rows: rows, seed: seed, dirty: dirty))
    }
}

/// A deliberately plain reimplementation: the whole-input tokenizer, Strings, the catalog's
/// lookups on every row, Foundation-free parsing written differently from the reader's.
enum Reference {
    static func cube(path: String) throws -> SegmentCube {
        var tokenizer = CSVTokenizer(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        guard case .fields(_, let headerBytes, _) = tokenizer.next() else { throw Diagnostic(message: "no header") }
        let header = headerBytes.map { String(decoding: $0, as: UTF8.self) }
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let imputation = LanguageImputation(country: Fixture.india)
        var cells: [SegmentKey: SegmentCell] = [:]
        rows: while let record = tokenizer.next() {
            guard case .fields(_, let values, let raw) = record, values.count == header.count,
                String(validating: Array(raw), as: UTF8.self) != nil
            else { continue }
            let text = values.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() }
            let id = text[column("customer_id")]
            guard !id.isEmpty, let region = Fixture.catalog.region(matching: text[column("state")], in: "IN") else { continue }
            let spendText = text[column("total_spend")].replacingOccurrences(of: ",", with: "")
            guard let spend = spendText.isEmpty ? 0 : Double(spendText), let orders = Int(text[column("order_count")]) else { continue }
            var age = Int.max
            let dateText = text[column("last_order_date")]
            if !dateText.isEmpty {
                guard let date = CivilDate(iso: dateText) else { continue }
                age = date.days(to: Fixture.asOf)
            }
            var flags: [Bool] = []
            for name in ["sms_opt_in", "whatsapp_opt_in", "email_opt_in", "push_opt_in"] {
                switch text[column(name)].lowercased() {
                case "1", "true", "yes", "y", "t": flags.append(true)
                case "0", "false", "no", "n", "f", "": flags.append(false)
                default: continue rows
                }
            }
            let phone = !text[column("phone")].isEmpty, email = !text[column("email")].isEmpty
            let token = !text[column("push_token")].isEmpty
            let languageText = text[column("preferred_language")]
            var language = Fixture.catalog.language(matching: languageText)?.code
            if language == nil, let cut = languageText.firstIndex(of: "-") {
                language = Fixture.catalog.language(matching: String(languageText[..<cut]))?.code
            }
            var imputed = 0
            if language == nil {
                language = imputation.language(for: id, in: region.code)
                imputed = 1
            }
            var cell = SegmentCell()
            cell.customers = 1
            cell.reachable = ChannelCounts(
                sms: flags[0] && phone ? 1 : 0, whatsapp: flags[1] && phone ? 1 : 0, email: flags[2] && email ? 1 : 0,
                push: flags[3] && token ? 1 : 0)
            cell.optedIn = ChannelCounts(sms: flags[0] ? 1 : 0, whatsapp: flags[1] ? 1 : 0, email: flags[2] ? 1 : 0, push: flags[3] ? 1 : 0)
            cell.spend = Money(minor: Int64((spend * 100).rounded()))
            cell.orders = orders
            cell.active90d = age < 90 ? 1 : 0
            cell.active180d = age < 180 ? 1 : 0
            cell.active365d = age < 365 ? 1 : 0
            cell.imputedLanguage = imputed
            cells[SegmentKey(region: region.code, language: language!), default: SegmentCell()].add(cell)
        }
        return SegmentCube(country: "IN", cells: cells)
    }
}
