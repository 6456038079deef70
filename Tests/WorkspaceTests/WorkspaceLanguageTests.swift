import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanTestSupport
import PlannerCore
import Results
import Testing
import Workspace

/// The interface in English and Hindi (language switch, cookie, Accept-Language) and a plan
/// reviewed against its results, through the real router.
@Suite("Workspace languages and results")
struct WorkspaceLanguageTests {
    static func get(_ client: some TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> (
        HTTPResponse.Status, String, HTTPFields
    ) {
        try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body), $0.headers) }
    }

    @Test("a page asked for in Hindi (cookie or Accept-Language) is lang=\"hi\" throughout, the library's English marked lang=\"en\"")
    func hindi() async throws {
        let folder = try WorkspaceRouteTests.workspace()
        try await WorkspaceRouteTests.app(WorkspaceRouteTests.server(folder)).test(.router) { client in
            let (status, home, _) = try await Self.get(client, "/", headers: [.cookie: "cp_lang=hi"])
            #expect(status == .ok)
            #expect(home.contains("<html lang=\"hi\">"))
            #expect(home.contains("<a href=\"/brief\">नया ब्रीफ़</a>") && home.contains("<h2 id=\"plans\">प्लान</h2>"))
            #expect(home.contains("ग्राहक CSV अपलोड करें (अधिकतम 1 MiB)"))
            // The switch offers English, in English, and returns to this page.
            #expect(home.contains("<a href=\"/language?to=en&amp;back=/\" lang=\"en\" hreflang=\"en\">English</a>"))
            #expect(home.contains("<strong lang=\"hi\">हिन्दी</strong>"))
            #expect(!home.contains("Customer files"))

            let (_, byBrowser, _) = try await Self.get(
                client, "/festivals?region=WB&language=bn&year=2026", headers: [.acceptLanguage: "hi-IN,hi;q=0.9,en;q=0.8"])
            #expect(byBrowser.contains("<html lang=\"hi\">") && byBrowser.contains("<title>त्योहार कैलेंडर 2026 · campaign-planner</title>"))
            #expect(byBrowser.contains("<th scope=\"col\">स्थानीय नाम</th>") && byBrowser.contains("<td lang=\"bn\">"))
            // The switch back keeps the page's query.
            #expect(byBrowser.contains("back=/festivals%3Fregion%3DWB%26language%3Dbn%26year%3D2026"))

            let (_, english, _) = try await Self.get(client, "/", headers: [.acceptLanguage: "ta-IN,en;q=0.5"])
            #expect(english.contains("<html lang=\"en\">") && english.contains("Customer files"))
        }
    }

    @Test("the brief form in Hindi: every label from the catalogue, the loader's field error beside its field, marked English")
    func hindiBrief() async throws {
        let folder = try WorkspaceRouteTests.workspace()
        try await WorkspaceRouteTests.app(WorkspaceRouteTests.server(folder)).test(.router) { client in
            let (_, page, _) = try await Self.get(client, "/brief?file=festive-2026.yaml", headers: [.cookie: "cp_lang=hi"])
            #expect(page.contains("<label for=\"f-budget\">बजट *</label>"))
            #expect(
                page.contains("<legend>चैनल: whatsapp</legend>") && page.contains("<label for=\"f-channels.whatsapp.cap\">ख़र्च की सीमा</label>"))
            #expect(page.contains("<label for=\"f-customers.columns.phone\">phone का कॉलम</label>"))
            #expect(page.contains(">सहेजें और प्लान बनाएँ</button>"))
            let fields = WorkspaceRouteTests.badBudgetForm(name: "Diwali")
            var headers = WorkspaceRouteTests.formHeaders
            headers[.cookie] = "cp_lang=hi"
            try await client.execute(uri: "/brief", method: .post, headers: headers, body: WorkspaceRouteTests.form(fields)) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .badRequest)
                #expect(
                    text.contains("id=\"f-budget-error\" role=\"alert\" lang=\"en\">the budget must be a positive amount</span>"))
                #expect(text.contains("<html lang=\"hi\">"))
            }
        }
    }

    @Test("the language switch remembers the choice for a year and returns only to a page of this server")
    func languageSwitch() async throws {
        let folder = try WorkspaceRouteTests.workspace()
        try await WorkspaceRouteTests.app(WorkspaceRouteTests.server(folder)).test(.router) { client in
            let (status, _, headers) = try await Self.get(client, "/language?to=hi&back=/festivals%3Fyear%3D2027")
            #expect(status == .seeOther && headers[.location] == "/festivals?year=2027")
            let cookie = try #require(headers[.setCookie])
            #expect(cookie.hasPrefix("cp_lang=hi;") && cookie.contains("Max-Age=31536000") && cookie.contains("HttpOnly"))
            for away in ["//example.com/", "https://example.com/", "/\\example.com", "/\t/example.com", "/\n/example.com"] {
                let (_, _, elsewhere) = try await Self.get(
                    client, "/language?to=en&back=" + away.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                #expect(elsewhere[.location] == "/", "\(away)")
            }
            let (_, _, unknown) = try await Self.get(client, "/language?to=xx&back=/")
            #expect(unknown[.setCookie] == nil)
        }
    }

    @Test(
        "a plan and its results: the plan against actuals per segment, from plans/NAME/results/results.json; another plan's results are refused"
    )
    func planAgainstResults() async throws {
        let campaign = try CampaignFixture.write(outcomes: CampaignFixture.outcomes)
        defer { try? FileManager.default.removeItem(atPath: campaign) }
        let folder = try WorkspaceRouteTests.workspace()
        let manager = FileManager.default
        for plan in ["hand", "renamed"] {
            try manager.createDirectory(atPath: "\(folder)/plans/\(plan)/results", withIntermediateDirectories: true)
        }
        try manager.copyItem(atPath: "\(campaign)/plan.json", toPath: "\(folder)/plans/hand/plan.json")
        let renamed = PlanDocumentFixture.json(
            name: "Renamed", budget: 20, segments: ["IN-DL/hi", "IN-WB/bn"], lines: CampaignFixture.lines)
        try Data(renamed).write(to: URL(fileURLWithPath: "\(folder)/plans/renamed/plan.json"))
        let results = try CampaignResults.measure(
            .init(plan: "\(campaign)/plan.json", audience: "\(campaign)/audience", outcomes: "\(campaign)/outcomes.csv"))
        try results.canonicalJSON.write(toFile: "\(folder)/plans/hand/results/results.json", atomically: true, encoding: .utf8)
        try await WorkspaceRouteTests.app(WorkspaceRouteTests.server(folder)).test(.router) { client in
            let (_, form, _) = try await Self.get(client, "/compare")
            #expect(form.contains("<option value=\"hand\">plans/hand/results/results.json</option>"))
            #expect(!form.contains("<option value=\"renamed\">plans/renamed/results"))
            let (status, page, _) = try await Self.get(client, "/compare?base=hand&other=&results=hand", headers: [.cookie: "cp_lang=hi"])
            #expect(status == .ok)
            #expect(page.contains("<h2 id=\"actuals\">प्लान बनाम वास्तविक नतीजे</h2><div lang=\"en\">"))
            // L0001 (IN-WB/bn, SMS): 40 of 100 messaged converted against 20 of 100 held out: 20 incremental conversions.
            let row = try #require(page.components(separatedBy: "<tr>").first { $0.contains("<td>IN-WB/bn</td>") })
            #expect(row.contains("<td>20.00</td>"), "\(row)")
            #expect(!page.contains("id=\"changes\""))
            let (refused, wrong, _) = try await Self.get(client, "/compare?base=renamed&results=hand")
            #expect(
                refused == .badRequest
                    && wrong.contains("these results are of the plan &#39;Hand&#39;, not of the base plan &#39;Renamed&#39;"))
        }
    }
}
