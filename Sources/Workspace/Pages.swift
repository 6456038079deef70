import HTTPTypes
import Hummingbird
import PlannerCore

/// Responses every route builds: HTML pages, redirects, downloads and error pages.
enum Pages {
    /// Headers on every HTML answer: no sniffing, no framing, scripts and styles from this server only.
    static func securityHeaders(_ contentType: String) -> HTTPFields {
        var headers: HTTPFields = [.contentType: contentType]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"
        return headers
    }

    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: securityHeaders("text/html; charset=utf-8"), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A "see other" redirect to `location` (a path on this server).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A page explaining `diagnostic` (a bad request or a failed run), with status 400 or 500.
    static func error(_ diagnostic: Diagnostic, title: String, ui: InterfaceText) -> Response {
        let status: HTTPResponse.Status = diagnostic.fault == .internal ? .internalServerError : .badRequest
        return html(HTML.page(title: title, body: message(diagnostic, ui: ui), ui: ui), status: status)
    }

    /// A diagnostic's message and hint, escaped, as an alert paragraph (no file path: the
    /// workspace's own files are named by the page). The library writes them in English, so on a
    /// page in another language they carry `lang="en"`.
    static func message(_ diagnostic: Diagnostic, ui: InterfaceText) -> String {
        "<p class=\"error\" role=\"alert\"\(ui.englishAttribute)>\(HTML.escape(text(of: diagnostic)))</p>"
    }

    /// A diagnostic's message with its hint in brackets, as pages show it.
    static func text(of diagnostic: Diagnostic) -> String {
        var text = diagnostic.message
        if let hint = diagnostic.hint { text += " (\(hint))" }
        return text
    }

    /// A file's bytes as a download named `name`.
    static func download(_ bytes: [UInt8], name: String, type: String) -> Response {
        var headers = securityHeaders(type)
        let safe = String(name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
        headers[HTTPField.Name("Content-Disposition")!] = "attachment; filename=\"\(safe)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The media type of a file by its extension.
    static func mediaType(of name: String) -> String {
        switch name.split(separator: ".").last ?? "" {
        case "json": "application/json"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "csv": "text/csv; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "svg": "image/svg+xml"
        case "yaml": "application/yaml"
        case "ics": "text/calendar; charset=utf-8"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }

    /// The hidden CSRF input every form carries.
    static func csrfInput(_ secrets: WorkspaceSecrets) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(secrets.csrf))\">"
    }
}
