/// Server-side HTML: the one escaping function every value shown passes through, and the page
/// frame. Customer names, template text, file names and error messages are untrusted.
public enum HTML {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` become entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A whole page: `title` (escaped) and `body` (already HTML), in the interface's language, with
    /// the navigation and the language switch.
    static func page(title: String, body: String, ui: InterfaceText) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escape(ui.language.code))">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · campaign-planner</title>
        <link rel="stylesheet" href="/static/workspace.css">
        <script src="/static/workspace.js" defer></script>
        </head>
        <body>
        <nav aria-label="\(escape(ui[.navLabel]))"><a href="/">\(escape(ui[.navHome]))</a> · <a href="/brief">\(escape(ui[.navBrief]))</a> · <a href="/compare">\(escape(ui[.navCompare]))</a> · <a href="/festivals">\(escape(ui[.navFestivals]))</a>
        <span class="languages" role="group" aria-label="\(escape(ui[.navLanguage]))">\(ui.switcher)</span></nav>
        <main>
        <h1>\(escape(title))</h1>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A link to `path` with `query` parameters (names and values percent-encoded, then escaped).
    static func link(_ path: String, _ query: [(String, String)] = []) -> String {
        guard !query.isEmpty else { return escape(path) }
        return escape(path + "?" + query.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&"))
    }

    /// `text` percent-encoded for a URL query (unreserved characters kept).
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 15)])
            }
        }
        return out
    }

    /// A table: a header row and rows of cells, each cell escaped; `attributes` go on `<table>` as given.
    static func table(header: [String], rows: [[String]], attributes: String = "") -> String {
        var out = "<table \(attributes)><thead><tr>"
        for name in header { out += "<th scope=\"col\">\(escape(name))</th>" }
        out += "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>"
    }
}
