import PlannerCore

/// A country's regions as `locales` lists them: code, names, zone, population, main language and
/// language shares, sorted by code.
public struct RegionListing: Sendable {
    /// The country listed.
    public let country: Country

    /// The listing of `country`'s regions.
    public init(country: Country) { self.country = country }

    /// The regions as a table; `languages` is `code:share` pairs (shares of the population,
    /// four decimals) joined by `;`, without the `other` remainder.
    public var table: Table {
        Table(
            title: "Regions",
            columns: [
                Table.Column("code"), Table.Column("name"), Table.Column("native_name"), Table.Column("zone"),
                Table.Column("population", .count), Table.Column("top_language"), Table.Column("languages"),
            ],
            rows: country.regions.sorted { $0.code < $1.code }.map { region in
                let shares = region.languageShares.filter { $0.language != "other" }
                    .map { "\($0.language):\(DecimalText.fixed($0.share, places: 4))" }.joined(separator: ";")
                return [
                    .text(region.code), .text(region.name), .text(region.nativeName), .text(region.zone), .count(region.population),
                    .text(region.topLanguage ?? ""), .text(shares),
                ]
            })
    }
}
