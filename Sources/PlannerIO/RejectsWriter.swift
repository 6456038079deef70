import PlannerCore

/// Writes the rows a reader could not use to a CSV file `line,reason,raw`: the physical line where
/// the row starts, a short reason code, and the row's bytes exactly as read (quoted, quotes
/// doubled; bytes that are not UTF-8 are kept as they were). Streams to disk; the file appears
/// whole on ``commit()``, readable by its owner only (the rows hold personal data).
public final class RejectsWriter {
    private let file: AtomicFile.Writer
    /// Rows written so far.
    public private(set) var count = 0

    /// The header written first.
    public static let header = "line,reason,raw\n"

    /// The rejects file that appears on commit.
    public var path: String { file.path }

    /// Starts a rejects file at `path` (owner-only) and writes the header.
    public init(path: String) throws(Diagnostic) {
        file = try AtomicFile.Writer(path: path, access: .ownerOnly)
        try file.append(Self.header)
    }

    /// Appends one rejected row.
    public func append(line: Int, reason: String, raw: some Collection<UInt8>) throws(Diagnostic) {
        var bytes: [UInt8] = Array("\(line),\(CSVWriter.escape(reason)),\"".utf8)
        bytes.reserveCapacity(bytes.count + raw.count + 4)
        for byte in raw {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(contentsOf: [0x22, 0x0A])
        try file.append(bytes)
        count += 1
    }

    /// The rejects file beside `path`, the default of every reader: `out.csv` → `out.rejects.csv`,
    /// `data/customers` → `data/customers.rejects.csv`.
    public static func path(beside path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        var stem = String(path[slash...])
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        return String(path[..<slash]) + stem + ".rejects.csv"
    }

    /// Makes the file visible at its path.
    public func commit() throws(Diagnostic) { try file.commit() }
}
