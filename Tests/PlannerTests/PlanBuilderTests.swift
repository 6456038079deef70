import Foundation
import Planner
import PlannerCore
import PlannerIO
import Testing

/// Plans built from real data (`locales/`, `calendars/`, `templates/`) and small hand-made
/// customer files.
enum Workspace {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A fresh folder with `files` (name → text) written into it.
    static func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let path = "\(directory)/\(name)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// Customers: `count` rows per (state, language), all reachable on SMS and WhatsApp.
    static func customers(_ groups: [(state: String, language: String, count: Int)]) -> String {
        var text = "customer_id,state,preferred_language,total_spend,order_count,last_order_date,sms_opt_in,whatsapp_opt_in,phone\n"
        var id = 0
        for group in groups {
            for _ in 0..<group.count {
                id += 1
                text += "C\(id),\(group.state),\(group.language),2400.50,3,2026-09-01,yes,yes,+9198\(String(10_000_000 + id))\n"
            }
        }
        return text
    }

    static func brief(festivals: String = "[durga_puja, diwali]", extra: String = "", budget: String = "20000") -> String {
        """
        name: Test plan
        period: {start: 2026-10-01, end: 2026-11-15}
        budget: \(budget)
        customers: customers.csv
        channels:
          sms: {cost_per_message: 0.12, response_rate: {low: 0.004, base: 0.008, high: 0.012}, conversion_rate: 0.25, value_per_conversion: 180}
          whatsapp: {cost_per_message: 0.78, response_rate: {low: 0.02, base: 0.035, high: 0.05}, conversion_rate: 0.3, value_per_conversion: 180}
        segmentation: {min_customers: 100}
        festivals: \(festivals)
        \(extra)
        """
    }

    static func plan(brief: String = Workspace.brief(), customers: String, dataRoot: String = root, in existing: String? = nil) throws
        -> Plan
    {
        let folder = try existing ?? folder(["brief.yaml": brief, "customers.csv": customers])
        return try PlanBuilder.build(
            PlanRequest(briefPath: "\(folder)/brief.yaml", dataRoot: dataRoot, today: CivilDate(year: 2026, month: 10, day: 1)!))
    }
}

@Suite("Plans from briefs")
struct PlanBuilderTests {
    @Test("a Bengali-speaking segment in Delhi gets a Durga Puja flight (a festival of its language community)")
    func bengaliInDelhi() throws {
        let plan = try Workspace.plan(customers: Workspace.customers([("Delhi", "Bengali", 400), ("Delhi", "Hindi", 400)]))
        let bengali = plan.lines.filter { $0.segment == "IN-DL/bn" }
        #expect(bengali.contains { $0.festival == "durga_puja" })
        // Durga Puja's principal day in 2026 (Maha Navami, 19 October, per the festival catalogue).
        #expect(bengali.first { $0.festival == "durga_puja" }?.festivalDate == CivilDate(year: 2026, month: 10, day: 19))
        // Hindi speakers in Delhi are not a Durga Puja community there.
        #expect(!plan.lines.contains { $0.segment == "IN-DL/hi" && $0.festival == "durga_puja" })
        #expect(plan.lines.contains { $0.segment == "IN-DL/hi" && $0.festival == "diwali" })
    }

    @Test("a brief that names its festivals plans years past a table-only festival's (Diwali 2040: Losar's table ends in 2035)")
    func festivalsPastTables() throws {
        let brief = Workspace.brief(festivals: "[diwali]").replacingOccurrences(
            of: "period: {start: 2026-10-01, end: 2026-11-15}", with: "period: {start: 2040-10-01, end: 2040-11-15}")
        let plan = try Workspace.plan(brief: brief, customers: Workspace.customers([("Sikkim", "ne", 300), ("Delhi", "hi", 300)]))
        #expect(Set(plan.lines.map(\.festival)) == ["diwali"])
        #expect(plan.lines.allSatisfy { $0.festivalDate == CivilDate(year: 2040, month: 11, day: 4) })
    }

    @Test("a brief planning every festival in 2040 skips Losar (no rule, table to 2035) with a warning, and plans the rest")
    func allFestivalsPastTables() throws {
        let brief = Workspace.brief(festivals: "all").replacingOccurrences(
            of: "period: {start: 2026-10-01, end: 2026-11-15}", with: "period: {start: 2040-10-01, end: 2040-11-15}")
        let plan = try Workspace.plan(brief: brief, customers: Workspace.customers([("Sikkim", "ne", 300), ("Delhi", "hi", 300)]))
        #expect(plan.lines.contains { $0.festival == "diwali" && $0.festivalDate == CivilDate(year: 2040, month: 11, day: 4) })
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings.first?.hasPrefix("skipped festival 'losar' (Losar) for 2040: it has no rule") == true)
        let json = plan.canonicalJSON
        #expect(json.contains("\"warnings\": [") && json.contains("\"skipped festival 'losar' (Losar) for 2040: "))
    }

    @Test("a phone-less export: a warning with the opted-in count; with customers.reach opt_in, SMS reach is the opt-ins")
    func phonelessExport() throws {
        let withPhone = Workspace.customers([("Delhi", "hi", 400)])
        let phoneless =
            withPhone.split(separator: "\n").map { $0.split(separator: ",").dropLast().joined(separator: ",") }
            .joined(separator: "\n") + "\n"
        #expect(
            phoneless.hasPrefix("customer_id,state,preferred_language,total_spend,order_count,last_order_date,sms_opt_in,whatsapp_opt_in\n")
        )
        // SMS and WhatsApp are the brief's only channels: nothing can be reached, and the error says why.
        let silent = #expect(throws: Diagnostic.self) { try Workspace.plan(customers: phoneless) }
        #expect(silent?.hint?.hasPrefix("no phone column in ") == true)
        #expect(silent?.hint?.contains(": 400 customers opted in to SMS and 400 to WhatsApp cannot be reached") == true)
        // With an email channel as well, the plan is made and warns.
        let withEmail = Workspace.brief().replacingOccurrences(
            of: "  whatsapp:",
            with:
                "  email: {cost_per_message: 0.02, response_rate: {low: 0.002, base: 0.004, high: 0.007}, value_per_conversion: 180}\n  whatsapp:"
        )
        let emailCustomers = phoneless.replacingOccurrences(of: "whatsapp_opt_in\n", with: "whatsapp_opt_in,email_opt_in,email\n")
            .replacingOccurrences(of: ",yes,yes\n", with: ",yes,yes,yes,someone@example.com\n")
        let warned = try Workspace.plan(brief: withEmail, customers: emailCustomers)
        #expect(warned.lines.allSatisfy { $0.channel == "email" } && !warned.lines.isEmpty)
        #expect(warned.warnings.count == 1 && warned.warnings[0].contains("400 customers opted in to SMS and 400 to WhatsApp"))
        #expect(warned.assumptions.first { $0.key == "reach" }?.source == "default")

        let brief = Workspace.brief().replacingOccurrences(
            of: "customers: customers.csv", with: "customers: {file: customers.csv, reach: opt_in}")
        let plan = try Workspace.plan(brief: brief, customers: phoneless)
        let segment = try #require(plan.segments.first { $0.id == "IN-DL/hi" })
        #expect(segment.reachable["sms"] == 400 && segment.reachable["whatsapp"] == 400)
        #expect(plan.warnings.isEmpty)
        let reach = try #require(plan.assumptions.first { $0.key == "reach" })
        #expect(reach.value.hasPrefix("opt_in:") && reach.source == "brief (customers.reach)")
        // The same plan as from the export with phones.
        #expect(plan.totals.allocated == (try Workspace.plan(customers: withPhone)).totals.allocated)
        let wrong = brief.replacingOccurrences(of: "reach: opt_in", with: "reach: everyone")
        let error = #expect(throws: Diagnostic.self) { try Workspace.plan(brief: wrong, customers: phoneless) }
        #expect(error?.message == "unknown reach rule 'everyone'" && error?.line == 4)
    }

    @Test("a brief's customers.date_format reads a day-first export; an unknown format is an error at its line")
    func dayFirstExport() throws {
        let iso = Workspace.customers([("Delhi", "hi", 400)])
        let dayFirst = iso.replacingOccurrences(of: ",2026-09-01,", with: ",01/09/2026,")
        #expect(dayFirst != iso)
        let brief = Workspace.brief().replacingOccurrences(
            of: "customers: customers.csv", with: "customers: {file: customers.csv, date_format: dd/mm/yyyy}")
        let plan = try Workspace.plan(brief: brief, customers: dayFirst)
        let isoPlan = try Workspace.plan(customers: iso)
        #expect(plan.input.accepted == 400 && plan.lines.count == isoPlan.lines.count)
        #expect(plan.totals.allocated == isoPlan.totals.allocated)
        let wrong = brief.replacingOccurrences(of: "date_format: dd/mm/yyyy", with: "date_format: dd/yyyy")
        let error = #expect(throws: Diagnostic.self) { try Workspace.plan(brief: wrong, customers: dayFirst) }
        #expect(error?.message == "unknown date format 'dd/yyyy'" && error?.line == 4)
    }

    @Test("totals reconcile to the paisa and the plan is the same on every run")
    func reconcile() throws {
        let customers = Workspace.customers([("West Bengal", "bn", 600), ("Tamil Nadu", "ta", 500), ("Delhi", "hi", 700)])
        // SMS worth ₹400 a conversion, so a 3-segment Tamil SMS (₹0.36) still returns more than it costs.
        let brief = Workspace.brief().replacingOccurrences(
            of: "conversion_rate: 0.25, value_per_conversion: 180", with: "conversion_rate: 0.25, value_per_conversion: 400")
        let folder = try Workspace.folder(["brief.yaml": brief, "customers.csv": customers])
        let plan = try Workspace.plan(customers: customers, in: folder)
        #expect(plan.lines.map(\.budget).reduce(Money.zero, +) == plan.totals.allocated)
        #expect(plan.totals.allocated + plan.totals.unspent == plan.budget)
        #expect(plan.totals.allocated <= plan.budget)
        #expect(plan.certificate.relativeGap <= 1e-6)
        let again = try Workspace.plan(customers: customers, in: folder)
        #expect(plan.canonicalJSON == again.canonicalJSON)
        // An SMS line costs the message's real segment count × the price per segment.
        for line in plan.lines where line.channel == "sms" {
            let message = try #require(
                plan.messages.first { $0.segment == line.segment && $0.festival == line.festival && $0.channel == "sms" })
            #expect(abs(line.costPerMessage - 0.12 * Double(message.smsSegments)) < 1e-9)
        }
        // Tamil SMS is UCS-2; flights end on or before the festival's day (no follow-up days).
        #expect(plan.messages.contains { $0.segment == "IN-TN/ta" && $0.channel == "sms" && $0.encoding == "UCS-2" })
        for line in plan.lines { #expect(line.flight.end <= line.festivalDate) }
    }

    @Test("a language with no WhatsApp message and no fallback is not sent WhatsApp, and the exclusion says why")
    func noWhatsApp() throws {
        let template = """
            id: hindi-only
            festival: diwali
            brand: FOODCO
            source: hi
            languages: {hi: {status: reviewed}, ta: {status: draft}}
            fallback: {ta: []}
            arguments:
              festival_name: {type: term, bind: campaign}
            terms:
              festival_name: {hi: दीपावली, ta: தீபாவளி}
            channels:
              sms:
                category: promotional
                text: {hi: "FOODCO: {festival_name} की शुभकामनाएँ!", ta: "FOODCO: {festival_name} வாழ்த்துகள்!"}
              whatsapp:
                name: hindi_only
                category: MARKETING
                body: {hi: "FOODCO की ओर से {festival_name} की शुभकामनाएँ, आपका दिन शुभ हो!"}
            """
        let data = try Workspace.folder(["templates/hindi-only.yaml": template])
        for folder in ["locales", "calendars"] {
            try FileManager.default.createSymbolicLink(atPath: "\(data)/\(folder)", withDestinationPath: "\(Workspace.root)/\(folder)")
        }
        let brief = Workspace.brief(festivals: "[diwali]", extra: "templates: {default: hindi-only}")
        let plan = try Workspace.plan(
            brief: brief, customers: Workspace.customers([("Tamil Nadu", "ta", 300), ("Delhi", "hi", 300)]), dataRoot: data)
        #expect(!plan.lines.contains { $0.segment == "IN-TN/ta" && $0.channel == "whatsapp" })
        #expect(plan.lines.contains { $0.segment == "IN-TN/ta" && $0.channel == "sms" })
        #expect(plan.lines.contains { $0.segment == "IN-DL/hi" && $0.channel == "whatsapp" })
        let why = try #require(plan.excluded.first { $0.segment == "IN-TN/ta" && $0.channel == "whatsapp" })
        #expect(why.reason.hasPrefix("no whatsapp message in ta and no fallback"))
    }

    @Test(
        "bad briefs: one clear error each",
        arguments: [
            (Workspace.brief(festivals: "[durga_puja, diwalli]"), "festivals[1]", "unknown festival 'diwalli'"),
            (
                Workspace.brief(festivals: "[holi]"), "period",
                "no festival named in 'festivals' (holi) falls between 2026-10-01 and 2026-11-15"
            ),
            (
                Workspace.brief(extra: "segmentation: {min_customers: 100, min_budget: 300}", budget: "500")
                    .replacingOccurrences(of: "segmentation: {min_customers: 100}\n", with: ""),
                "segmentation.min_budget", "the budget cannot cover every segment's minimum"
            ),
            (Workspace.brief(extra: "templates: {default: festive-ofer}"), "templates.default", "unknown template 'festive-ofer'"),
            (
                Workspace.brief(extra: "arguments: {discount: \"95\"}"), "arguments.discount",
                "template 'festive-offer' needs a valid value for 'discount'"
            ),
        ])
    func badBriefs(brief: String, field: String, message: String) throws {
        do {
            _ = try Workspace.plan(brief: brief, customers: Workspace.customers([("Delhi", "hi", 300), ("West Bengal", "bn", 300)]))
            Issue.record("expected an error at \(field)")
        } catch let error as Diagnostic {
            #expect(error.field == field)
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.line != nil)
        }
    }
}
