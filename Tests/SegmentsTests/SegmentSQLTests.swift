import Foundation
import Locales
import PlannerCore
import PlannerIO
import Segments
import Testing

@Suite("The segmentation as SQL: parameterised, quoted, and the same cube in DuckDB as the CSV reader's")
struct SegmentSQLTests {
    /// Good rows and one of each value a table can hold wrongly (each reject reason SQL can meet):
    /// spellings of regions and languages, grouping commas, half-paisa rounding, a leap day, an
    /// impossible day, opt-ins in other cases, a missing contact, missing and unknown languages.
    static let rows = """
        customer_id,state,language,ltv,orders,last_order,sms_opt_in,whatsapp_opt_in,phone,email_opt_in,email,device_os
        C1,Tamil Nadu,ta,"1,234.565",3,2026-09-01,YES,1,98400,0,,Android
        C2,TN,Tamil,0.005,1,2024-02-29,no,true,98401,y,a@b,iPhone
        C3,tamil-nadu,ta-IN,-12.5,,2025-10-01T10:00:00,1,1,,1,c@d,web
        C4,IN-TN,,7,2,,0,0,,0,,
        C5,Odisha,xx,100,1,2020-01-01,1,0,98402,1,e@f,
        C6,Odisha,or,abc,1,2026-01-01,1,0,1,0,,
        C7,Odisha,or,1,1.5,2026-01-01,1,0,1,0,,
        C8,Odisha,or,1,1,2026-02-30,1,0,1,0,,
        C9,Odisha,or,1,1,2026-01-01,maybe,0,1,0,,
        ,Odisha,or,1,1,2026-01-01,1,0,1,0,,
        C11,Atlantis,or,1,1,2026-01-01,1,0,1,0,,
        C12,Kerala,Malayalam,99.99,12,2026-09-30,1,1,98403,1,g@h,ios
        C13,kerala,,"12,00,000.10",40,2022-06-15,1,1,98404,0,,Windows

        """

    static let header = rows.split(separator: "\n")[0].split(separator: ",").map(String.init)

    @Test("the PostgreSQL query carries every value as a parameter; identifiers are quoted with their quotes doubled")
    func parameterised() throws {
        let sql = try SegmentSQL(
            catalog: Fixture.catalog, country: "IN", table: #"crm.cust"omers"#, tableColumns: Self.header, asOf: Fixture.asOf,
            dimension: .valueTier)
        let query = sql.query(.postgres)
        #expect(query.text.contains(#"FROM "crm"."cust""omers""#))
        #expect(query.text.contains(#""state""#) && query.text.contains(#""ltv""#))
        // No spelling, code or date is in the text: they are parameters.
        #expect(!query.text.contains("tamilnadu") && !query.text.contains("'IN-TN'") && !query.text.contains("20727"))
        #expect(query.parameters.contains("tamilnadu") && query.parameters.contains("IN-TN"))
        #expect(query.parameters.contains(String(Fixture.asOf.dayNumber)))  // 2026-10-01 is day 20727
        #expect(Fixture.asOf.dayNumber == 20727)
        #expect(query.text.contains("$\(query.parameters.count)::"))
        #expect(!query.text.contains("$\(query.parameters.count + 1)"))
        // Every output column is text for the PostgreSQL client.
        #expect(query.text.contains("CAST(count(*) AS text) AS customers"))
        // The printed texts have literals, escaped for each dialect.
        #expect(sql.text(.duckdb).contains(##"' !"#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"##))
        #expect(sql.text(.spark).contains(##"' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'"##))
        #expect(sql.text(.spark).contains("FROM `crm`.`cust\"omers`"))
        #expect(sql.query(.duckdb).parameters.isEmpty)
    }

    @Test("a mapping naming a column the table lacks names the table")
    func unknownColumn() {
        let error = #expect(throws: Diagnostic.self) {
            try SegmentSQL(
                catalog: Fixture.catalog, country: "IN", table: "customers", tableColumns: ["id", "state"],
                mapping: ColumnMapping(flags: ["language=lang"]), asOf: Fixture.asOf)
        }
        #expect(error?.message == "column 'lang' for language is not in the header of table customers")
    }

    @Test(
        "DuckDB's cube from the emitted SQL equals the CSV reader's, cell by cell, with the same rejects",
        arguments: [nil, SegmentDimension.valueTier, .activity, .device])
    func duckdbAgrees(dimension: SegmentDimension?) throws {
        let path = try Fixture.file(Self.rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try Fixture.reader()
        reader.dimension = dimension
        let expected = try reader.read(path: path)
        // Hand-checked: C1-C4 in IN-TN (C4 imputed), C5 imputed, C6-C11 rejected, C12-C13 Kerala.
        #expect(expected.report.rejected == [.missingCustomerID: 1, .unknownRegion: 1, .badNumber: 2, .badDate: 1, .badBoolean: 1])
        let all = expected.cube.total
        #expect(all.customers == 7)
        // 1,234.565 → 1234.57 (half away from zero), 0.005 → 0.01, -12.5, 7, 100, 99.99, 12,00,000.10.
        #expect(all.spend == Money(minor: 123_457 + 1 - 1250 + 700 + 10_000 + 9999 + 120_000_010))
        let sql = try SegmentSQL(
            catalog: Fixture.catalog, country: "IN", table: "customers", tableColumns: Self.header, asOf: Fixture.asOf,
            dimension: dimension)
        let got = try DuckDB.cube(sql: sql.text(.duckdb), csv: path)
        #expect(got.rejected == expected.report.rejected)
        #expect(got.cells == expected.cube.cells)
    }

    @Test("a cube read back gives the same segments JSON as the CSV it was made from: rows, rejects, columns, value cuts")
    func cubeRoundTrip() throws {
        let path = try Fixture.file(Self.rows)
        let cubePath = path + ".cube.csv"
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: cubePath)
            try? FileManager.default.removeItem(atPath: path + ".rejects.csv")
        }
        let sql = try SegmentSQL(
            catalog: Fixture.catalog, country: "IN", table: "customers", tableColumns: Self.header, asOf: Fixture.asOf,
            dimension: .valueTier)
        try DuckDB.run(sql: sql.text(.duckdb), csv: path).write(toFile: cubePath, atomically: true, encoding: .utf8)
        func json(_ source: Segmentation.Source) throws -> String {
            var request = Segmentation.Request(source: source, country: "IN", asOf: Fixture.asOf, rejectsPath: path + ".rejects.csv")
            request.dimension = .valueTier
            request.maxRejectRate = 1
            let run = try Segmentation.run(request, catalog: Fixture.catalog)
            return SegmentTable.json(run.rows, report: run.report, dimension: .valueTier, valueCuts: run.valueCuts)
        }
        let fromCSV = try json(.csv(path)), fromCube = try json(.cube(cubePath))
        #expect(fromCSV.contains("\"value_cuts\"") && fromCSV.contains("\"bad_number\": 2"))
        #expect(fromCube == fromCSV)
    }

    @Test("a bad cube value names the file, line and column")
    func badCube() throws {
        let header = SegmentSQL.columns.joined(separator: ",")
        let path = try Fixture.file(
            header + "\nsegment,,,IN-TN,ta,,3,1,1,1,1,1,1,1,1,100,2,1,1,1,0\nsegment,,,IN-XX,ta,,3,1,1,1,1,1,1,1,1,100,2,1,1,1,0\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: Diagnostic.self) {
            try SegmentCubeRows.read(path: path, catalog: Fixture.catalog, country: "IN", asOf: Fixture.asOf)
        }
        #expect(error?.line == 3 && error?.field == "region" && error?.message == "'IN-XX' is not a region code of IN")
        let missing = try Fixture.file("kind,key\nsegment,\n")
        defer { try? FileManager.default.removeItem(atPath: missing) }
        let noColumn = #expect(throws: Diagnostic.self) {
            try SegmentCubeRows.read(path: missing, catalog: Fixture.catalog, country: "IN", asOf: Fixture.asOf)
        }
        #expect(noColumn?.line == 1 && noColumn?.message == "no column 'value' in the cube's header")
    }
}

/// Runs a query in DuckDB (PyPI `duckdb`, through python3) over a CSV file loaded as text columns.
enum DuckDB {
    /// The query's result as CSV text with its header (a cube file); records an issue when DuckDB cannot run.
    static func run(sql: String, csv: String) throws -> String {
        let script = """
            import csv, sys
            try:
                import duckdb
            except ImportError:
                sys.exit("duckdb is not installed: python3 -m pip install duckdb (CI installs it in .ci/run)")
            con = duckdb.connect()
            con.execute("CREATE VIEW customers AS SELECT * FROM read_csv('%s', header = true, all_varchar = true)" % sys.argv[1].replace("'", "''"))
            result = con.execute(open(sys.argv[2]).read())
            out = csv.writer(sys.stdout, lineterminator="\\n")
            out.writerow([d[0] for d in result.description])
            out.writerows(result.fetchall())
            """
        let scriptPath = try Fixture.file(script), sqlPath = try Fixture.file(sql)
        defer {
            try? FileManager.default.removeItem(atPath: scriptPath)
            try? FileManager.default.removeItem(atPath: sqlPath)
        }
        guard let python = Subprocess.find("python3") else {
            Issue.record("python3 is not on PATH: the DuckDB comparison cannot run")
            return ""
        }
        let outcome = try Subprocess.run(python, [scriptPath, csv, sqlPath], timeout: 120)
        guard outcome.status == 0 else {
            Issue.record("DuckDB failed: \(outcome.output)")
            return ""
        }
        return outcome.output
    }

    /// The segments and rejects of a query's result, read by ``SegmentCubeRows``.
    static func cube(sql: String, csv: String) throws -> (cells: [SegmentKey: SegmentCell], rejected: [RejectReason: Int]) {
        let text = try run(sql: sql, csv: csv)
        #expect(text.hasPrefix(SegmentSQL.columns.joined(separator: ",") + "\n"))
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SegmentCubeRows.read(path: path, catalog: Fixture.catalog, country: "IN", asOf: Fixture.asOf)
        return (result.cube.cells, result.report.rejected)
    }
}
