import Foundation
import PlannerIO

/// Test support: runs real LibreOffice headless to turn an XLSX into one UTF-8 CSV per sheet,
/// with the plan acceptance test's filter options (issue 7):
/// `soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'`
/// (the last token, -1, writes every sheet to `NAME-SheetName.csv`).
///
/// Each call uses a private profile (`-env:UserInstallation`), so runs never share a lock, and
/// that profile makes LibreOffice recalculate every formula on load: by default LibreOffice 7.4
/// shows an XLSX's cached values (measured: a formula `2+3` stored with the cached value 99
/// shows 99), which would make a check of formula results circular. A conversion takes about
/// 2 seconds here; convert one workbook holding every sheet rather than many small ones.
public enum LibreOffice {
    /// Why a conversion did not happen.
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(status: Int32, log: String)
        case missingSheet(String, log: String)

        /// What went wrong and how to fix it, for the test's failure message.
        public var description: String {
            switch self {
            case .notInstalled:
                "LibreOffice (soffice) is not installed: run `apt-get install -y --no-install-recommends libreoffice-calc-nogui` (.ci/run does)"
            case .failed(let status, let log): "soffice exited with \(status): \(log)"
            case .missingSheet(let name, let log): "soffice wrote no CSV for sheet \"\(name)\": \(log)"
            }
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

    /// The `soffice` executable on `PATH` (or Debian's place), nil when not installed.
    public static func soffice() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/lib/libreoffice/program"] {
            let candidate = "\(directory)/soffice"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Converts `xlsx` and returns each named sheet's rows. `asShown` is the 9th filter token
    /// ("save cell contents as shown"): false gives raw values, as the acceptance test's options
    /// do (numbers unformatted, percentages as `12.5%`, dates as their format shows them), true
    /// gives the text as the number formats render it (`₹1,23,45,678.50`).
    public static func sheets(of xlsx: URL, names: [String], asShown: Bool = false) throws -> [String: [[String]]] {
        guard let soffice = soffice() else { throw Failure.notInstalled }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        let user = work.appendingPathComponent("profile/user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(recalculateAlways.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
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
        guard process.terminationStatus == 0 else { throw Failure.failed(status: process.terminationStatus, log: log) }
        let stem = xlsx.deletingPathExtension().lastPathComponent
        var result: [String: [[String]]] = [:]
        for name in names {
            let csv = work.appendingPathComponent("\(stem)-\(name).csv")
            guard let bytes = FileManager.default.contents(atPath: csv.path) else { throw Failure.missingSheet(name, log: log) }
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
