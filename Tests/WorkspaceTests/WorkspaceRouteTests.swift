import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlannerCore
import Testing
import Workspace

/// Request-level tests of every workspace route (HummingbirdTesting's router framework: real
/// requests through the real router and middleware, no network).
@Suite("Workspace routes")
struct WorkspaceRouteTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let csrf = String(repeating: "c", count: 64)
    static let token = String(repeating: "t", count: 64)

    /// A fresh workspace holding the example brief and the first 800 customers of the example export.
    static func workspace() throws -> String {
        let folder = NSTemporaryDirectory() + "workspace-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let brief = try String(contentsOfFile: packageRoot + "/examples/festive-2026.yaml", encoding: .utf8)
        try brief.replacingOccurrences(of: "min_customers: 150", with: "min_customers: 20")
            .replacingOccurrences(of: "min_spend: 50000", with: "min_spend: 1000")
            .write(toFile: folder + "/festive-2026.yaml", atomically: true, encoding: .utf8)
        let customers = try String(contentsOfFile: packageRoot + "/examples/customers-festive-2026.csv", encoding: .utf8)
        let lines = customers.split(separator: "\n", omittingEmptySubsequences: false).prefix(801)
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/customers-festive-2026.csv", atomically: true, encoding: .utf8)
        return folder
    }

    static func server(_ folder: String, host: String = "127.0.0.1", uploadLimit: Int = 1 << 20) throws -> WorkspaceServer {
        try WorkspaceServer(
            .init(host: host, port: 0, dataRoot: packageRoot, workspace: folder, uploadLimit: uploadLimit),
            secrets: WorkspaceSecrets(csrf: csrf, access: host == "127.0.0.1" ? nil : token))
    }

    static func app(_ server: WorkspaceServer) -> some ApplicationProtocol { Application(router: server.router()) }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let text = fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    /// A posted brief with one SMS channel and the budget -5, to be checked: the loader refuses the budget.
    static func badBudgetForm(name: String) -> [(String, String)] {
        [
            ("csrf", Self.csrf), ("name", name), ("country", "IN"), ("period.start", "2026-10-01"), ("period.end", "2026-11-20"),
            ("budget", "-5"), ("customers.file", "customers-festive-2026.csv"), ("use.sms", "1"), ("channels.sms.cost_per_message", "0.12"),
            ("channels.sms.response_rate.low", "0.004"), ("channels.sms.response_rate.base", "0.008"),
            ("channels.sms.response_rate.high", "0.012"), ("channels.sms.value_per_conversion", "180"), ("action", "check"),
        ]
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test("the home page lists the workspace's briefs and customer files, names escaped")
    func home() async throws {
        let folder = try Self.workspace()
        try "x".write(toFile: folder + "/<script>alert(1)<.csv", atomically: true, encoding: .utf8)
        try await Self.app(Self.server(folder)).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(text.contains("festive-2026.yaml"))
                #expect(text.contains("&lt;script&gt;alert(1)&lt;.csv"))
                #expect(!text.contains("<script>alert"))
            }
        }
    }

    @Test("the brief form shows every field of the example brief, with the header's columns to choose from")
    func briefForm() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder)).test(.router) { client in
            try await client.execute(uri: "/brief?file=festive-2026.yaml", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(text.contains("value=\"Festive season 2026 — India\""))
                #expect(text.contains("name=\"channels.whatsapp.cap\" type=\"text\" inputmode=\"decimal\" value=\"60000\""))
                // The brief maps region to `state`; `phone` is recognised by its name in the header.
                #expect(text.contains("<option value=\"state\" selected>state</option>"))
                #expect(text.contains("<option value=\"phone\" selected>phone</option>"))
                #expect(text.contains("<label for=\"f-budget\">"))
            }
        }
    }

    @Test("a bad budget gets the brief loader's message next to the budget field; a script name comes back escaped")
    func badBudget() async throws {
        let folder = try Self.workspace()
        let fields = Self.badBudgetForm(name: "<script>alert(1)</script>")
        try await Self.app(Self.server(folder)).test(.router) { client in
            try await client.execute(uri: "/brief", method: .post, headers: Self.formHeaders, body: Self.form(fields)) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .badRequest)
                #expect(text.contains("id=\"f-budget-error\" role=\"alert\">the budget must be a positive amount</span>"))
                #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!text.contains("<script>alert"))
            }
            var typo = fields
            typo[5] = ("budget", "forty thousand")
            try await client.execute(uri: "/brief", method: .post, headers: Self.formHeaders, body: Self.form(typo)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("id=\"f-budget-error\""))
            }
        }
    }

    @Test("a form without its CSRF token, or with a wrong one, is refused and saves nothing")
    func csrf() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder)).test(.router) { client in
            for token in [nil, "wrong"] as [String?] {
                var fields: [(String, String)] = [("name", "x"), ("save_as", "evil.yaml"), ("action", "save")]
                if let token { fields.append(("csrf", token)) }
                try await client.execute(uri: "/brief", method: .post, headers: Self.formHeaders, body: Self.form(fields)) { response in
                    #expect(response.status == .forbidden)
                }
            }
            try await client.execute(uri: "/upload?name=x.csv", method: .post, body: ByteBuffer(string: "a,b\n")) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/evil.yaml"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.csv"))
    }

    @Test("a saved brief is the YAML the loader reads back with the same values")
    func save() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder)).test(.router) { client in
            let page = try await client.execute(uri: "/brief?file=festive-2026.yaml", method: .get) { String(buffer: $0.body) }
            var fields = Self.inputs(of: page)
            fields.append(("csrf", Self.csrf))
            fields.removeAll { $0.0 == "save_as" }
            fields += [("save_as", "copy.yaml"), ("action", "save")]
            try await client.execute(uri: "/brief", method: .post, headers: Self.formHeaders, body: Self.form(fields)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Saved as copy.yaml."))
            }
        }
        let saved = try String(contentsOfFile: folder + "/copy.yaml", encoding: .utf8)
        #expect(saved.contains("budget: 40000\n"))
        #expect(saved.contains("  whatsapp:\n    cost_per_message: 0.78\n"))
        #expect(saved.contains("    region: \"state\"\n"))
    }

    @Test("paths that leave the workspace are refused: .., absolute, a symbolic link out")
    func paths() async throws {
        let folder = try Self.workspace()
        try FileManager.default.createSymbolicLink(atPath: folder + "/out", withDestinationPath: "/etc")
        try await Self.app(Self.server(folder)).test(.router) { client in
            for path in ["../../etc/passwd", "/etc/passwd", "out/passwd", "plans/../../x"] {
                try await client.execute(uri: "/download?path=\(path)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(!String(buffer: response.body).contains("root:"))
                }
            }
            try await client.execute(uri: "/brief?file=../festive-2026.yaml", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/download?path=festive-2026.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("# India's festive season 2026"))
            }
            // A brief naming a customer file or cube outside the workspace is refused beside the field, and never planned.
            let outside = NSTemporaryDirectory() + "outside-\(UUID().uuidString).csv"
            try FileManager.default.copyItem(atPath: folder + "/customers-festive-2026.csv", toPath: outside)
            let brief = try String(contentsOfFile: folder + "/festive-2026.yaml", encoding: .utf8)
            try brief.replacingOccurrences(of: "file: customers-festive-2026.csv", with: "file: \(outside)").write(
                toFile: folder + "/outside.yaml", atomically: true, encoding: .utf8)
            try await client.execute(uri: "/run/events?brief=outside.yaml&csrf=\(Self.csrf)", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("event: failed") && text.contains("is an absolute path"), "\(text)")
                #expect(!FileManager.default.fileExists(atPath: folder + "/plans/outside/plan.json"))
            }
            let page = try await client.execute(uri: "/brief?file=festive-2026.yaml", method: .get) { String(buffer: $0.body) }
            for (field, value) in [("customers.file", "../" + (outside as NSString).lastPathComponent), ("customers.cube", "out/passwd")] {
                var fields = Self.inputs(of: page).filter { ![field, "customers.file", "action", "save_as"].contains($0.0) }
                fields += [("csrf", Self.csrf), (field, value), ("action", "save"), ("save_as", "x.yaml")]
                try await client.execute(uri: "/brief", method: .post, headers: Self.formHeaders, body: Self.form(fields)) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .badRequest, "\(field)")
                    #expect(
                        text.contains("id=\"f-\(field)-error\" role=\"alert\">&#39;\(HTML.escape(value))&#39; leaves the workspace"),
                        "\(field)")
                }
                #expect(!FileManager.default.fileExists(atPath: folder + "/x.yaml"))
            }
        }
    }

    @Test("off the loopback address every request needs the access token; the token URL sets a cookie")
    func token() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder, host: "0.0.0.0")).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/?token=wrong", method: .get) { #expect($0.status == .forbidden) }
            let cookie = try await client.execute(uri: "/?token=\(Self.token)", method: .get) { response in
                #expect(response.status == .ok)
                return response.headers[.setCookie] ?? ""
            }
            #expect(cookie.hasPrefix("cp_token=\(Self.token)"))
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "cp_token=\(Self.token)"]) { #expect($0.status == .ok) }
        }
        let loopback = try Self.server(folder)
        #expect(loopback.secrets.access == nil)
        #expect(try WorkspaceServer(.init(host: "0.0.0.0", dataRoot: Self.packageRoot, workspace: folder)).secrets.access?.count == 64)
    }

    @Test("an upload is streamed into the workspace owner-only; one over the limit leaves nothing")
    func upload() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder, uploadLimit: 1000)).test(.router) { client in
            let headers: HTTPFields = [HTTPField.Name("X-CSRF-Token")!: Self.csrf]
            try await client.execute(
                uri: "/upload?name=small.csv", method: .post, headers: headers, body: ByteBuffer(string: "customer_id,state\nC1,DL\n")
            ) {
                #expect($0.status == .ok)
            }
            let big = ByteBuffer(string: String(repeating: "C1,DL\n", count: 200))
            try await client.execute(uri: "/upload?name=big.csv", method: .post, headers: headers, body: big) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("larger than the upload limit of 1000 bytes"))
            }
            try await client.execute(uri: "/upload?name=../up.csv", method: .post, headers: headers, body: ByteBuffer(string: "a\n")) {
                #expect($0.status == .badRequest)
            }
        }
        #expect(try String(contentsOfFile: folder + "/small.csv", encoding: .utf8) == "customer_id,state\nC1,DL\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/small.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: folder + "/big.csv"))
        #expect(!FileManager.default.fileExists(atPath: NSString(string: folder).deletingLastPathComponent + "/up.csv"))
    }

    @Test(
        "a plan run streams its progress, then the plan page shows the Delhi Bengali Durga Puja line, messages in their script, downloads; two plans compare"
    )
    func planAndCompare() async throws {
        let folder = try Self.workspace()
        let brief = try String(contentsOfFile: folder + "/festive-2026.yaml", encoding: .utf8)
        try brief.replacingOccurrences(of: "budget: 40000", with: "budget: 20000").write(
            toFile: folder + "/smaller.yaml", atomically: true, encoding: .utf8)
        try await Self.app(Self.server(folder)).test(.router) { client in
            for name in ["festive-2026.yaml", "smaller.yaml"] {
                try await client.execute(uri: "/run/events?brief=\(name)&csrf=\(Self.csrf)", method: .get) { response in
                    let text = String(buffer: response.body)
                    #expect(response.headers[.contentType] == "text/event-stream")
                    #expect(text.hasPrefix("event: progress\ndata: Reading the brief"))
                    #expect(text.contains("event: done\ndata: /plan?name=\(name.dropLast(5))\n\n"), "\(text)")
                }
            }
            try await client.execute(uri: "/run/events?brief=festive-2026.yaml&csrf=wrong", method: .get) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/plan?name=festive-2026", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                // 800 customers are too few for the Delhi Bengali segment (4 customers, rolled up): the browser test sees it on the full export.
                #expect(text.contains("data-language=\"bn\" data-festival=\"durga_puja\" data-channel=\"whatsapp\""))
                #expect(text.contains("lang=\"bn\" class=\"message\""))
                #expect(text.contains("lang=\"ta\" class=\"message\""))
                #expect(text.contains("/download?path=plans/festive-2026/plan.xlsx"))
                #expect(text.contains("<svg"))
            }
            try await client.execute(uri: "/download?path=plans/festive-2026/plan.xlsx", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B])  // "PK", a ZIP
            }
            try await client.execute(uri: "/compare?base=festive-2026&other=smaller", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(text.contains("Changes"))
                #expect(text.contains("budget"))
                // The plans are named by their workspace paths; where the workspace is on the server is not shown.
                #expect(text.contains("plans/smaller/plan.json"))
                #expect(!text.contains(folder), "the page shows the workspace's folder")
            }
            try await client.execute(uri: "/compare?base=festive-2026&other=../x", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    @Test("the plan page makes the plan's audience: owner-only send lists beside the plan, their totals shown, the files offered")
    func audience() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder)).test(.router) { client in
            try await client.execute(uri: "/run/events?brief=festive-2026.yaml&csrf=\(Self.csrf)", method: .get) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/plan?name=festive-2026", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("<form method=\"post\" action=\"/audience\">"))
                #expect(text.contains(">Make the audience</button>") && !text.contains("audience/sends.csv"))
            }
            let post = { (fields: [(String, String)]) in
                try await client.execute(uri: "/audience", method: .post, headers: Self.formHeaders, body: Self.form(fields)) {
                    ($0.status, $0.headers[.location], String(buffer: $0.body))
                }
            }
            #expect(try await post([("name", "festive-2026")]).0 == .forbidden)
            #expect(try await post([("csrf", Self.csrf), ("name", "../x")]).0 == .badRequest)
            let (status, location, _) = try await post([("csrf", Self.csrf), ("name", "festive-2026")])
            #expect(status == .seeOther && location == "/plan?name=festive-2026#audience")
            let sends = try String(contentsOfFile: folder + "/plans/festive-2026/audience/sends.csv", encoding: .utf8)
            let rows = sends.split(separator: "\n").dropFirst()
            #expect(!rows.isEmpty)
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/plans/festive-2026/audience/sends.csv")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            // The summary's totals, as the page states them: every planned message of these lines assigned or explained.
            let summary = try String(contentsOfFile: folder + "/plans/festive-2026/audience/audience-summary.csv", encoding: .utf8)
            let lines = summary.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let planned = lines.map { Int($0[4])! }.reduce(0, +)
            let assigned = lines.map { Int($0[5])! }.reduce(0, +)
            #expect(assigned == rows.count)
            try await client.execute(uri: "/plan?name=festive-2026", method: .get) { response in
                let text = String(buffer: response.body)
                let grouped = { (n: Int) in n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_IN"))) }
                #expect(text.contains("\(grouped(assigned)) of \(grouped(planned)) planned messages assigned"), "\(assigned) of \(planned)")
                #expect(text.contains("/download?path=plans/festive-2026/audience/sends.csv\">audience/sends.csv</a>"))
                #expect(!text.contains("audience/rejects.csv"))
                #expect(text.contains(">Make the audience again</button>"))
            }
        }
    }

    @Test(
        "the festival calendar lists a region's and language's festivals for any year, local names under their lang, and downloads as ICS")
    func festivals() async throws {
        let folder = try Self.workspace()
        try await Self.app(Self.server(folder)).test(.router) { client in
            try await client.execute(uri: "/festivals?country=IN&region=IN-WB&language=bn&year=2031", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                // Durga Puja 2031 in West Bengal: principal day 23 October, 22-25 October (as `festivals --year 2031` lists it).
                #expect(
                    text.contains(
                        "<tr data-festival=\"durga_puja\"><td>Durga Puja</td><td lang=\"bn\">দুর্গাপূজা</td><td>2031-10-23</td><td>2031-10-22</td><td>2031-10-25</td>"
                    ))
                // A festival without a Bengali name keeps its English one, marked as English.
                #expect(text.contains("<td>Mahavir Jayanti</td><td lang=\"en\">Mahavir Jayanti</td>"))
                #expect(text.contains("<option value=\"IN-WB\" selected>"))
                #expect(text.contains("href=\"/festivals.ics?country=IN&amp;region=IN-WB&amp;language=bn&amp;year=2031\""))
            }
            try await client.execute(uri: "/festivals.ics?country=IN&region=IN-WB&language=bn&year=2026", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(
                    response.headers[HTTPField.Name("Content-Disposition")!] == "attachment; filename=\"festivals-IN-IN-WB-bn-2026.ics\"")
                #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
                #expect(
                    text.contains(
                        "UID:durga_puja-20261019-in@campaign-planner\r\nDTSTAMP:20000101T000000Z\r\nDTSTART;VALUE=DATE:20261018\r\nDTEND;VALUE=DATE:20261022\r\n"
                    ))
            }
            // Delhi alone does not keep Durga Puja; its Bengali speakers do.
            try await client.execute(uri: "/festivals?region=IN-DL&year=2026", method: .get) { response in
                #expect(!String(buffer: response.body).contains("data-festival=\"durga_puja\""))
            }
            try await client.execute(uri: "/festivals?region=IN-DL&language=bn&year=2026", method: .get) { response in
                #expect(String(buffer: response.body).contains("data-festival=\"durga_puja\""))
            }
            for (query, message) in [
                ("year=20x6", "the year &#39;20x6&#39; is not a year from 1 to 9999"), ("region=%3Cscript%3E&year=2026", "&lt;script&gt;"),
                ("language=klingon&year=2026", "klingon"),
            ] {
                try await client.execute(uri: "/festivals?\(query)", method: .get) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(text.contains("role=\"alert\""), "\(query)")
                    #expect(text.contains(message), "\(query): \(text)")
                    #expect(!text.contains("<script>"), "\(query)")
                }
                try await client.execute(uri: "/festivals.ics?\(query)", method: .get) { #expect($0.status == .badRequest, "\(query)") }
            }
        }
    }

    /// The name and value of every input, selected option and textarea of a page (a browser's form submission, roughly).
    static func inputs(of page: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        let input = try! NSRegularExpression(
            pattern: "<input id=\"[^\"]*\" name=\"([^\"]*)\" type=\"(?:text|date)\"(?: inputmode=\"decimal\")? value=\"([^\"]*)\"")
        for match in input.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            fields.append(
                (Self.unescape(page[Range(match.range(at: 1), in: page)!]), Self.unescape(page[Range(match.range(at: 2), in: page)!])))
        }
        let checkbox = try! NSRegularExpression(pattern: "name=\"(use\\.[a-z]+)\" value=\"1\" checked")
        for match in checkbox.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            fields.append((String(page[Range(match.range(at: 1), in: page)!]), "1"))
        }
        let select = try! NSRegularExpression(
            pattern: "<select id=\"f-[^\"]*\" name=\"([^\"]*)\"[^>]*>(.*?)</select>", options: .dotMatchesLineSeparators)
        for match in select.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            let options = String(page[Range(match.range(at: 2), in: page)!])
            if let selected = options.range(of: "value=\"([^\"]*)\" selected", options: .regularExpression) {
                let value = options[selected].dropFirst(7).dropLast(10)
                fields.append((String(page[Range(match.range(at: 1), in: page)!]), Self.unescape(value)))
            }
        }
        let area = try! NSRegularExpression(
            pattern: "<textarea id=\"[^\"]*\" name=\"([^\"]*)\" rows=\"3\">(.*?)</textarea>", options: .dotMatchesLineSeparators)
        for match in area.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            fields.append((String(page[Range(match.range(at: 1), in: page)!]), Self.unescape(page[Range(match.range(at: 2), in: page)!])))
        }
        return fields
    }

    static func unescape(_ text: some StringProtocol) -> String {
        String(text).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
            of: "&lt;", with: "<"
        )
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
