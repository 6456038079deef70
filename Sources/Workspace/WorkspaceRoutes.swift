import HTTPTypes
import Hummingbird
import ICUKit
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
        router.get("/") { request, _ in home(request) }
        router.get("/static/workspace.js") { _, _ in asset(WorkspaceAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/static/workspace.css") { _, _ in asset(WorkspaceAssets.style, type: "text/css; charset=utf-8") }
        router.get("/brief") { request, _ in briefPage(request) }
        router.post("/brief") { request, _ in try await postBrief(request) }
        router.post("/upload") { request, _ in try await upload(request) }
        router.get("/download") { request, _ in download(request) }
        router.get("/run") { request, _ in runPage(request) }
        router.get("/run/events") { request, _ in runEvents(request) }
        router.get("/plan") { request, _ in planPage(request) }
        router.post("/audience") { request, _ in try await makeAudience(request) }
        router.get("/compare") { request, _ in comparePage(request) }
        router.get("/festivals") { request, _ in festivalsPage(request) }
        router.get("/festivals.ics") { request, _ in festivalsCalendar(request) }
        router.get("/language") { request, _ in chooseLanguage(request) }
    }

    func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: Pages.securityHeaders(type), body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The interface's words for `request`, in its visitor's language.
    func ui(_ request: Request) -> InterfaceText { InterfaceText(server.interface, request: request) }

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

    static func csrfRefused(_ ui: InterfaceText) -> Response {
        let body = "<p class=\"error\" role=\"alert\">\(HTML.escape(ui[.csrfMessage]))</p>"
        return Pages.html(HTML.page(title: ui[.csrfTitle], body: body, ui: ui), status: .forbidden)
    }

    // MARK: language

    /// Remembers the language `to` (a cookie for a year) and returns to `back`, a path on this
    /// server (anything else, such as `//elsewhere` or `/\telsewhere`, returns home).
    func chooseLanguage(_ request: Request) -> Response {
        let back = Self.query(request, "back") ?? "/"
        // Browsers drop tabs and newlines from a URL and read `\` as `/`: none may turn the path into `//host`.
        let plain = back.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" }
        let local = plain && back.hasPrefix("/") && !back.hasPrefix("//")
        var response = Pages.redirect(local ? back : "/")
        if let language = server.interface.language(Self.query(request, "to")) {
            response.setCookie(
                Cookie(name: InterfaceText.cookie, value: language.code, maxAge: 365 * 86_400, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }

    // MARK: home

    func home(_ request: Request) -> Response {
        let ui = ui(request)
        var body = "<section aria-labelledby=\"briefs\"><h2 id=\"briefs\">\(HTML.escape(ui[.briefs]))</h2><ul>"
        for name in folder.files(ending: ".yaml") {
            body += "<li><a href=\"\(HTML.link("/brief", [("file", name)]))\">\(HTML.escape(name))</a></li>"
        }
        body += "</ul><p><a href=\"/brief\">\(HTML.escape(ui[.newBrief]))</a></p></section>"
        body += "<section aria-labelledby=\"customers\"><h2 id=\"customers\">\(HTML.escape(ui[.customerFiles]))</h2><ul>"
        for name in folder.files(ending: ".csv") { body += "<li>\(HTML.escape(name))</li>" }
        body += "</ul>"
        let limit = server.configuration.uploadLimit
        let mebibytes: [String: MessageValue] = ["limit": .integer(limit >> 20)]
        body += """
            <form id="upload" data-csrf="\(HTML.escape(secrets.csrf))" data-limit="\(limit)" data-choose="\(HTML.escape(ui[.chooseFile]))" data-uploading="\(HTML.escape(ui[.uploading]))" data-too-large="\(HTML.escape(ui(.uploadTooLarge, mebibytes)))" data-failed="\(HTML.escape(ui[.uploadFailed]))">
            <label for="upload-file">\(HTML.escape(ui(.uploadLabel, mebibytes)))</label>
            <input id="upload-file" name="file" type="file" accept=".csv,text/csv">
            <button type="submit">\(HTML.escape(ui[.uploadButton]))</button> <output id="upload-status" role="status"></output>
            </form></section>
            """
        body += "<section aria-labelledby=\"plans\"><h2 id=\"plans\">\(HTML.escape(ui[.plans]))</h2><ul>"
        for name in folder.plans { body += "<li><a href=\"\(HTML.link("/plan", [("name", name)]))\">\(HTML.escape(name))</a></li>" }
        body += "</ul></section>"
        return Pages.html(HTML.page(title: ui[.navHome], body: body, ui: ui))
    }

    // MARK: brief

    func briefPage(_ request: Request) -> Response {
        let ui = ui(request)
        var form = BriefForm(values: ["country": "IN", "templates.default": "festive-offer"], channels: ["sms"])
        var name = ""
        if let file = Self.query(request, "file") {
            do throws(Diagnostic) {
                form = BriefForm(try Brief.load(path: folder.path(file)))
                name = file
            } catch {
                return Pages.html(
                    BriefPage.render(form: form, saveAs: file, diagnostic: error, folder: folder, secrets: secrets, ui: ui),
                    status: .badRequest)
            }
        }
        return Pages.html(BriefPage.render(form: form, saveAs: name, diagnostic: nil, folder: folder, secrets: secrets, ui: ui))
    }

    func postBrief(_ request: Request) async throws -> Response {
        let ui = ui(request)
        guard let fields = try await form(request) else { return Self.csrfRefused(ui) }
        let form = BriefForm(posted: fields)
        let saveAs = (fields["save_as"] ?? "").trimmingASCIISpaces()
        func page(_ diagnostic: Diagnostic?, saved: String? = nil) -> Response {
            Pages.html(
                BriefPage.render(
                    form: form, saveAs: saveAs, diagnostic: diagnostic, folder: folder, secrets: secrets, ui: ui, saved: saved),
                status: diagnostic == nil ? .ok : .badRequest)
        }
        if let diagnostic = form.check(scratch: "\(folder.root)/.brief-check-\(WorkspaceSecrets.random().prefix(12)).yaml", folder: folder)
        {
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
        let ui = ui(request)
        guard WorkspaceSecrets.matches(request.headers[HTTPField.Name("X-CSRF-Token")!], secrets.csrf) else { return Self.csrfRefused(ui) }
        let name = Self.query(request, "name") ?? ""
        do {
            guard name.hasSuffix(".csv"), !name.contains("/") else {
                throw Diagnostic(.badRequest, field: "name", message: "upload a file named NAME.csv")
            }
            let path = try folder.path(name)
            try await Upload.write(request.body, to: path, limit: server.configuration.uploadLimit)
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: ui[.uploadRefused], ui: ui)
        }
        let body = "<p role=\"status\">\(HTML.escape(ui(.uploaded, ["file": .string(name)])))</p>"
        return Pages.html(HTML.page(title: ui[.uploadedTitle], body: body, ui: ui))
    }

    func download(_ request: Request) -> Response {
        do throws(Diagnostic) {
            let relative = Self.query(request, "path") ?? ""
            let path = try folder.path(relative)
            let name = String(relative.split(separator: "/").last ?? "")
            return Pages.download(try FileBytes.read(path), name: name, type: Pages.mediaType(of: name))
        } catch {
            return Pages.error(error, title: ui(request)[.noSuchFile], ui: ui(request))
        }
    }

    // MARK: plans

    func runPage(_ request: Request) -> Response {
        let ui = ui(request)
        let brief = Self.query(request, "brief") ?? ""
        let events = HTML.link("/run/events", [("brief", brief), ("csrf", secrets.csrf)])
        let body = """
            <p>\(HTML.escape(ui[.runPlanning])) <code>\(HTML.escape(brief))</code>…</p>
            <ol id="progress" data-events="\(events)" data-done="\(HTML.escape(ui[.runDone]))" aria-live="polite"></ol>
            <noscript><p>\(HTML.escape(ui[.runNoScript]))</p></noscript>
            """
        return Pages.html(HTML.page(title: ui[.runTitle], body: body, ui: ui))
    }

    func runEvents(_ request: Request) -> Response {
        let ui = ui(request)
        guard WorkspaceSecrets.matches(Self.query(request, "csrf"), secrets.csrf) else { return Self.csrfRefused(ui) }
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
                try await send("progress", ui[.runReading])
                do {
                    let plan = try await run.start()
                    try await send("progress", ui(.runMade, ["lines": .integer(plan.lines.count)]))
                    try await send("done", "/plan?name=" + HTML.percentEncoded(run.name))
                } catch let diagnostic as Diagnostic {
                    try await send("failed", Pages.message(diagnostic, ui: ui))
                }
                try await writer.finish(nil)
            })
    }

    func planPage(_ request: Request) -> Response {
        let ui = ui(request)
        let name = Self.query(request, "name") ?? ""
        do {
            guard !name.contains("/") else { throw Diagnostic(.badRequest, field: "name", message: "'\(name)' is not a plan's name") }
            let plan = try Plan.load(try folder.path("plans/\(name)/plan.json"))
            return Pages.html(
                HTML.page(title: plan.name, body: try PlanPage.render(plan, name: name, folder: folder, secrets: secrets, ui: ui), ui: ui))
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: ui[.noSuchPlan], ui: ui)
        } catch {
            return Pages.error(Diagnostic(.internal, message: "the plan cannot be shown: \(error)"), title: ui[.failed], ui: ui)
        }
    }

    /// Makes the posted plan's audience, then shows the plan again (its audience section and downloads).
    func makeAudience(_ request: Request) async throws -> Response {
        let ui = ui(request)
        guard let fields = try await form(request) else { return Self.csrfRefused(ui) }
        let job = AudienceJob(folder: folder, dataRoot: server.configuration.dataRoot, name: fields["name"] ?? "")
        do {
            _ = try await job.start()
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: ui[.audienceFailed], ui: ui)
        }
        return Pages.redirect("/plan?name=" + HTML.percentEncoded(job.name) + "#audience")
    }

    func comparePage(_ request: Request) -> Response {
        let ui = ui(request)
        let (base, other, results) = (Self.query(request, "base"), Self.query(request, "other"), Self.query(request, "results"))
        do {
            let body = try ComparePage.render(folder: folder, base: base, other: other, results: results, ui: ui)
            return Pages.html(HTML.page(title: ui[.navCompare], body: body, ui: ui))
        } catch let diagnostic as Diagnostic {
            return Pages.error(diagnostic, title: ui[.compareFailed], ui: ui)
        } catch {
            return Pages.error(Diagnostic(.internal, message: "the comparison cannot be shown: \(error)"), title: ui[.failed], ui: ui)
        }
    }

    // MARK: festivals

    func festivalsPage(_ request: Request) -> Response {
        let ui = ui(request)
        do throws(Diagnostic) {
            let page = try FestivalsPage(query: { Self.query(request, $0) })
            let (html, failed) = page.render(dataRoot: server.configuration.dataRoot, ui: ui)
            let title = ui(.festivalsTitle, ["year": .string(String(page.year))])
            return Pages.html(HTML.page(title: title, body: html, ui: ui), status: failed ? .badRequest : .ok)
        } catch {
            return Pages.error(error, title: ui[.navFestivals], ui: ui)
        }
    }

    func festivalsCalendar(_ request: Request) -> Response {
        do throws(Diagnostic) {
            let calendar = try FestivalsPage(query: { Self.query(request, $0) }).calendar(dataRoot: server.configuration.dataRoot)
            return Pages.download(Array(calendar.text.utf8), name: calendar.name, type: Pages.mediaType(of: calendar.name))
        } catch {
            return Pages.error(error, title: ui(request)[.navFestivals], ui: ui(request))
        }
    }
}
