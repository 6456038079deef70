import PlannerCore
import PlannerIO

extension Workbook {
    /// The workbook printed to PDF by LibreOffice (``OfficeConverter``): every sheet in tab
    /// order, each as its page setup says (``PageSetup``), with the formulas recalculated.
    ///
    /// The same workbook gives the same bytes on the same machine: LibreOffice stamps the time
    /// of the conversion into the PDF (its creation date and file identifier), and those are
    /// replaced by the workbook's ``created`` date and an identifier computed from the rest of
    /// the file (see ``PDFStamp``).
    public func pdfBytes(using converter: OfficeConverter = OfficeConverter()) throws(ConversionError) -> [UInt8] {
        _ = try converter.requireInstalled()
        let bytes: [UInt8]
        do { bytes = try xlsxBytes() } catch { throw .workbook(error) }
        let scratch: ScratchDirectory
        do {
            scratch = try ScratchDirectory(prefix: "campaign-planner-pdf")
        } catch {
            throw .scratch(error)
        }
        defer { scratch.remove() }
        let input = "\(scratch.path)/workbook.xlsx", output = "\(scratch.path)/workbook.pdf"
        do { try AtomicFile.write(bytes, to: input) } catch { throw .scratch(error) }
        let log = try converter.convert(input, to: "pdf", into: scratch.path)
        guard let pdf = try? FileBytes.read(output), !pdf.isEmpty else { throw .noOutput(log: log) }
        return PDFStamp.normalize(pdf, created: created)
    }

    /// Writes the workbook's PDF to `path` atomically (temporary file and rename): a reader never
    /// sees half a PDF, and a failure leaves any previous file in place.
    public func writePDF(to path: String, using converter: OfficeConverter = OfficeConverter()) throws(Diagnostic) {
        let bytes: [UInt8]
        do { bytes = try pdfBytes(using: converter) } catch { throw error.diagnostic(path: path) }
        try AtomicFile.write(bytes, to: path)
    }
}

/// Makes LibreOffice's PDF depend only on its content. LibreOffice 7.4 writes three things that
/// change from run to run (measured: two conversions of the same XLSX differ in exactly these
/// bytes): the document's `/CreationDate(D:YYYYMMDDHHMMSS…)`, and in the trailer the file
/// identifier `/ID [<32 hex digits><32 hex digits>]` and `/DocChecksum /<32 hex digits>`, both
/// derived from the time. They are overwritten in place, with the same number of bytes, so every
/// offset in the cross-reference table stays right: the date with a given day at midnight, the
/// identifier and checksum with a hash of the rest of the file (as ISO 32000-1 §14.4 allows for
/// the identifier: any value that identifies the content).
enum PDFStamp {
    /// `pdf` with its creation and modification dates set to `created` at 00:00:00 and its file
    /// identifiers and checksum to a hash of the file with those blanked.
    static func normalize(_ pdf: [UInt8], created: CivilDate) -> [UInt8] {
        var bytes = pdf
        let stamp = Array(digits(of: created).utf8)
        for key in ["/CreationDate(D:", "/ModDate(D:"] {
            for start in occurrences(of: Array(key.utf8), in: bytes) {
                var i = start + key.utf8.count, k = 0
                while i < bytes.count, k < stamp.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                    bytes[i] = stamp[k]
                    i += 1
                    k += 1
                }
            }
        }
        let identifier = identifierDigits(bytes)
        for index in identifier { bytes[index] = UInt8(ascii: "0") }
        let hash = hexHash(bytes)
        for (n, index) in identifier.enumerated() { bytes[index] = hash[n % hash.count] }
        return bytes
    }

    /// `YYYYMMDD000000`: the 14 digits of a PDF date at midnight.
    static func digits(of date: CivilDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "000000"
    }

    /// The positions of the hex digits inside the `<…>` strings of every `/ID [ … ]` array, and
    /// of the name after every `/DocChecksum /`.
    static func identifierDigits(_ bytes: [UInt8]) -> [Int] {
        var positions: [Int] = []
        let checksum = Array("/DocChecksum /".utf8)
        for start in occurrences(of: checksum, in: bytes) {
            var i = start + checksum.count
            while i < bytes.count, isHexDigit(bytes[i]) {
                positions.append(i)
                i += 1
            }
        }
        for start in occurrences(of: Array("/ID".utf8), in: bytes) {
            var i = start + 3
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r") {
                i += 1
            }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { continue }
            var inside = false
            while i < bytes.count, bytes[i] != UInt8(ascii: "]") {
                switch bytes[i] {
                case UInt8(ascii: "<"): inside = true
                case UInt8(ascii: ">"): inside = false
                default: if inside, isHexDigit(bytes[i]) { positions.append(i) }
                }
                i += 1
            }
        }
        return positions
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// Where `pattern` starts in `bytes`, left to right.
    static func occurrences(of pattern: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0], bytes[i..<i + pattern.count].elementsEqual(pattern) {
                found.append(i)
                i += pattern.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// 32 upper-case hex digits: two 64-bit FNV-1a hashes of `bytes` from different offsets.
    static func hexHash(_ bytes: [UInt8]) -> [UInt8] {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let text = [first, second].map { value in
            let hex = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
        return Array(text.utf8)
    }
}
