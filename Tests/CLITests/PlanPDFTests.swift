import Foundation
import Testing
import WorkbookTestSupport

/// `plan --format pdf` on the README's example, read back page by page with `pdftotext -layout`
/// (one LibreOffice conversion, shared by the tests). Before the print layout the example's
/// workbook printed to 164 pages here (LibreOffice 7.4, A4, DejaVu fonts; 156 with Noto) and the
/// Summary's values landed on other pages than their labels; measured now: 36 pages with DejaVu
/// only, 39 with the Noto fonts `.ci/run` installs. The count depends on the fonts installed (a
/// narrower font prints larger, on more pages).
@Suite("campaign-planner plan --format pdf")
struct PlanPDFTests {
    struct Run {
        let out: String
        let result: CLI.Result
        let pages: [String]
        let pageCount: Int

        /// Each page's non-empty lines, trimmed at the ends.
        func lines(_ page: Int) -> [String] {
            pages[page].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// The CSV file `name` of the same run, as rows of fields (no quoted commas in the ones read here).
        func csv(_ name: String) throws -> [[String]] {
            try String(contentsOfFile: "\(out)/\(name)", encoding: .utf8).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
    }

    static let run: Result<Run, any Error> = {
        Result {
            let out = NSTemporaryDirectory() + "plan-pdf-\(UUID().uuidString)"
            let result = try CLI.run(["plan", "examples/festive-2026.yaml", "--out", out, "--format", "csv,pdf"])
            let pages = result.status == 0 ? try PDFText.pages(of: "\(out)/plan.pdf") : []
            let count = result.status == 0 ? try PDFText.pageCount(of: "\(out)/plan.pdf") : 0
            return Run(out: out, result: result, pages: pages, pageCount: count)
        }
    }()

    static let plan = "Festive season 2026 — India"

    @Test("at most 40 pages, sheets in workbook order, each page headed by its sheet and footed by the plan's name and 'Page N of M'")
    func pages() throws {
        let run = try Self.run.get()
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.result.stdout.contains("\(run.out)/plan.pdf"))
        #expect(run.pageCount <= 40)
        #expect(run.pages.count == run.pageCount)
        var order: [String] = []
        for page in run.pages.indices {
            let lines = run.lines(page)
            let sheet = try #require(lines.first)
            if order.last != sheet { order.append(sheet) }
            let footer = try #require(lines.last)
            #expect(footer.hasPrefix(Self.plan) && footer.hasSuffix("Page \(page + 1) of \(run.pageCount)"), "page \(page + 1): \(footer)")
        }
        #expect(order == ["Summary", "Assumptions", "Segments", "Allocation", "Calendar", "Messages", "Excluded"])
        // Written atomically: the PDF renamed into place, no temporary file left beside it.
        let files = try FileManager.default.contentsOfDirectory(atPath: run.out)
        #expect(files.contains("plan.pdf") && !files.contains { $0.hasPrefix(".") })
        // Indic messages are text in the PDF (Bengali script on the Messages pages).
        let messages = run.pages.indices.filter { run.lines($0).first == "Messages" }.map { run.pages[$0] }.joined()
        #expect(messages.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) })
    }

    @Test("the Summary is page 1, the whole of it, each label beside its value as the workbook shows it")
    func summary() throws {
        let run = try Self.run.get()
        try #require(run.pageCount > 1)
        #expect(run.lines(0).first == "Summary")
        #expect(run.lines(1).first == "Assumptions")
        let page = run.lines(0)
        let collapsed = page.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let rows = try run.csv("summary.csv").dropFirst()
        #expect(rows.count == 21)
        for row in rows {
            let label = row[0], raw = row.dropFirst().joined(separator: ",").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            // With -layout the label and its value share a line, two or more spaces apart.
            let line = try #require(page.first { $0.components(separatedBy: "  ").first == label }, "no line for \(label)")
            let shown = String(line.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
            if let number = Double(raw) {
                if shown.hasSuffix("%") {
                    #expect(abs((Double(shown.dropLast()) ?? .nan) / 100 - number) < 0.0005, "\(label): \(shown)")
                } else {
                    // ₹40,000.00 for 40000.00, 83,563 for 83563: the same digits, grouped.
                    #expect(shown.filter(\.isNumber) == raw.filter(\.isNumber), "\(label): \(shown) for \(raw)")
                }
            } else if shown != raw {
                // A long text wraps inside its cell: its first line beside the label, the rest below.
                #expect(raw.hasPrefix(shown) && collapsed.contains(raw), "\(label): \(shown)")
            }
        }
        #expect(page.first { $0.hasPrefix("Budget ") }?.hasSuffix("₹40,000.00") == true)
    }

    @Test("Allocation: its header row is repeated at the top of each of its pages, and every line is printed once")
    func allocationHeader() throws {
        let run = try Self.run.get()
        let csv = try run.csv("allocation.csv")
        let header = try #require(csv.first)
        let pages = run.pages.indices.filter { run.lines($0).first == "Allocation" }
        #expect(pages.count >= 2)
        var printed: [String] = []
        for page in pages {
            let lines = run.lines(page)
            #expect(
                lines.count > 2 && lines[1].split(separator: " ").map(String.init) == header,
                "page \(page + 1): \(lines.dropFirst().first ?? "")")
            printed += lines.compactMap { line in
                line.split(separator: " ").first.map(String.init).flatMap { $0.wholeMatch(of: /L\d{4}/) != nil ? $0 : nil }
            }
        }
        #expect(printed == csv.dropFirst().map { $0[0] })
    }

    @Test("--format pdf without LibreOffice: one clear line, exit 64, nothing written; compare's pdf needs --out")
    func withoutLibreOffice() throws {
        let out = NSTemporaryDirectory() + "plan-nopdf-\(UUID().uuidString)"
        let result = try CLI.run(
            ["plan", "examples/festive-2026.yaml", "--out", out, "--format", "json,pdf"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "error: LibreOffice is needed for --format pdf; install libreoffice-calc-nogui. Hint: on Debian or Ubuntu: apt-get install -y --no-install-recommends libreoffice-calc-nogui (soffice must be on PATH)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out))
        let compare = try CLI.run(["compare", "a.json", "b.json", "--format", "pdf"])
        #expect(compare.status == 64 && compare.stderr.contains("--format pdf needs --out FILE.pdf"))
    }
}
