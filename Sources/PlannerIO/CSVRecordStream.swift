import PlannerCore

/// A CSV file's records, one at a time in file order on the calling thread, for readers that
/// keep a little state per row (send lists, outcome files) rather than the segment cube's
/// parallel counters. Streams in chunks: memory is the chunk, not the file.
///
/// ```swift
/// try CSVRecordStream.read(path: "sends.csv") { header in
///     try SendColumns(header)                         // the header's names, trimmed
/// } row: { record, columns in
///     Send(record, columns)                           // runs while the bytes are in the buffer
/// } deliver: { send, line in
///     totals.add(send, line: line)                    // in file order, with the file line
/// }
/// ```
public enum CSVRecordStream {
    /// Reads `path`: `header` gets the trimmed column names and returns what `row` needs to read
    /// a record; `row` turns each record into an item while its bytes are valid (copy what you
    /// keep); `deliver` receives the items in file order with the record's physical line.
    /// - Throws: an empty file (no header), the reader's I/O errors, and whatever the closures throw.
    public static func read<Columns, Item>(
        path: String, header: ([String]) throws(Diagnostic) -> Columns, row: @escaping (CSVRecordView, Columns) -> Item,
        deliver: @escaping (Item, Int) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let file = try CSVFileReader(path: path)
        guard let names = try file.readHeader() else {
            throw Diagnostic(path: path, line: 1, message: "the file is empty; expected a header row")
        }
        let columns = try header(names.fields.map { String(decoding: $0, as: UTF8.self).trimmingASCIISpaces() })
        let collector = Collector(transform: { row($0, columns) }, deliver: deliver)
        try file.read(consumers: [collector])
    }

    /// One consumer: items of the current part, delivered when the part is committed (a part is
    /// never dropped with one consumer, but its lines are known only then).
    private final class Collector<Item>: CSVPartConsumer {
        let transform: (CSVRecordView) -> Item
        let deliver: (Item, Int) throws(Diagnostic) -> Void
        var part: [(line: Int, item: Item)] = []

        init(transform: @escaping (CSVRecordView) -> Item, deliver: @escaping (Item, Int) throws(Diagnostic) -> Void) {
            self.transform = transform
            self.deliver = deliver
        }

        func beginPart() { part.removeAll(keepingCapacity: true) }

        func consume(_ record: CSVRecordView) { part.append((record.line, transform(record))) }

        func commitPart(firstLine: Int) throws(Diagnostic) {
            for (line, item) in part { try deliver(item, firstLine - 1 + line) }
            part.removeAll(keepingCapacity: true)
        }
    }
}
