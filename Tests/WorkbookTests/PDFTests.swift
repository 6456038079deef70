import Foundation
import PlannerCore
import PlannerIO
import Testing
import WorkbookTestSupport

@testable import Workbook

/// The workbook as a PDF through real LibreOffice (two conversions of the small fixture, at the
/// same time), the errors when LibreOffice is missing or fails (with stand-in `soffice`
/// scripts), and the stamp that makes the PDF's bytes depend only on its content.
@Suite("PDF: LibreOffice prints every sheet with its header and footer, the same bytes every time; clear errors")
struct PDFTests {
    /// The fixture converted twice, concurrently (each conversion has its own profile).
    static let converted: Result<(first: [UInt8], second: [UInt8]), any Error> = {
        Result {
            nonisolated(unsafe) var second: Result<[UInt8], any Error> = .success([])
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { second = Result { try Fixture.workbook().pdfBytes() } }
            let first = try Fixture.workbook().pdfBytes()
            group.wait()
            return (first, try second.get())
        }
    }()

    /// A folder holding an executable `soffice` that runs `script`.
    static func fakeOffice(_ script: String) throws -> String {
        let folder = try ScratchDirectory(prefix: "fake-soffice").path
        try AtomicFile.write("#!/bin/sh\n" + script + "\n", to: "\(folder)/soffice")
        chmod("\(folder)/soffice", 0o755)
        return folder
    }

    @Test("each sheet prints on its page: its name at the top, the workbook title and 'Page N of 3' at the foot; same bytes twice")
    func pages() throws {
        let (first, second) = try Self.converted.get()
        #expect(first == second)
        #expect(first.starts(with: Array("%PDF-".utf8)))
        let folder = try ScratchDirectory(prefix: "pdf-test")
        defer { folder.remove() }
        try AtomicFile.write(first, to: "\(folder.path)/fixture.pdf")
        let pages = try PDFText.pages(of: "\(folder.path)/fixture.pdf")
        #expect(try PDFText.pageCount(of: "\(folder.path)/fixture.pdf") == 3)
        try #require(pages.count == 3)
        for (index, (page, sheet)) in zip(pages, LibreOfficeTests.names).enumerated() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines.first == sheet)
            #expect(lines.last?.hasPrefix("Fixture & test") == true && lines.last?.hasSuffix("Page \(index + 1) of 3") == true, "\(lines)")
        }
        // The header row, Tamil as text (pdftotext gives its letters in visual order, so only the
        // script is checked), and the lakh format.
        #expect(pages[0].contains("Segment") && pages[0].contains("Budget"))
        #expect(pages[0].unicodeScalars.contains { (0x0B80...0x0BFF).contains($0.value) })
        #expect(pages[0].contains("₹1,23,45,678.50"))
        // The creation date is the workbook's day, 2026-11-20, at midnight.
        #expect(PDFStamp.occurrences(of: Array("/CreationDate(D:20261120000000Z'".utf8), in: first).count == 1)
    }

    @Test("no soffice on PATH: the typed error, spelled for the user; the request's fault")
    func notInstalled() throws {
        let converter = OfficeConverter(searchPath: "/nonexistent")
        #expect(converter.soffice == nil)
        #expect(throws: ConversionError.notInstalled) { try Fixture.workbook().pdfBytes(using: converter) }
        let diagnostic = ConversionError.notInstalled.diagnostic(path: "out/plan.pdf")
        #expect(diagnostic.fault == .badRequest)
        #expect(
            diagnostic.description.hasPrefix("out/plan.pdf: error: LibreOffice is needed for `format pdf`; install libreoffice-calc-nogui.")
        )
        // Nothing was written.
        #expect(throws: Diagnostic.self) {
            try Fixture.workbook().writePDF(to: "/tmp/never-written-\(getpid()).pdf", using: converter)
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written-\(getpid()).pdf"))
    }

    @Test("soffice failing, or exiting 0 without a PDF: a typed error with its last line; the previous file stays")
    func failures() throws {
        let failing = try Self.fakeOffice("echo 'starting'; echo 'Error: source file could not be loaded' >&2; exit 3")
        let silent = try Self.fakeOffice("echo 'convert done'; exit 0")
        defer { for folder in [failing, silent] { try? FileManager.default.removeItem(atPath: folder) } }
        let result = Result { () throws(ConversionError) in try Fixture.workbook().pdfBytes(using: OfficeConverter(searchPath: failing)) }
        guard case .failure(.failed(let status, let log)) = result else { Issue.record("expected a failure, got \(result)"); return }
        #expect(status == 3 && log.contains("source file could not be loaded"))
        #expect(
            ConversionError.failed(status: status, log: log).diagnostic.message
                == "LibreOffice could not convert the workbook: soffice exited with status 3: Error: source file could not be loaded")
        let folder = try ScratchDirectory(prefix: "pdf-kept")
        defer { folder.remove() }
        try AtomicFile.write("old", to: "\(folder.path)/plan.pdf")
        #expect(throws: Diagnostic.self) {
            try Fixture.workbook().writePDF(to: "\(folder.path)/plan.pdf", using: OfficeConverter(searchPath: silent))
        }
        #expect(try FileBytes.read("\(folder.path)/plan.pdf") == Array("old".utf8))
        #expect(try DirectoryListing.files(in: folder.path, hidden: true) == ["plan.pdf"])
        #expect(throws: ConversionError.noOutput(log: "convert done\n")) {
            try Fixture.workbook().pdfBytes(using: OfficeConverter(searchPath: silent))
        }
    }

    @Test("the stamp: dates to the given day, identifier and checksum to a hash, same length; different times, same bytes")
    func stamp() throws {
        func pdf(_ time: String, _ id: String) -> [UInt8] {
            Array(
                "%PDF-1.6\n1 0 obj\n<</Creator(Calc)/CreationDate(D:\(time)Z')>>\nendobj\ntrailer\n<</Size 2/Info 1 0 R\n/ID [ <\(id)>\n<\(id)> ]\n/DocChecksum /\(id)\n>>\nstartxref\n9\n%%EOF\n"
                    .utf8)
        }
        let day = CivilDate(year: 2026, month: 10, day: 1)!
        let a = PDFStamp.normalize(pdf("20261207011300", "A2263DF8195C5F493565F8EF519416E0"), created: day)
        let b = PDFStamp.normalize(pdf("20270101235959", "14A2B083E01FB56FD2D83D0B27DCB250"), created: day)
        #expect(a == b)
        #expect(a.count == pdf("20261207011300", "A2263DF8195C5F493565F8EF519416E0").count)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("/CreationDate(D:20261001000000Z')"))
        let hash = String(decoding: PDFStamp.hexHash(pdf("20261001000000", String(repeating: "0", count: 32))), as: UTF8.self)
        #expect(text.contains("/ID [ <\(hash)>\n<\(hash)> ]\n/DocChecksum /\(hash)\n"))
        #expect(PDFStamp.normalize(a, created: day) == a)
        // Other content, another identifier.
        let calx = String(decoding: pdf("20261207011300", "A2263DF8195C5F493565F8EF519416E0"), as: UTF8.self).replacingOccurrences(
            of: "(Calc)", with: "(Calx)")
        let other = PDFStamp.normalize(Array(calx.utf8), created: day)
        #expect(other != a)
    }
}
