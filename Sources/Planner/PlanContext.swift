import Allocation
import Festivals
import Locales
import Messages
import PlannerCore
import PlannerIO
import PostgresAccess
import Segments

/// A kept segment and the regions it covers.
struct SegmentInfo {
    let id: String
    let row: SegmentRow
    let regions: [String]
    let name: String
    /// The region whose festival dates and time zone the segment uses.
    let reference: String?
    var language: String { row.language }
}

/// One (segment, festival, channel) cell before allocation.
struct CandidateCell {
    let id: String
    let segment: SegmentInfo
    let occurrence: FestivalOccurrence
    let channel: Channel
    let template: String
    let message: RenderedMessage
    let costPerMessage: Double
    let flight: Flight
    let reachable: Int
    let messagesPerCustomer: Double
    let valuePerConversion: Double
    let assumptions: Brief.ChannelAssumptions
    /// The response rates the cell plans with: the brief's, or learned ones from its calibration.
    let responseRate: Brief.Rates
}

/// Everything a plan run loaded, and the steps of ``PlanBuilder``.
struct PlanContext {
    let request: PlanRequest
    let document: DataDocument<Brief>
    let brief: Brief
    let locales: LocaleCatalog
    let country: Country
    let festivals: FestivalCatalog
    let templates: TemplateCatalog
    let currency: String
    let customersPath: String
    /// Where the customers are: the `--customers` export, or the brief's file, cube or PostgreSQL table.
    let customersSource: Segmentation.Source
    /// How plan.json records ``customersSource``: `cube` or `postgres` (nil for a CSV export) and the table.
    var inputSource: (kind: String?, table: String?) {
        switch customersSource {
        case .csv: (nil, nil)
        case .cube: ("cube", nil)
        case .postgres(let source): ("postgres", source.table)
        }
    }
    /// The brief's calibration file, read (`nil` without one), and its path as the brief named it.
    let calibration: (file: String, rates: Calibration)?
    var excluded: [Exclusion] = []
    var assumptions: [Assumption] = []
    var readReport: SegmentReadReport?
    /// How the segments were cut beyond region and language (set by ``segments()``).
    var segmentation: PlanSegmentation?
    /// The customer file's size and SHA-256, taken when it was read.
    var customersFingerprint: FileFingerprint?
    /// See ``Plan/warnings``.
    var warnings: [String] = []
    /// The day the plan is made for.
    var asOf: CivilDate { request.today ?? brief.period.start }

    init(request: PlanRequest, document: DataDocument<Brief>) throws {
        self.request = request
        self.document = document
        let brief = document.value
        self.brief = brief
        let root = request.dataRoot
        let countries = try LocaleCatalog.countryCodes(in: "\(root)/locales")
        guard countries.contains(brief.country) else {
            throw document.diagnostic(
                at: ["country"], message: "unknown country '\(brief.country)'",
                hint: "countries with data: \(countries.joined(separator: ", "))")
        }
        locales = try LocaleCatalog(directory: "\(root)/locales", countries: [brief.country])
        country = locales.country(code: brief.country)!
        currency = brief.currency ?? country.currency
        festivals = try FestivalCatalog(directory: "\(root)/calendars", country: brief.country, locales: locales)
        templates = try TemplateCatalog(directory: "\(root)/templates", locales: locales)
        let briefDirectory = request.briefPath.lastIndex(of: "/").map { String(request.briefPath[..<$0]) } ?? "."
        func resolved(_ file: String) -> String { file.hasPrefix("/") ? file : "\(briefDirectory)/\(file)" }
        if let customers = request.customers {
            customersSource = .csv(customers)
        } else if let cube = brief.customers.cube {
            customersSource = .cube(resolved(cube))
        } else if let url = brief.customers.postgres, let table = brief.customers.table {
            do {
                customersSource = .postgres(PostgresSegmentSource(settings: try PostgresSettings.parse(url), table: table))
            } catch {
                throw document.diagnostic(at: ["customers", "postgres"], message: error.description, hint: error.hint)
            }
        } else {
            customersSource = .csv(resolved(brief.customers.file))
        }
        switch customersSource {
        case .csv(let path), .cube(let path): customersPath = path
        case .postgres(let source): customersPath = source.settings.description
        }
        calibration = try brief.calibration.map { file throws(Diagnostic) in
            (file, try DataFile.decode(Calibration.self, path: file.hasPrefix("/") ? file : "\(briefDirectory)/\(file)", strict: true))
        }
        try checkReferences()
    }

    /// Every festival and template the brief names exists, and the period has festivals.
    mutating func checkReferences() throws(Diagnostic) {
        let known = festivals.festivals.map(\.id)
        for (i, id) in (brief.festivals ?? []).enumerated() where festivals.festival(id: id) == nil {
            throw document.diagnostic(
                at: ["festivals", DataKey(intValue: i)], message: "unknown festival '\(id)'\(Suggestion.phrase(for: id, among: known))",
                hint: "festivals in calendars/\(brief.country).yaml: \(known.joined(separator: ", "))")
        }
        for (i, id) in brief.priority.enumerated() where festivals.festival(id: id) == nil {
            throw document.diagnostic(
                at: ["priority", DataKey(intValue: i)], message: "unknown festival '\(id)'\(Suggestion.phrase(for: id, among: known))")
        }
        let templateIDs = templates.templates.map(\.id)
        if templates.template(id: brief.templates.default) == nil {
            throw document.diagnostic(
                at: ["templates", "default"],
                message:
                    "unknown template '\(brief.templates.default)'\(Suggestion.phrase(for: brief.templates.default, among: templateIDs))",
                hint: "templates: \(templateIDs.joined(separator: ", "))")
        }
        for festival in brief.templates.festivals.keys.sorted() {
            let at: [DataKey] = ["templates", "festivals", DataKey(stringValue: festival)]
            guard festivals.festival(id: festival) != nil else {
                throw document.diagnostic(
                    at: at, message: "unknown festival '\(festival)'\(Suggestion.phrase(for: festival, among: known))")
            }
            let template = brief.templates.festivals[festival]!
            guard templates.template(id: template) != nil else {
                throw document.diagnostic(
                    at: at, message: "unknown template '\(template)'\(Suggestion.phrase(for: template, among: templateIDs))",
                    hint: "templates: \(templateIDs.joined(separator: ", "))")
            }
        }
        let inPeriod: [FestivalOccurrence]
        do {
            let days = try festivals.days(from: brief.period.start, to: brief.period.end, ids: brief.festivals.map(Set.init))
            warnings += days.skipped.map { "\($0.message) (list the festivals to plan in the brief's festivals: to make this an error)" }
            inPeriod = days.occurrences.filter(isWanted)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw document.diagnostic(at: ["period"], message: "\(error)")
        }
        if inPeriod.isEmpty {
            let named = brief.festivals.map { " named in 'festivals' (\($0.joined(separator: ", ")))" } ?? ""
            throw document.diagnostic(
                at: ["period"], message: "no festival\(named) falls between \(brief.period.start) and \(brief.period.end)",
                hint: "widen the period or change the festivals")
        }
    }

    /// Whether the brief plans for this occurrence: its principal day is in the period and it is
    /// one of the brief's festivals (all, when the brief lists none).
    func isWanted(_ occurrence: FestivalOccurrence) -> Bool {
        occurrence.date >= brief.period.start && occurrence.date <= brief.period.end
            && (brief.festivals.map { $0.contains(occurrence.festivalID) } ?? true)
    }
}
