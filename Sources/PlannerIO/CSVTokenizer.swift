import PlannerCore

/// An RFC 4180 CSV tokenizer over bytes: quoted fields, doubled quotes, newlines inside quotes,
/// CRLF or LF line ends, and a leading UTF-8 byte order mark.
///
/// It works on bytes and keeps each record's first physical line number, so a diagnostic can point
/// at the row. It runs the same scanner as the streaming ``CSVFileReader`` over a whole input; a malformed record (a quote inside an unquoted field, text after a closing quote, a
/// quote never closed) is reported as ``CSVRecord/error`` and tokenizing continues at the next line.
public struct CSVTokenizer: Sendable {
    /// One record, or why it could not be read.
    public enum CSVRecord: Sendable, Equatable {
        /// Fields of a well-formed record; `raw` is the record's bytes (without its line end).
        case fields(line: Int, values: [[UInt8]], raw: ArraySlice<UInt8>)
        /// A malformed record: its first physical line, why it failed, and its bytes (for the rejects file).
        case error(line: Int, reason: String, raw: ArraySlice<UInt8>)

        /// 1-based line of the record's first physical line (a quoted newline makes a record span several).
        public var line: Int {
            switch self {
            case .fields(let line, _, _), .error(let line, _, _): line
            }
        }
    }

    private let bytes: [UInt8]
    private var cursor: CSVCursor

    /// A tokenizer over a whole input; a leading UTF-8 byte order mark is skipped.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        self.cursor = CSVCursor(position: bytes.starts(with: bom) ? 3 : 0, line: 1)
    }

    /// The next record, or `nil` at the end. Blank lines are skipped.
    public mutating func next() -> CSVRecord? {
        var cursor = self.cursor
        let storage = CSVFieldStorage(capacity: 16)
        let result: CSVRecord? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var record = CSVScannedRecord()
            let outcome = CSVScanner.scanRecord(
                base, count: buffer.count, cursor: &cursor, stopAt: buffer.count, isFinal: true, maxRecordBytes: .max,
                fields: storage, record: &record)
            guard case .record = outcome else { return nil }
            let raw = bytes[record.start..<record.rawEnd]
            if let error = record.error { return .error(line: record.line, reason: error.message, raw: raw) }
            let view = CSVRecordView(
                base: base, fields: storage.pointer, count: storage.count, line: record.line,
                rawRange: record.start..<record.rawEnd, error: nil)
            return .fields(line: record.line, values: (0..<view.count).map(view.value), raw: raw)
        }
        self.cursor = cursor
        return result
    }
}

/// A small CSV table read whole: a header and rows of text, for inputs that fit in memory (cell
/// lists, limits files). Large customer files use the streaming reader instead.
public struct CSVTable: Sendable {
    /// One data row: its fields as text, with where it starts in the file.
    public struct Row: Sendable {
        /// 1-based line of the row's first physical line.
        public let line: Int
        /// The fields as UTF-8 text, not trimmed; as many as the header has.
        public let values: [String]
    }

    /// The file it was read from, as given; names it in diagnostics.
    public let path: String
    /// The column names of the first record, trimmed of ASCII spaces and tabs.
    public let header: [String]
    /// The data rows after the header, in file order; blank lines are skipped.
    public let rows: [Row]

    /// Reads a CSV file; any malformed row, invalid UTF-8 or wrong field count is an error naming
    /// its line.
    public init(path: String) throws(Diagnostic) {
        try self.init(bytes: FileBytes.read(path), path: path)
    }

    /// Reads CSV bytes already in memory; `path` names them in diagnostics.
    public init(bytes: [UInt8], path: String) throws(Diagnostic) {
        var tokenizer = CSVTokenizer(bytes: bytes)
        var header: [String]?
        var rows: [Row] = []
        while let record = tokenizer.next() {
            switch record {
            case .error(let line, let reason, _):
                throw Diagnostic(path: path, line: line, message: "malformed CSV: \(reason)")
            case .fields(let line, let values, _):
                var texts: [String] = []
                for (index, value) in values.enumerated() {
                    guard let text = String(validating: value, as: UTF8.self) else {
                        throw Diagnostic(
                            path: path, line: line, field: header.map { index < $0.count ? $0[index] : "column \(index + 1)" },
                            message: "not valid UTF-8")
                    }
                    texts.append(text)
                }
                if let header {
                    guard texts.count == header.count else {
                        throw Diagnostic(
                            path: path, line: line,
                            message: "expected \(header.count) fields as in the header, found \(texts.count)")
                    }
                    rows.append(Row(line: line, values: texts))
                } else {
                    header = texts.map { $0.trimmingASCIISpaces() }
                }
            }
        }
        guard let header else { throw Diagnostic(path: path, line: 1, message: "the file is empty; expected a header row") }
        self.path = path
        self.header = header
        self.rows = rows
    }

    /// The index of a column, or a diagnostic naming the missing column and those present.
    public func column(_ name: String) throws(Diagnostic) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw Diagnostic(
                path: path, line: 1, field: name, message: "required column '\(name)' is missing",
                hint: "the header has: \(SafeText.list(header))")
        }
        return index
    }
}

extension String {
    /// The text without leading and trailing ASCII spaces and tabs.
    public func trimmingASCIISpaces() -> String { Self.trimmingASCIISpaces(self[...]) }

    /// Walks UTF-8 bytes from both ends (a space or tab is one byte and never part of another
    /// character), and returns the text itself when there is nothing to trim: this runs once per
    /// CSV field, so it must not cost more than the field.
    static func trimmingASCIISpaces(_ text: Substring) -> String {
        let bytes = text.utf8
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        guard let first = bytes.first, let last = bytes.last else { return "" }
        if !isSpace(first) && !isSpace(last) { return String(text) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while start < end {
            let before = bytes.index(before: end)
            guard isSpace(bytes[before]) else { break }
            end = before
        }
        return String(text[start..<end])
    }
}

extension Substring {
    /// The text without leading and trailing ASCII spaces and tabs.
    public func trimmingASCIISpaces() -> String { String.trimmingASCIISpaces(self) }
}
