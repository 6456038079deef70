import Festivals
import Locales
import PlannerCore
import PlannerIO

/// The check that joins templates to calendars: a template's `festival` must be a festival id of
/// the country's calendar (or `none`). It lives here, above both, because neither knows the other.
public enum TemplateFestivals {
    /// One diagnostic per template file in `directory` whose festival the country's calendar in
    /// `calendars` does not know, pointing at the template's `festival` line.
    public static func unknown(in directory: String, calendars: String, country: String, locales: LocaleCatalog) throws(Diagnostic)
        -> [Diagnostic]
    {
        struct Header: Decodable { let festival: String? }
        let calendar = try FestivalCatalog(directory: calendars, country: country, locales: locales)
        var problems: [Diagnostic] = []
        for name in try DirectoryListing.files(in: directory) where name.hasSuffix(".yaml") {
            let path = "\(directory)/\(name)"
            guard let document = try? DataDocument<Header>(path: path), let festival = document.value.festival, festival != "none",
                calendar.festival(id: festival) == nil
            else { continue }
            problems.append(
                document.diagnostic(
                    at: ["festival"], message: "unknown festival '\(festival)' (not in calendars/\(country).yaml)",
                    hint: "use a festival id from `campaign-planner festivals --format csv`, or none"))
        }
        return problems
    }
}
