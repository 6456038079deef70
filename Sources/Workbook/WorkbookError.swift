import PlannerCore
import PlannerIO

/// Why a workbook cannot be written. Each case names the sheet, and the cell where there is one.
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible, DiagnosticConvertible {
    /// A sheet name Excel refuses (empty, too long, a forbidden character, a leading or trailing
    /// apostrophe, or the reserved `History`).
    case invalidSheetName(String, reason: String)
    /// Two sheets with the same name (Excel compares names ignoring case).
    case duplicateSheetName(String)
    /// A workbook needs at least one sheet.
    case noSheets
    /// A row has more cells than the sheet has columns.
    case rowTooLong(sheet: String, row: Int, cells: Int, columns: Int)
    /// NaN or infinity, which a spreadsheet cell cannot hold.
    case nonFiniteNumber(sheet: String, cell: String)
    /// Text longer than a cell holds (32,767 UTF-16 units).
    case textTooLong(sheet: String, cell: String)
    /// Beyond Excel's grid (1,048,576 rows, 16,384 columns).
    case tooLarge(sheet: String)
    /// The ZIP container could not be built.
    case archive(String)

    /// The error in words, naming the sheet (and cell) concerned.
    public var description: String {
        switch self {
        case .invalidSheetName(let name, let reason): "sheet name \"\(name)\" is not allowed: \(reason)"
        case .duplicateSheetName(let name): "two sheets are named \"\(name)\" (names ignore case)"
        case .noSheets: "a workbook needs at least one sheet"
        case .rowTooLong(let sheet, let row, let cells, let columns):
            "sheet \"\(sheet)\": data row \(row + 1) has \(cells) cells but the sheet has \(columns) columns"
        case .nonFiniteNumber(let sheet, let cell): "sheet \"\(sheet)\" cell \(cell): the number is NaN or infinite"
        case .textTooLong(let sheet, let cell): "sheet \"\(sheet)\" cell \(cell): text longer than 32,767 characters"
        case .tooLarge(let sheet): "sheet \"\(sheet)\" has more rows or columns than a spreadsheet holds"
        case .archive(let reason): "cannot build the XLSX archive: \(reason)"
        }
    }

    /// The same problem as the CLI's diagnostic (a program error, exit 1: the planner built the
    /// sheets, the user cannot fix them by editing input).
    public var diagnostic: Diagnostic { diagnostic(path: nil) }

    /// The same, naming the file being written.
    public func diagnostic(path: String?) -> Diagnostic {
        Diagnostic(.internal, path: path, message: description, hint: "this is a bug in the workbook the program built; please report it")
    }

    /// Checks a sheet name against Excel's rules.
    public static func validate(sheetName name: String) throws(WorkbookError) {
        if name.isEmpty { throw .invalidSheetName(name, reason: "it is empty") }
        if name.utf16.count > 31 { throw .invalidSheetName(name, reason: "longer than 31 characters") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw .invalidSheetName(name, reason: "it contains \"\(bad)\"; [ ] : * ? / \\ are not allowed")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw .invalidSheetName(name, reason: "it starts or ends with an apostrophe")
        }
        if name.lowercased() == "history" { throw .invalidSheetName(name, reason: "\"History\" is reserved by Excel") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw .invalidSheetName(name, reason: "it contains a control character")
        }
    }
}
