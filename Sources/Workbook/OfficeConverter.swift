import Foundation
import PlannerCore
import PlannerIO

/// LibreOffice, run headless, converting a workbook file to another format: the PDF of a plan
/// or a comparison (``Workbook/pdfBytes(using:)``), and the CSV the tests read workbooks back
/// with. The one place that starts `soffice`.
///
/// Every conversion gets a private, empty LibreOffice profile (`-env:UserInstallation`), so
/// conversions running at the same time never share a profile lock and no user setting changes
/// the result. The profile makes LibreOffice recalculate every formula on load: by default
/// LibreOffice 7.4 shows an XLSX's cached values (measured: a formula `2+3` stored with the
/// cached value 99 shows 99), so what it prints or exports is what the formulas compute.
public struct OfficeConverter: Sendable {
    /// The `soffice` executable, nil when LibreOffice is not installed.
    public let soffice: String?

    /// Looks for `soffice` in `searchPath` (a `PATH`-style list; by default this process's
    /// `PATH`, where Debian's `libreoffice-calc-nogui` puts it).
    public init(searchPath: String? = nil) { soffice = Subprocess.find("soffice", searchPath: searchPath) }

    /// The longest a conversion may take before it is stopped (the example plan's PDF takes
    /// about 5 seconds here, most of it LibreOffice starting on a fresh profile).
    public static let timeout: Double = 300

    /// `OOXMLRecalcMode` 0 = always recalculate (1 never, 2 ask).
    static let recalculateAlways = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
        <value>0</value></prop></item>
        </oor:items>
        """

    /// The `soffice` path, or ``ConversionError/notInstalled``.
    public func requireInstalled() throws(ConversionError) -> String {
        guard let soffice else { throw .notInstalled }
        return soffice
    }

    /// Converts the file at `input` with LibreOffice's `--convert-to` argument `target` (`pdf`,
    /// or a filter with options such as `csv:Text - txt - csv (StarCalc):44,34,76,1`) into
    /// `directory`, which then holds the input's name with the target's extension. Returns what
    /// `soffice` printed. Throws when LibreOffice is missing, fails or passes `timeout`.
    @discardableResult
    public func convert(_ input: String, to target: String, into directory: String, timeout: Double = timeout) throws(ConversionError)
        -> String
    {
        let soffice = try requireInstalled()
        let profile: ScratchDirectory
        do {
            profile = try ScratchDirectory(prefix: "campaign-planner-office")
            try Directory.create("\(profile.path)/user")
            try AtomicFile.write(Self.recalculateAlways, to: "\(profile.path)/user/registrymodifications.xcu")
        } catch {
            throw .scratch(error)
        }
        defer { profile.remove() }
        let outcome: Subprocess.Outcome
        do {
            outcome = try Subprocess.run(
                soffice,
                [
                    "-env:UserInstallation=\(URL(fileURLWithPath: profile.path).absoluteString)", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", directory, input,
                ],
                // UTC, so the creation time LibreOffice stamps into a PDF has the same form everywhere.
                environment: ["TZ": "UTC"], timeout: timeout)
        } catch {
            throw .scratch(error)
        }
        if outcome.timedOut { throw .timedOut(seconds: timeout) }
        guard outcome.status == 0 else { throw .failed(status: outcome.status, log: outcome.output) }
        return outcome.output
    }
}

/// Why LibreOffice did not convert a workbook.
public enum ConversionError: Error, Sendable, Equatable, CustomStringConvertible, DiagnosticConvertible {
    /// `soffice` is not on `PATH`.
    case notInstalled
    /// `soffice` exited with a failure status; `log` is what it printed.
    case failed(status: Int32, log: String)
    /// `soffice` exited without writing the converted file.
    case noOutput(log: String)
    /// `soffice` did not finish in time and was stopped.
    case timedOut(seconds: Double)
    /// The workbook itself could not be built.
    case workbook(WorkbookError)
    /// A scratch file or directory for the conversion could not be made.
    case scratch(Diagnostic)

    /// The error in words.
    public var description: String { diagnostic.description }

    /// The same problem as the CLI's diagnostic. A missing LibreOffice is the request's fault
    /// (the user asked for a format this machine cannot make: install it or leave the format out);
    /// a failed conversion is not something the user can fix in the input.
    public var diagnostic: Diagnostic { diagnostic(path: nil) }

    /// The same, naming the file being written.
    public func diagnostic(path: String?) -> Diagnostic {
        let check = "convert the .xlsx by hand with soffice --headless --convert-to pdf FILE.xlsx to see LibreOffice's own message"
        switch self {
        case .notInstalled:
            return Diagnostic(
                .badRequest, path: path,
                message: "LibreOffice is needed for \(OptionText.mention("format", "pdf")); install libreoffice-calc-nogui",
                hint: "on Debian or Ubuntu: apt-get install -y --no-install-recommends libreoffice-calc-nogui (soffice must be on PATH)")
        case .failed(let status, let log):
            return Diagnostic(
                .internal, path: path,
                message: "LibreOffice could not convert the workbook: soffice exited with status \(status)\(Self.lastLine(of: log))",
                hint: check)
        case .noOutput(let log):
            return Diagnostic(
                .internal, path: path,
                message: "LibreOffice could not convert the workbook: soffice wrote no file\(Self.lastLine(of: log))",
                hint: check)
        case .timedOut(let seconds):
            return Diagnostic(
                .internal, path: path,
                message: "LibreOffice did not finish converting the workbook within \(Int(seconds)) seconds and was stopped", hint: check)
        case .workbook(let error):
            return error.diagnostic(path: path)
        case .scratch(let diagnostic):
            return diagnostic
        }
    }

    /// `: ` and the last non-empty line soffice printed (at most 200 characters), or nothing.
    static func lastLine(of log: String) -> String {
        guard let line = log.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        return ": " + (line.count > 200 ? String(line.prefix(199)) + "…" : String(line))
    }
}
