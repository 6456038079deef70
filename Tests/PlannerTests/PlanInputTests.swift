import Foundation
import Planner
import PlannerCore
import PlannerIO
import Testing

@Suite("What a plan records of its campaign and customer file")
struct PlanInputTests {
    @Test("the customer file's size and SHA-256, the brief's columns and a campaign id slugged from the name")
    func fingerprint() throws {
        let customers = Workspace.customers([("Delhi", "Hindi", 150)])
        let folder = try Workspace.folder(["brief.yaml": Workspace.brief(), "customers.csv": customers])
        let plan = try Workspace.plan(customers: customers, in: folder)
        #expect(plan.input.size == customers.utf8.count)
        #expect(plan.input.sha256 == Digest.hex(Digest.sha256(Array(customers.utf8))))
        #expect(plan.input.sha256.count == 64)
        #expect(plan.campaignID == "test-plan")
        let back = try Plan.parse(Array(plan.canonicalJSON.utf8), path: "plan.json")
        #expect(back.input == plan.input && back.campaignID == plan.campaignID)
        #expect(back.canonicalJSON == plan.canonicalJSON)
    }

    @Test("a slug keeps ASCII letters and digits; a brief's campaign_id wins over its name")
    func campaignID() throws {
        #expect(Brief.slug("Festive season 2026 — India") == "festive-season-2026-india")
        #expect(Brief.slug("  Diwali!!2026  ") == "diwali-2026")
        // No ASCII letter or digit: a hash of the name (first 12 hex digits of its SHA-256).
        #expect(Brief.slug("दीपावली") == "campaign-" + String(Digest.hex(Digest.sha256(Array("दीपावली".utf8))).prefix(12)))
        let customers = Workspace.customers([("Delhi", "Hindi", 150)])
        let plan = try Workspace.plan(brief: Workspace.brief(extra: "campaign_id: fest26"), customers: customers)
        #expect(plan.campaignID == "fest26")
    }
}
