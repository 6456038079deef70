/// The shared-string table (`xl/sharedStrings.xml`): each distinct string once, in order of
/// first use, so the same sheets always give the same indexes.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    private(set) var references = 0

    /// The index of `text`, adding it on first use.
    mutating func add(_ text: String) -> Int {
        references += 1
        if let i = index[text] { return i }
        strings.append(text)
        index[text] = strings.count - 1
        return strings.count - 1
    }

    var xml: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(references)" uniqueCount="\(strings.count)">
            """
        for text in strings {
            let escaped = XMLText.escapeSpreadsheetString(text)
            let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true || text.contains("\n")
            out += preserve ? #"<si><t xml:space="preserve">\#(escaped)</t></si>"# : "<si><t>\(escaped)</t></si>"
        }
        return out + "</sst>"
    }
}
