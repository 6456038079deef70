import PlannerCore
import PlannerIO
import Workbook

/// The folder an export writes its files into (plan, review, results): created when missing,
/// every file written atomically (temp file + rename), the paths kept in the order written for
/// the "wrote ..." line.
struct OutputFolder {
    /// The folder, as given.
    let directory: String
    /// The files written so far, in order.
    private(set) var written: [String] = []

    /// The folder `directory`, created with its parents when missing.
    init(_ directory: String) throws(Diagnostic) {
        try Directory.create(directory)
        self.directory = directory
    }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// Writes the text file `name`.
    mutating func put(_ name: String, _ text: String) throws(Diagnostic) {
        try AtomicFile.write(text, to: path(name))
        written.append(path(name))
    }

    /// Writes `workbook` as the XLSX file `name`.
    mutating func put(_ name: String, workbook: Workbook) throws(Diagnostic) {
        try workbook.write(to: path(name))
        written.append(path(name))
    }

    /// Records `name` as written by another writer (a PDF through LibreOffice).
    mutating func record(_ name: String) { written.append(path(name)) }
}
