import Foundation
import PlannerIO
import Testing

/// Runs LibreOffice headless to turn an XLSX into one UTF-8 CSV per sheet, as the plan's
/// acceptance test does (issue 7): `soffice --headless --convert-to 'csv:Text - txt - csv
/// (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'`.
enum LibreOffice {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "LibreOffice (soffice) is not installed: run `apt-get install -y --no-install-recommends libreoffice-calc-nogui` (.ci/run does)"
        }
    }

    /// `OOXMLRecalcMode` 0 = always recalculate (1 never, 2 ask).
    static let recalculateAlways = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
        <value>0</value></prop></item>
        </oor:items>
        """

    static func soffice() -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") + [
            "/usr/bin", "/usr/lib/libreoffice/program",
        ] {
            let path = "\(directory)/soffice"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Converts `xlsx` and returns each sheet's rows by sheet name. `asShown` is the 9th filter
    /// token ("save cell contents as shown"): false gives raw values (the acceptance test's
    /// options), true gives the text as formatted (number formats applied).
    static func sheets(of xlsx: URL, names: [String], asShown: Bool) throws -> [String: [[String]]] {
        guard let soffice = soffice() else { throw Missing() }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        // A private profile per run (no lock shared with another run) that recalculates every
        // formula on load: by default LibreOffice 7.4 shows an XLSX's cached values (measured: a
        // formula `2+3` cached as 99 shows 99), which would make the check circular.
        let user = work.appendingPathComponent("profile/user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try Data(recalculateAlways.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(work.path)/profile", "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,\(asShown),false,false,-1",
            "--outdir", work.path, xlsx.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "soffice failed: \(log)")
        let stem = xlsx.deletingPathExtension().lastPathComponent
        var result: [String: [[String]]] = [:]
        for name in names {
            let csv = work.appendingPathComponent("\(stem)-\(name).csv")
            guard let bytes = FileManager.default.contents(atPath: csv.path) else {
                Issue.record("no CSV for sheet \(name); soffice said: \(log)")
                continue
            }
            var tokenizer = CSVTokenizer(bytes: Array(bytes))
            var rows: [[String]] = []
            while let record = tokenizer.next() {
                if case .fields(_, let values, _) = record { rows.append(values.map { String(decoding: $0, as: UTF8.self) }) }
            }
            result[name] = rows
        }
        return result
    }
}
