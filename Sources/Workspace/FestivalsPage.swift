import Festivals
import ICUKit
import Locales
import PlannerCore
import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

/// The festival calendar of one year for a region and/or a language community, listed as the
/// `festivals` command lists it (`FestivalListing.make`), each local name marked with its
/// language, and the same listing as an iCalendar download (`ICSWriter`).
struct FestivalsPage: Sendable {
    /// The country (`IN`), its region and language (nil: all), and the year asked for.
    let country: String
    let region: String?
    let language: String?
    let year: Int

    /// The years a calendar may be asked for (the `festivals` command's `--year`).
    static let years = 1...9999

    /// The page's choices from a request's query (`country`, `region`, `language`, `year`); the
    /// current year by default. A year that is not a number in range is a `.badRequest` naming `year`.
    init(query: (String) -> String?) throws(Diagnostic) {
        func given(_ name: String) -> String? {
            guard let text = query(name)?.trimmingASCIISpaces(), !text.isEmpty else { return nil }
            return text
        }
        country = (given("country") ?? "IN").uppercased()
        region = given("region")
        language = given("language")
        if let text = given("year") {
            guard let year = Int(text), Self.years.contains(year) else {
                throw Diagnostic(.badRequest, field: "year", message: "the year '\(text)' is not a year from 1 to 9999")
            }
            self.year = year
        } else {
            year = CivilDate(dayNumber: Int(time(nil)) / 86_400).year
        }
    }

    /// The country's locale and festival catalogues and the listing asked for.
    func listing(dataRoot: String) throws(Diagnostic) -> (listing: FestivalListing, locales: LocaleCatalog) {
        let locales = try LocaleCatalog(directory: "\(dataRoot)/locales", countries: [country])
        let catalog = try FestivalCatalog(directory: "\(dataRoot)/calendars", country: country, locales: locales)
        let request = FestivalListing.Request(
            from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!, region: region,
            language: language, locale: nil, ids: [])
        do {
            return (try FestivalListing.make(request, catalog: catalog, locales: locales).listing, locales)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.internal, message: "the festivals cannot be listed: \(error)")
        }
    }

    /// The query of this page's choices (for the ICS link).
    var queryItems: [(String, String)] {
        [("country", country), ("region", region ?? ""), ("language", language ?? ""), ("year", String(year))]
    }

    /// The page: the choice form (country, region, language, year), the listing and the ICS link.
    func render(dataRoot: String, ui: InterfaceText) -> (html: String, failed: Bool) {
        var body = ""
        let result: Result<(listing: FestivalListing, locales: LocaleCatalog), Diagnostic>
        do throws(Diagnostic) { result = .success(try listing(dataRoot: dataRoot)) } catch { result = .failure(error) }
        let locales = (try? result.get().locales) ?? (try? LocaleCatalog(directory: "\(dataRoot)/locales", countries: [country]))
        body += "<form method=\"get\" action=\"/festivals\"><p>"
        body += "<label for=\"country\">\(HTML.escape(ui[.festivalsCountry]))</label> <select id=\"country\" name=\"country\">"
        for code in (try? LocaleCatalog(allCountriesIn: "\(dataRoot)/locales"))?.countries.keys.sorted() ?? [country] {
            body += "<option\(code == country ? " selected" : "")>\(HTML.escape(code))</option>"
        }
        body += "</select> <label for=\"region\">\(HTML.escape(ui[.festivalsRegion]))</label> <select id=\"region\" name=\"region\">"
        body += "<option value=\"\">\(HTML.escape(ui[.filterAll]))</option>"
        for listed in locales?.country(code: country)?.regions ?? [] {
            let chosen = listed.code == region ? " selected" : ""
            body += "<option value=\"\(HTML.escape(listed.code))\"\(chosen)>\(HTML.escape("\(listed.code) \(listed.name)"))</option>"
        }
        body += "</select> <label for=\"language\">\(HTML.escape(ui[.columnLanguage]))</label> <select id=\"language\" name=\"language\">"
        body += "<option value=\"\">\(HTML.escape(ui[.filterAll]))</option>"
        for listed in locales?.languages ?? [] {
            let chosen = listed.code == language ? " selected" : ""
            body += "<option value=\"\(HTML.escape(listed.code))\"\(chosen)>\(HTML.escape("\(listed.code) \(listed.name)"))</option>"
        }
        body += "</select> <label for=\"year\">\(HTML.escape(ui[.festivalsYear]))</label>"
        body += " <input id=\"year\" name=\"year\" type=\"text\" inputmode=\"numeric\" size=\"5\" value=\"\(year)\">"
        body += " <button type=\"submit\">\(HTML.escape(ui[.festivalsShow]))</button></p></form>"
        switch result {
        case .failure(let diagnostic):
            return (body + Pages.message(diagnostic, ui: ui), true)
        case .success(let found):
            let listing = found.listing
            body += "<p><a href=\"\(HTML.link("/festivals.ics", queryItems))\">\(HTML.escape(ui[.festivalsICS]))</a></p>"
            body += "<table id=\"festival-days\"><thead><tr>"
            let columns: [InterfaceKey] = [
                .columnFestival, .columnLocalName, .columnPrincipalDay, .columnFrom, .columnTo, .columnUncertainty, .columnRegions,
                .columnLanguages,
            ]
            for column in columns { body += "<th scope=\"col\">\(HTML.escape(ui[column]))</th>" }
            body += "</tr></thead><tbody>"
            for o in listing.occurrences {
                body += "<tr data-festival=\"\(HTML.escape(o.festivalID))\"><td>\(HTML.escape(o.name))</td>"
                body += "<td lang=\"\(HTML.escape(listing.localNameLanguage(o)))\">\(HTML.escape(listing.localName(o)))</td>"
                body += [o.date.description, o.start.description, o.end.description, String(o.uncertaintyDays)].map {
                    "<td>\(HTML.escape($0))</td>"
                }.joined()
                body +=
                    "<td>\(HTML.escape(o.regions.joined(separator: ", ")))</td><td>\(HTML.escape(o.languages.joined(separator: ", ")))</td></tr>"
            }
            body += "</tbody></table>"
            if listing.occurrences.isEmpty {
                body += "<p role=\"status\">\(HTML.escape(ui(.festivalsNone, ["year": .string(String(year))])))</p>"
            }
            return (body, false)
        }
    }

    /// The listing as an iCalendar file, named for the choice (`festivals-IN-WB-bn-2026.ics`).
    func calendar(dataRoot: String) throws(Diagnostic) -> (text: String, name: String) {
        let listing = try listing(dataRoot: dataRoot).listing
        let name = (["festivals", country, region, language].compactMap { $0 } + [String(year)]).joined(separator: "-")
        return (ICSWriter.calendar(listing.occurrences, country: country, localName: listing.localName), name + ".ics")
    }
}
