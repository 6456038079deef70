import Foundation
import PlannerIO

/// Test support: a PDF's pages as text, by poppler's `pdftotext -layout` (Debian package
/// `poppler-utils`, which `.ci/run` installs), run through the library's ``Subprocess``. With
/// `-layout` each printed row stays one line, so a label and its value on one line were printed
/// side by side; pages are separated by form feeds.
public enum PDFText {
    /// Why the text could not be read.
    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)

        /// What went wrong and how to fix it, for the test's failure message.
        public var description: String {
            switch self {
            case .notInstalled:
                "pdftotext is not installed: run `apt-get install -y --no-install-recommends poppler-utils` (.ci/run does)"
            case .failed(let log): "pdftotext failed: \(log)"
            }
        }
    }

    /// Each page's text, in page order.
    public static func pages(of pdf: String) throws -> [String] {
        guard let pdftotext = Subprocess.find("pdftotext") else { throw Failure.notInstalled }
        let outcome = try Subprocess.run(pdftotext, ["-layout", "-enc", "UTF-8", pdf, "-"], timeout: 120)
        guard outcome.status == 0 else { throw Failure.failed(outcome.output) }
        var pages = outcome.output.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        // pdftotext ends every page, the last one too, with a form feed.
        if pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages
    }

    /// The page count in the PDF's own page tree, as `pdfinfo` reads it.
    public static func pageCount(of pdf: String) throws -> Int {
        guard let pdfinfo = Subprocess.find("pdfinfo") else { throw Failure.notInstalled }
        let outcome = try Subprocess.run(pdfinfo, [pdf], timeout: 60)
        guard outcome.status == 0,
            let line = outcome.output.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
            let count = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        else { throw Failure.failed(outcome.output) }
        return count
    }
}
