import HTTPTypes
import Hummingbird
import Planner
import PlannerCore
import PlannerIO

/// Every route of the workspace, over one server's folder and secrets. Each handler is small and
/// calls the library (brief loader, plan run, comparison) as the command line does.
struct WorkspaceRoutes: Sendable {
    let server: WorkspaceServer
    var folder: WorkspaceFolder { server.folder }
    var secrets: WorkspaceSecrets { server.secrets }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in home() }
        router.get("/static/workspace.js") { _, _ in asset(WorkspaceAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/static/workspace.css") { _, _ in asset(WorkspaceAssets.style, type: "text/css; charset=utf-8") }
        router.get("/brief") { request, _ in briefPage(request) }
        router.post("/brief") { request, _ in try await postBrief(request) }
        router.post("/upload") { request, _ in try await upload(request) }
        router.get("/download") { request, _ in download(request) }
        router.get("/run") { request, _ in runPage(request) }
        router.get("/run/events") { request, _ in runEvents(request) }
        router.get("/plan") { request, _ in planPage(request) }
        router.get("/compare") { request, _ in comparePage(request) }
        router.get("/festivals") { request, _ in festivalsPage(request) }
        router.get("/festivals.ics") { request, _ in festivalsCalendar(request) }
    }

    func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: Pages.securityHeaders(type), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A query parameter's text.
    static func query(_ request: Request, _ name: String) -> String? {
        request.uri.queryParameters[name[...]].map { String($0) }
    }

    /// The posted form's fields, read up to 1 MiB, after its CSRF token is checked.
    func form(_ request: Request) async throws -> [String: String]? {
        let body = try await request.body.collect(upTo: 1 << 20)
        let fields = try URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))
        return WorkspaceSecrets.matches(fields["csrf"], secrets.csrf) ? fields : nil
    }

    static let csrfRefused = Pages.html(
        HTML.page(
            title: "Form refused",
            body:
                "<p class=\"error\" role=\"alert\">The form's security token is missing or out of date: reload the page and send it again.</p>"
        ),
        status: .forbidden)

    // MARK: home

    func home() -> Response {
        var body = "<section aria-labelledby=\"briefs\"><h2 id=\"briefs\">Briefs</h2><ul>"
        for name in folder.files(ending: ".yaml") {
            body += "<li><a href=\"\(HTML.link("/brief", [("file", name)]))\">\(HTML.escape(name))</a></li>"
        }
        body += "</ul><p><a href=\"/brief\">Write a new brief</a></p></section>"
        body += "<section aria-labelledby=\"customers\"><h2 id=\"customers\">Customer files</h2><ul>"
        for name in folder.files(ending: ".csv") { body += "<li>\(HTML.escape(name))</li>" }
        body += "</ul>"
        body += """
            <form id="upload" data-csrf="\(HTML.escape(secrets.csrf))">
            <label for="upload-file">Upload a customer CSV (at most \(server.configuration.uploadLimit >> 20) MiB)</label>
            <input id="upload-file" name="file" type="file" accept=".csv,text/csv">
            <button type="submit">Upload</button> <output id="upload-status" role="status"></output>
            </form></section>
            """
        body += "<section aria-labelledby=\"plans\"><h2 id=\"plans\">Plans</h2><ul>"
        for name in folder.plans { body += "<li><a href=\"\(HTML.link("/plan", [("name", name)]))\">\(HTML.escape(name))</a></li>" }
        body += "</ul></section>"
        return Pages.html(HTML.page(title: "Workspace", body: body))
    }

    // MARK: brief

    func briefPage(_ request: Request) -> Response {
        var form = BriefForm(values: ["country": "IN", "templates.default": "festive-offer"], channels: ["sms"])
        var name = ""
        if let file = Self.query(request, "file") {
            do throws(Diagnostic) {
                form = BriefForm(try Brief.load(path: folder.path(file)))
                name = file
            } catch {
                return Pages.html(
                    BriefPage.render(form: form, saveAs: file, diagnostic: error, folder: folder, secrets: secrets), status: .badRequest)
            }
        }
        return Pages.html(BriefPage.render(form: form, saveAs: name, diagnostic: nil, folder: folder, secrets: secrets))
    }

    func postBrief(_ request: Request) async throws -> Response {
        guard let fields = try await form(request) else { return Self.csrfRefused }
        let form = BriefForm(posted: fields)
        let saveAs = (fields["save_as"] ?? "").trimmingASCIISpaces()
        func page(_ diagnostic: Diagnostic?, saved: String? = nil) -> Response {
            Pages.html(
                BriefPage.render(form: form, saveAs: saveAs, diagnostic: diagnostic, folder: folder, secrets: secrets, saved: saved),
                status: diagnostic == nil ? .ok : .badRequest)
        }
        if let diagnostic = form.check(scratch: "\(folder.root)/.brief-check-\(WorkspaceSecrets.random().prefix(12)).yaml") {
            return page(diagnostic)
        }
        guard fields["action"] == "save" || fields["action"] == "plan" else { return page(nil) }
        let target: String
        do throws(Diagnostic) {
            guard saveAs.hasSuffix(".yaml"), !saveAs.contains("/") else {
                throw Diagnostic(.badRequest, field: "save_as", message: "name the brief file NAME.yaml (no folders)")
            }
            target = try folder.path(saveAs)
            try AtomicFile.write(form.yaml, to: target)
        } catch {
            return page(error)
        }
        if fields["action"] == "plan" { return Pages.redirect("/run?brief=" + HTML.percentEncoded(saveAs)) }
        return page(nil, saved: saveAs)
    }

    // MARK: files

    func upload(_ request: Request) async throws -> Response {
        guard WorkspaceSecrets.matches(request.headers[HTTPField.Name("X-CSRF-Token")!], secrets.csrf) else { return Self.csrfRefused }
        let name = Self.query(request, "name") ?? ""
        do {
            guard name.hasSuffix(".csv"), !name.contains("/") else {
                throw Diagnostic(.badRequest, field: "name", message: "upload a file named NAME.csv")
            }
            let path = try folder.path(name)
            try await Upload.write(request.body, to: path, limit: server.configuration.uploadLimit)
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: "Upload refused")
        }
        return Pages.html(HTML.page(title: "Uploaded", body: "<p role=\"status\">\(HTML.escape(name)) is in the workspace.</p>"))
    }

    func download(_ request: Request) -> Response {
        do throws(Diagnostic) {
            let relative = Self.query(request, "path") ?? ""
            let path = try folder.path(relative)
            let name = String(relative.split(separator: "/").last ?? "")
            return Pages.download(try FileBytes.read(path), name: name, type: Pages.mediaType(of: name))
        } catch {
            return Pages.error(error, title: "No such file")
        }
    }

    // MARK: plans

    func runPage(_ request: Request) -> Response {
        let brief = Self.query(request, "brief") ?? ""
        let events = HTML.link("/run/events", [("brief", brief), ("csrf", secrets.csrf)])
        let body = """
            <p>Planning <code>\(HTML.escape(brief))</code>…</p>
            <ol id="progress" data-events="\(events)" aria-live="polite"></ol>
            <noscript><p>This page needs JavaScript to follow the run.</p></noscript>
            """
        return Pages.html(HTML.page(title: "Making the plan", body: body))
    }

    func runEvents(_ request: Request) -> Response {
        guard WorkspaceSecrets.matches(Self.query(request, "csrf"), secrets.csrf) else { return Self.csrfRefused }
        let brief = Self.query(request, "brief") ?? ""
        let run = PlanJob(folder: folder, dataRoot: server.configuration.dataRoot, brief: brief)
        var headers: HTTPFields = [.contentType: "text/event-stream"]
        headers[.cacheControl] = "no-cache"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                func send(_ event: String, _ data: String) async throws {
                    try await writer.write(ByteBuffer(string: ServerSentEvent.frame(event: event, data: data)))
                }
                try await send("progress", "Reading the brief and the customer file")
                do {
                    let plan = try await run.start()
                    try await send("progress", "Plan made: \(plan.lines.count) lines; files written")
                    try await send("done", "/plan?name=" + HTML.percentEncoded(run.name))
                } catch let diagnostic as Diagnostic {
                    try await send("failed", Pages.message(diagnostic))
                }
                try await writer.finish(nil)
            })
    }

    func planPage(_ request: Request) -> Response {
        let name = Self.query(request, "name") ?? ""
        do {
            guard !name.contains("/") else { throw Diagnostic(.badRequest, field: "name", message: "'\(name)' is not a plan's name") }
            let plan = try Plan.load(try folder.path("plans/\(name)/plan.json"))
            return Pages.html(HTML.page(title: plan.name, body: try PlanPage.render(plan, name: name, folder: folder)))
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: "No such plan")
        } catch {
            return Pages.error(Diagnostic(.internal, message: "the plan cannot be shown: \(error)"))
        }
    }

    func comparePage(_ request: Request) -> Response {
        let base = Self.query(request, "base")
        let other = Self.query(request, "other")
        do {
            return Pages.html(HTML.page(title: "Compare plans", body: try ComparePage.render(folder: folder, base: base, other: other)))
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: "Cannot compare")
        } catch {
            return Pages.error(Diagnostic(.internal, message: "the comparison cannot be shown: \(error)"))
        }
    }

    // MARK: festivals

    func festivalsPage(_ request: Request) -> Response {
        do throws(Diagnostic) {
            let page = try FestivalsPage(query: { Self.query(request, $0) })
            let (html, failed) = page.render(dataRoot: server.configuration.dataRoot)
            return Pages.html(HTML.page(title: "Festival calendar \(page.year)", body: html), status: failed ? .badRequest : .ok)
        } catch {
            return Pages.error(error, title: "Festival calendar")
        }
    }

    func festivalsCalendar(_ request: Request) -> Response {
        do throws(Diagnostic) {
            let calendar = try FestivalsPage(query: { Self.query(request, $0) }).calendar(dataRoot: server.configuration.dataRoot)
            return Pages.download(Array(calendar.text.utf8), name: calendar.name, type: Pages.mediaType(of: calendar.name))
        } catch {
            return Pages.error(error, title: "Festival calendar")
        }
    }
}
