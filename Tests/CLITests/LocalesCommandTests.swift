import Foundation
import Testing

@Suite("campaign-planner locales")
struct LocalesCommandTests {
    @Test("India as CSV: the exact header, 36 rows, Tamil Nadu's top language is Tamil")
    func indiaCSV() throws {
        let result = try CLI.run(["locales", "--country", "IN", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "code,name,native_name,zone,population,top_language,languages")
        #expect(lines.count == 37)
        let tamilNadu = try #require(lines.first { $0.hasPrefix("IN-TN,") }).split(separator: ",")
        #expect(tamilNadu[5] == "ta")
        #expect(tamilNadu[6].hasPrefix("ta:0.8"))
    }

    @Test("Malaysia has 16 regions")
    func malaysia() throws {
        let result = try CLI.run(["locales", "--country", "MY", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 17)
    }

    @Test("Bengali's sample uses Bengali digits and lakh grouping")
    func bengali() throws {
        let result = try CLI.run(["locales", "--language", "bn"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("₹১,২৩,৪৫,৬৭৮.৫০"))
        #expect(result.stdout.contains("৮ নভেম্বর, ২০২৬"))
    }

    @Test("Tamil's sample: lakh grouping with Latin digits, long date")
    func tamil() throws {
        let result = try CLI.run(["locales", "--language", "ta", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"sample_money\": \"₹1,23,45,678.50\""))
        #expect(result.stdout.contains("\"sample_date\": \"8 நவம்பர், 2026\""))
    }

    @Test("Meetei Mayek: ICU's silent fall back to root is reported")
    func meetei() throws {
        let result = try CLI.run(["locales", "--language", "mni-Mtei"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("icu_actual_locale  root"))
    }

    @Test(
        "unknown country and language: one clear error line, non-zero exit",
        arguments: [
            (["locales", "--country", "XX"], "unknown country 'XX'"),
            (["locales", "--language", "xx"], "unknown language 'xx'"),
        ])
    func unknown(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(message))
    }

    @Test("a malformed locales file: the error names the file and line")
    func malformed() throws {
        let directory = NSTemporaryDirectory() + "locales-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/locales", withIntermediateDirectories: true)
        let source = CLI.packageRoot + "/locales/"
        try FileManager.default.copyItem(atPath: source + "languages.yaml", toPath: directory + "/locales/languages.yaml")
        let india = try String(contentsOfFile: source + "IN.yaml", encoding: .utf8)
        let broken = india.replacingOccurrences(of: "population: 72147030", with: "population: lots")
        #expect(broken != india)
        try broken.write(toFile: directory + "/locales/IN.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["locales", "--data", directory])
        #expect(result.status == 65)
        let line = india.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("population: 72147030") }! + 1
        #expect(result.stderr.hasPrefix("\(directory)/locales/IN.yaml:\(line):"))
        #expect(result.stderr.contains("population: expected an integer, got \"lots\""))
    }
}
