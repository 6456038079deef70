import PlannerCore
import PlannerIO
import Testing

@Suite("RFC 4180 tokenizing with line numbers")
struct CSVTokenizerTests {
    func records(_ text: String) -> [CSVTokenizer.CSVRecord] {
        var tokenizer = CSVTokenizer(bytes: Array(text.utf8))
        var out: [CSVTokenizer.CSVRecord] = []
        while let record = tokenizer.next() { out.append(record) }
        return out
    }

    func fields(_ record: CSVTokenizer.CSVRecord) -> [String]? {
        if case .fields(_, let values, _) = record { return values.map { String(decoding: $0, as: UTF8.self) } }
        return nil
    }

    @Test("quoted fields, doubled quotes, embedded newlines, CRLF and a BOM")
    func quoting() {
        let text = "\u{FEFF}id,name\r\n1,\"Asha, \"\"A\"\"\"\r\n2,\"two\nlines\"\n3,plain\n"
        let all = records(text)
        #expect(all.count == 4)
        #expect(fields(all[0]) == ["id", "name"])
        #expect(fields(all[1]) == ["1", "Asha, \"A\""])
        #expect(fields(all[2]) == ["2", "two\nlines"])
        #expect(all[3].line == 5)
        #expect(fields(all[3]) == ["3", "plain"])
    }

    @Test(
        "broken quoting is an error on its own line and reading goes on",
        arguments: [
            ("1,ab\"c\n2,ok\n", "a quote inside an unquoted field"),
            ("1,\"ab\"c\n2,ok\n", "text after a closing quote"),
        ])
    func broken(text: String, reason: String) {
        let all = records(text)
        #expect(all.count == 2)
        #expect(
            all[0]
                == .error(
                    line: 1, reason: reason,
                    raw: Array(text.utf8)[
                        0..<(text.utf8.firstIndex(of: 10).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0)]))
        #expect(fields(all[1]) == ["2", "ok"])
    }

    @Test("an unclosed quote runs to the end and is reported")
    func unclosed() {
        let all = records("a,b\n1,\"open\n2,x\n")
        #expect(all.count == 2)
        if case .error(let line, let reason, _) = all[1] {
            #expect(line == 2 && reason == "a quoted field is never closed")
        } else {
            Issue.record("expected an error record")
        }
    }

    @Test("empty fields and a missing final newline")
    func empties() {
        #expect(records(",,\n").map(fields) == [["", "", ""]])
        #expect(records("a").map(fields) == [["a"]])
        #expect(records("").isEmpty)
    }

    @Test("a table checks field counts and names missing columns")
    func table() throws {
        let good = try CSVTable(bytes: Array("id,a\nx,1\n".utf8), path: "cells.csv")
        #expect(good.rows.first?.values == ["x", "1"])
        #expect(throws: Diagnostic(path: "cells.csv", line: 2, message: "expected 2 fields as in the header, found 3")) {
            try CSVTable(bytes: Array("id,a\nx,1,2\n".utf8), path: "cells.csv")
        }
        #expect(throws: Diagnostic.self) { try good.column("s") }
    }

    @Test("the writer quotes only what must be quoted")
    func writer() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.appendRow(["x,y", "say \"hi\""])
        #expect(writer.text == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
    }
}
