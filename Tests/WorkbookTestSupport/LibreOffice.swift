import Foundation
import PlannerIO
import Workbook

/// Test support: reads a workbook back through real LibreOffice (the library's
/// ``OfficeConverter``, so tests start `soffice` the same way `--format pdf` does), one UTF-8 CSV
/// per sheet, with the plan acceptance test's filter options (issue 7):
/// `soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'`
/// (the last token, -1, writes every sheet to `NAME-SheetName.csv`). Formulas are recalculated
/// on load (the converter's profile asks for it), so a check of formula results is not circular.
/// A conversion takes about 2 seconds here; convert one workbook holding every sheet rather than
/// many small ones.
public enum LibreOffice {
    /// Why a conversion did not give the sheets asked for.
    public enum Failure: Error, CustomStringConvertible {
        case missingSheet(String, log: String)

        /// What went wrong and how to fix it, for the test's failure message.
        public var description: String {
            switch self {
            case .missingSheet(let name, let log): "soffice wrote no CSV for sheet \"\(name)\": \(log)"
            }
        }
    }

    /// Converts `xlsx` and returns each named sheet's rows. `asShown` is the 9th filter token
    /// ("save cell contents as shown"): false gives raw values, as the acceptance test's options
    /// do (numbers unformatted, percentages as `12.5%`, dates as their format shows them), true
    /// gives the text as the number formats render it (`₹1,23,45,678.50`).
    public static func sheets(of xlsx: URL, names: [String], asShown: Bool = false) throws -> [String: [[String]]] {
        let work = try ScratchDirectory(prefix: "lo-csv")
        defer { work.remove() }
        let log = try OfficeConverter().convert(
            xlsx.path, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,\(asShown),false,false,-1", into: work.path)
        let stem = xlsx.deletingPathExtension().lastPathComponent
        var result: [String: [[String]]] = [:]
        for name in names {
            let csv = "\(work.path)/\(stem)-\(name).csv"
            guard let bytes = FileManager.default.contents(atPath: csv) else { throw Failure.missingSheet(name, log: log) }
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
