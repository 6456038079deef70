import Locales
import PlannerCore

/// The segmentation as one SQL aggregation, for customers that live in a database or a lake: the
/// query's result is the segment cube (``SegmentCubeRows`` reads it back), so only the cube leaves
/// the engine. Each rule of the CSV reader is written once more here, beside the Swift one:
///
/// - fields are read as text (any column type is cast), trimmed of spaces and tabs; NULL is empty;
/// - rejects in ``RejectReason`` order: `missing_customer_id`, `unknown_region`, `bad_number`
///   (``ByteNumbers/decimal(_:places:)``: sign, grouping commas, one point, 18 digits, half away
///   from zero on the third decimal), `bad_date` (``DateOrder``, a real calendar day), `bad_boolean`
///   (``ByteNumbers/boolean(_:)``). The CSV-only reasons (quoting, field count, UTF-8) cannot occur;
/// - regions and languages by the catalog's spellings (``LocaleCatalog/regionSpellings(in:)``,
///   exact code, normalised name, then the part before `-` or `_`); in SQL a spelling is
///   normalised by lower-casing and deleting ASCII punctuation and spaces, which equals the
///   catalog's normalisation for every spelling except those holding non-ASCII punctuation;
/// - reach by ``ReachRule`` (opted in, and the contact non-empty unless `opt_in`);
/// - a missing or unknown language imputed by ``LanguageImputation`` (MD5 of the id: the same draw);
/// - the extra dimension: ``ActivityBand``, ``DeviceGroup``, or ``ValueTier`` with the quintile
///   cuts of ``ValueCuts`` computed in the same query over the same buckets (or given).
///
/// The result columns are ``columns``: one row per segment (`kind` = `segment`), one per reject
/// reason with rejected rows (`kind` = `rejected`, `key` = the reason, `customers` = rows), one per
/// field read (`kind` = `column`, `key` = the field, `value` = the table's column) and, for value
/// tiers, the twelve cut points (`kind` = `value_cut`, `key` = `recency_days_1`...`spend_buckets_4`,
/// `value` = the bucket, `customers` = the customers they were computed on).
///
/// ```swift
/// let sql = try SegmentSQL(catalog: catalog, country: "IN", table: "crm.customers",
///                          tableColumns: ["customer_id", "state", "language"], asOf: day)
/// let query = sql.query(.postgres)            // $1... placeholders and their values
/// print(sql.text(.spark))                     // self-contained, values as literals
/// ```
public struct SegmentSQL: Sendable {
    /// The result's columns, in order: the header of a `--cube` CSV file.
    public static let columns = [
        "kind", "key", "value", "region", "language", "group", "customers", "reachable_sms", "reachable_whatsapp", "reachable_email",
        "reachable_push", "opted_in_sms", "opted_in_whatsapp", "opted_in_email", "opted_in_push", "spend_minor", "orders",
        "active_90d", "active_180d", "active_365d", "imputed_language",
    ]

    /// The table, `name` or `schema.name`.
    public let table: String
    /// Which table column holds which field (resolved like a CSV header).
    public let columns: ResolvedColumns
    /// The country whose regions and languages the rows use.
    public let country: Country
    /// The day activity windows count back from.
    public let asOf: CivilDate
    /// The extra dimension (``SegmentDimension``), or nil for region and language only.
    public let dimension: SegmentDimension?
    /// Value cut points to score with; nil: computed in the query (value tiers only).
    public var valueCuts: ValueCuts?
    private let regionSpellings: [(spelling: String, code: String)]
    private let languageSpellings: [(spelling: String, code: String)]
    private let languageCodes: [String]
    private let thresholds: [String: [(language: String, below: Int64)]]

    /// A query over `table`, whose columns are `tableColumns` (as `DESCRIBE` lists them), mapped
    /// to fields by `mapping` exactly as a CSV header is.
    /// - Throws: an unknown country, or a mapping naming a column the table lacks (or no column
    ///   for a required field), as request ``Diagnostic``s naming the table.
    public init(
        catalog: LocaleCatalog, country: String, table: String, tableColumns: [String], mapping: ColumnMapping = .automatic,
        asOf: CivilDate, dimension: SegmentDimension? = nil
    ) throws(Diagnostic) {
        guard let loaded = catalog.country(code: country) else {
            throw Diagnostic(.badRequest, field: OptionText.mention("country"), message: "unknown country '\(country)'")
        }
        guard !table.isEmpty else { throw Diagnostic(.badRequest, field: OptionText.mention("table"), message: "the table name is empty") }
        self.table = table
        self.columns = try mapping.resolve(header: tableColumns, path: "table \(table)")
        self.country = loaded
        self.asOf = asOf
        self.dimension = dimension == .region || dimension == .language ? nil : dimension
        regionSpellings = catalog.regionSpellings(in: loaded.code)
        languageSpellings = catalog.languageSpellings
        languageCodes = catalog.languages.map(\.code).sorted()
        thresholds = LanguageImputation(country: loaded).thresholds
    }

    /// The PostgreSQL query with `$n` placeholders and their values: no value is in the text.
    public func query(_ dialect: SQLDialect = .postgres) -> SQLQuery {
        var writer = SQLWriter(dialect: dialect, placeholders: true)
        let text = build(&writer)
        return SQLQuery(text: text, parameters: writer.parameters)
    }

    /// The query with its values as escaped literals, to print and run elsewhere.
    public func text(_ dialect: SQLDialect) -> String {
        var writer = SQLWriter(dialect: dialect, placeholders: false)
        return build(&writer)
    }

    /// The deleted characters of a SQL spelling key: ASCII punctuation and the space.
    static let punctuation = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

    /// The audience's control group as one query over the same table (``SegmentSQL/Holdout``).
    public func holdoutQuery(_ holdout: Holdout) -> SQLQuery {
        var writer = SQLWriter(dialect: .postgres, placeholders: true)
        let text = build(&writer, holdout: holdout)
        return SQLQuery(text: text, parameters: writer.parameters)
    }

    /// ``holdoutQuery(_:)`` with its values as escaped literals, to print and run elsewhere.
    public func holdoutText(_ holdout: Holdout, dialect: SQLDialect) -> String {
        var writer = SQLWriter(dialect: dialect, placeholders: false)
        return build(&writer, holdout: holdout)
    }

    private func build(_ w: inout SQLWriter, holdout: Holdout? = nil) -> String {
        func col(_ field: CanonicalField) -> String? { columns[field].map { columns.header[$0] } }
        func field(_ field: CanonicalField) -> String { col(field).map(w.trimmed) ?? "''" }
        let punctuation = w.text(Self.punctuation)
        func key(_ x: String) -> String { "translate(lower(\(x)), \(punctuation), '')" }
        func values(_ name: String, _ rows: [[String]], _ names: [String]) -> String {
            let body = rows.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ",\n    ")
            return "\(name) AS (SELECT * FROM (VALUES\n    \(body)) AS v(\(names.joined(separator: ", "))))"
        }
        var ctes: [String] = []
        // 1. The fields as trimmed text.
        var source = [
            "\(field(.customerID)) AS id", "\(field(.region)) AS region_text", "\(field(.language)) AS language_text",
            "\(field(.spend)) AS spend_text", "\(field(.orders)) AS orders_text", "\(field(.lastOrderDate)) AS date_text",
            "\(field(.deviceOS)) AS device_text",
        ]
        for (i, optIn) in ReachRule.optInFields.enumerated() {
            source.append("\(col(optIn) == nil ? "''" : "lower(\(field(optIn)))") AS opt\(i)")
            let contact = ReachRule.contactFields[i]
            source.append(
                columns.reach == .optIn ? "1 AS contact\(i)" : "CASE WHEN \(field(contact)) <> '' THEN 1 ELSE 0 END AS contact\(i)")
        }
        ctes.append("src AS (SELECT\n    " + source.joined(separator: ",\n    ") + "\n  FROM \(w.table(table)))")
        // 2. Lookups: region spellings, language spellings and codes.
        ctes.append(values("regions", regionSpellings.map { [w.text($0.spelling), w.text($0.code)] }, ["spelling", "code"]))
        ctes.append(values("language_names", languageSpellings.map { [w.text($0.spelling), w.text($0.code)] }, ["spelling", "code"]))
        ctes.append(values("language_codes", languageCodes.map { [w.text($0)] }, ["code"]))
        // 3. Numbers and dates, split into their parts.
        func signless(_ x: String) -> String { "CASE WHEN substr(\(x), 1, 1) IN ('+', '-') THEN substr(\(x), 2) ELSE \(x) END" }
        ctes.append(
            """
            parts AS (SELECT s.*, r.code AS region_code, coalesce(lc.code, ln.code, lp.code) AS language_code,
                \(signless("spend_text")) AS spend_u, \(signless("orders_text")) AS orders_u
              FROM src s
              LEFT JOIN regions r ON s.region_text <> '' AND r.spelling = \(key("s.region_text"))
              LEFT JOIN language_codes lc ON lc.code = s.language_text
              LEFT JOIN language_names ln ON s.language_text <> '' AND ln.spelling = \(key("s.language_text"))
              LEFT JOIN language_names lp ON s.language_text <> '' AND lp.spelling = \(key(w.extract("s.language_text", "^([^-_]*)"))))
            """)
        let point = w.position(".", in: "spend_u")
        let intPart = "replace(CASE WHEN \(point) = 0 THEN spend_u ELSE substr(spend_u, 1, \(point) - 1) END, ',', '')"
        let fraction = "CASE WHEN \(point) = 0 THEN '' ELSE substr(spend_u, \(point) + 1) END"
        let dateFields: (year: String, month: String, day: String, ok: String)
        switch columns.dateOrder {
        case .iso:
            dateFields = (
                "substr(date_text, 1, 4)", "substr(date_text, 6, 2)", "substr(date_text, 9, 2)",
                w.matches("date_text", "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ]|$)")
            )
        case .dayFirst, .monthFirst:
            let first = w.extract("date_text", "^([0-9]+)"), second = w.extract("date_text", "^[0-9]+[-/.]([0-9]+)")
            let ok = ["/", "-", "[.]"].map { w.matches("date_text", "^[0-9]{1,2}\($0)[0-9]{1,2}\($0)[0-9]{4}([T ]|$)") }
            dateFields = (
                w.extract("date_text", "^[0-9]+[-/.][0-9]+[-/.]([0-9]{4})"), columns.dateOrder == .dayFirst ? second : first,
                columns.dateOrder == .dayFirst ? first : second, "(" + ok.joined(separator: " OR ") + ")"
            )
        }
        ctes.append(
            """
            numbers AS (SELECT p.*,
                \(w.matches("spend_text", "^[+-]?([0-9][0-9,]*([.][0-9]*)?|[.][0-9]+)$")) AS spend_shape,
                length(\(intPart)) + least(length(\(fraction)), 2) AS spend_digits,
                \(intPart) AS spend_int, \(fraction) AS spend_fraction,
                \(w.matches("orders_text", "^[+-]?[0-9][0-9,]*$")) AS orders_shape,
                length(replace(orders_u, ',', '')) AS orders_digits,
                \(dateFields.ok) AS date_shape,
                CASE WHEN \(dateFields.ok) THEN CAST(\(dateFields.year) AS INT) END AS y,
                CASE WHEN \(dateFields.ok) THEN CAST(\(dateFields.month) AS INT) END AS m,
                CASE WHEN \(dateFields.ok) THEN CAST(\(dateFields.day) AS INT) END AS d
              FROM parts p)
            """)
        // 4. Each row classified: the first reject reason, or accepted with its values.
        let leap = "((y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0)"
        let monthDays = "CASE WHEN m = 2 THEN CASE WHEN \(leap) THEN 29 ELSE 28 END WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
        let spendOK = "(spend_text = '' OR (spend_shape AND spend_digits <= 18))"
        let ordersOK = "(orders_text = '' OR (orders_shape AND orders_digits <= 18))"
        let dateOK = "(date_text = '' OR (date_shape AND m BETWEEN 1 AND 12 AND d BETWEEN 1 AND \(monthDays)))"
        let booleans = ["'1'", "'y'", "'t'", "'yes'", "'true'", "''", "'0'", "'n'", "'f'", "'no'", "'false'"].joined(separator: ", ")
        let booleanOK = (0..<4).map { "opt\($0) IN (\(booleans))" }.joined(separator: " AND ")
        let reason = """
            CASE WHEN id = '' THEN 'missing_customer_id' WHEN region_code IS NULL THEN 'unknown_region'
                  WHEN NOT (\(spendOK) AND \(ordersOK)) THEN 'bad_number' WHEN NOT \(dateOK) THEN 'bad_date'
                  WHEN NOT (\(booleanOK)) THEN 'bad_boolean' END
            """
        ctes.append("classified AS (SELECT n.*, \(reason) AS reject_reason FROM numbers n)")
        let spendMinor = """
            (CASE WHEN substr(spend_text, 1, 1) = '-' THEN -1 ELSE 1 END) * CAST(
                  \(w.decimal("CASE WHEN spend_int = '' THEN '0' ELSE spend_int END")) * 100
                  + CAST(rpad(substr(spend_fraction, 1, 2), 2, '0') AS INT)
                  + CASE WHEN substr(spend_fraction, 3, 1) IN ('5', '6', '7', '8', '9') THEN 1 ELSE 0 END AS BIGINT)
            """
        let orders = """
            (CASE WHEN substr(orders_text, 1, 1) = '-' THEN -1 ELSE 1 END) * CAST(replace(orders_u, ',', '') AS BIGINT)
            """
        // days from civil (H. Hinnant's algorithm), shifted by 400 years so every division is of non-negatives.
        let shifted = "(y - CASE WHEN m <= 2 THEN 1 ELSE 0 END + 400)"
        let yoe = "(\(shifted) - \(w.div(shifted, "400")) * 400)"
        let doy = "(\(w.div("153 * (m + CASE WHEN m > 2 THEN -3 ELSE 9 END) + 2", "5")) + d - 1)"
        let dayNumber =
            "(\(w.div(shifted, "400")) * 146097 + \(yoe) * 365 + \(w.div(yoe, "4")) - \(w.div(yoe, "100")) + \(doy) - 719468 - 146097)"
        let asOfDay = w.int(Int64(asOf.dayNumber))
        ctes.append(
            """
            accepted AS (SELECT id, region_code, language_text, language_code,
                CASE WHEN spend_text <> '' AND spend_shape AND spend_digits <= 18 THEN \(spendMinor) ELSE 0 END AS spend,
                CASE WHEN orders_text <> '' AND orders_shape AND orders_digits <= 18 THEN \(orders) ELSE 0 END AS orders,
                CASE WHEN date_text = '' THEN NULL ELSE \(asOfDay) - \(dayNumber) END AS age,
                \((0..<4).map { "CASE WHEN opt\($0) IN ('1', 'y', 't', 'yes', 'true') THEN 1 ELSE 0 END AS opted\($0)" }.joined(separator: ", ")),
                \((0..<4).map { "contact\($0)" }.joined(separator: ", ")), device_text
              FROM classified WHERE reject_reason IS NULL)
            """)
        // 5. Imputation (MD5 of the id against the region's share thresholds) and the group.
        var impute = "CASE region_code"
        for region in thresholds.keys.sorted() {
            let table = thresholds[region]!
            impute += "\n      WHEN \(w.text(region)) THEN "
            guard table.count > 1 else {
                impute += w.text(table[0].language)
                continue
            }
            impute += "CASE"
            for entry in table.dropLast() { impute += " WHEN h < \(w.int(entry.below)) THEN \(w.text(entry.language))" }
            impute += " ELSE \(w.text(table.last!.language)) END"
        }
        impute += " END"
        ctes.append(
            """
            imputed AS (SELECT a.*, CASE WHEN language_code IS NULL THEN \(w.md5Prefix("id")) END AS h FROM accepted a)
            """)
        ctes.append(
            """
            segmented AS (SELECT i.*, coalesce(language_code, \(impute)) AS language, CASE WHEN language_code IS NULL THEN 1 ELSE 0 END AS imputed_flag
              FROM imputed i)
            """)
        let group: String
        switch dimension {
        case .activity:
            group =
                "CASE WHEN age IS NULL THEN 'inactive' WHEN age < 90 THEN 'active_90d' WHEN age < 180 THEN 'active_180d' WHEN age < 365 THEN 'active_365d' ELSE 'inactive' END"
        case .device:
            group = """
                CASE WHEN lower(device_text) = 'android' THEN 'android' WHEN lower(device_text) IN ('ios', 'iphone', 'ipad', 'ipados') THEN 'ios'
                  WHEN lower(device_text) IN ('web', 'desktop', 'browser', 'windows', 'macos', 'mac') THEN 'web' ELSE 'other' END
                """
        case .valueTier:
            ctes += valueTierCTEs(&w)
            group = "tier"
        case .region, .language, nil:
            group = "''"
        }
        let from = dimension == .valueTier ? "tiered" : "segmented"
        if let holdout { return holdout.select(&w, ctes: ctes, from: from, group: group) }
        // 6. One GROUP BY: segments, and the rejected rows per reason.
        func sum(_ x: String) -> String { "sum(\(x))" }
        let activity = [90, 180, 365].map { "CASE WHEN age IS NOT NULL AND age < \($0) THEN 1 ELSE 0 END" }
        let measures =
            (0..<4).map { "opted\($0) * contact\($0)" } + (0..<4).map { "opted\($0)" } + ["spend", "orders"] + activity + ["imputed_flag"]
        let union = """
            cells AS (
              SELECT 'segment' AS kind, '' AS reason, region_code AS region, language, \(group) AS grp,
                \(measures.enumerated().map { "\($1) AS m\($0)" }.joined(separator: ", "))
              FROM \(from)
              UNION ALL
              SELECT 'rejected', reject_reason, '', '', '', \(measures.indices.map { _ in "0" }.joined(separator: ", "))
              FROM classified WHERE reject_reason IS NOT NULL)
            """
        ctes.append(union)
        var select = [
            w.output("kind", as: "kind"), w.output("reason", as: "key"), w.output("''", as: "value"), w.output("region", as: "region"),
            w.output("language", as: "language"), w.output("grp", as: w.identifier("group")), w.output("count(*)", as: "customers"),
        ]
        for (i, name) in Self.columns[7...].enumerated() { select.append(w.output("CAST(\(sum("m\(i)")) AS BIGINT)", as: name)) }
        // Constant rows: the column each field was read from, and the value cuts.
        func meta(_ kind: String, _ key: String, _ value: String, customers: String = "0") -> String {
            let zeros = Self.columns[7...].map { w.output("0", as: $0) }
            return "SELECT "
                + ([w.output(kind, as: "kind"), w.output(key, as: "key"), w.output(value, as: "value")]
                + ["region", "language"].map { w.output("''", as: $0) } + [w.output("''", as: w.identifier("group"))]
                + [w.output(customers, as: "customers")] + zeros).joined(separator: ", ")
        }
        var metas: [String] = []
        for (field, column) in columns.summary { metas.append(meta("'column'", w.text(field.rawValue), w.text(column))) }
        if dimension == .valueTier {
            let names = ["recency_days", "frequency_orders", "spend_buckets"]
            let customers = valueCuts.map { w.int(Int64($0.customers)) } ?? "(SELECT n FROM total)"
            for (i, prefix) in ["cr", "cf", "cm"].enumerated() {
                for k in 1...4 {
                    let cut = "CAST((SELECT \(prefix)\(k) FROM cuts) AS \(w.textType))"
                    metas.append(meta("'value_cut'", "'\(names[i])_\(k)'", cut, customers: customers))
                }
            }
        }
        return "WITH " + ctes.joined(separator: ",\n") + "\nSELECT " + select.joined(separator: ", ")
            + "\nFROM cells GROUP BY kind, reason, region, language, grp\n"
            + metas.map { "UNION ALL\n" + $0 + "\n" }.joined() + "ORDER BY kind DESC, key, region, language, \(w.identifier("group"))\n"
    }

    /// The value tiers: each customer's recency, frequency and spend buckets (``ValueCuts``), the
    /// quintile cuts by nearest rank over the accepted customers (or the given cuts), the scores
    /// and the tier of ``ValueTier/of(r:f:m:)``.
    private func valueTierCTEs(_ w: inout SQLWriter) -> [String] {
        let bitLength = "CAST(floor(ln(\(w.double("spend"))) / ln(2.0)) AS INT)"
        var ctes = [
            """
            spend_log AS (SELECT s.*, CASE WHEN spend >= 128 THEN \(bitLength) END AS l0 FROM segmented s)
            """,
            """
            spend_bits AS (SELECT s.*, CASE WHEN l0 IS NULL THEN NULL WHEN \(w.shiftRight("spend", "l0")) >= 2 THEN l0 + 1
                WHEN \(w.shiftRight("spend", "l0")) = 0 THEN l0 - 1 ELSE l0 END AS l FROM spend_log s)
            """,
            """
            buckets AS (SELECT s.*,
                CASE WHEN age IS NULL OR age >= 4096 THEN 4096 WHEN age < 0 THEN 0 ELSE age END AS rb,
                CASE WHEN orders <= 0 THEN 0 WHEN orders >= 1024 THEN 1024 ELSE orders END AS fb,
                CASE WHEN spend <= 0 THEN 0 WHEN spend < 128 THEN spend ELSE 128 * (l - 7 + 1) + \(w.shiftRight("spend", "l - 7")) - 128 END AS mb
              FROM spend_bits s)
            """,
        ]
        let cutNames = ["cr", "cf", "cm"].flatMap { p in (1...4).map { "\(p)\($0)" } }
        if let cuts = valueCuts {
            let given = cuts.recencyDays + cuts.frequencyOrders + cuts.spendBuckets
            ctes.append(
                "cuts AS (SELECT " + zip(given, cutNames).map { "\(w.int(Int64($0))) AS \($1)" }.joined(separator: ", ") + ")")
        } else {
            ctes.append("total AS (SELECT count(*) AS n FROM buckets)")
            var cumulative: [String] = []
            for (name, bucket) in [("cr", "rb"), ("cf", "fb"), ("cm", "mb")] {
                ctes.append(
                    """
                    \(name)_running AS (SELECT b, sum(c) OVER (ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
                      FROM (SELECT \(bucket) AS b, count(*) AS c FROM buckets GROUP BY \(bucket)) g)
                    """)
                for k in 1...4 {
                    cumulative.append(
                        "(SELECT min(b) FROM \(name)_running, total WHERE running >= \(w.div("\(k) * n + 4", "5"))) AS \(name)\(k)")
                }
            }
            ctes.append("cuts AS (SELECT " + cumulative.joined(separator: ", ") + ")")
        }
        func count(_ bucket: String, _ name: String) -> String {
            (1...4).map { "CASE WHEN \(bucket) > \(name)\($0) THEN 1 ELSE 0 END" }.joined(separator: " + ")
        }
        ctes.append(
            """
            scored AS (SELECT b.*, 5 - (\(count("rb", "cr"))) AS r, 1 + (\(count("fb", "cf"))) AS f, 1 + (\(count("mb", "cm"))) AS mscore
              FROM buckets b CROSS JOIN cuts)
            """)
        ctes.append(
            """
            tiered AS (SELECT s.*, CASE WHEN r >= 4 AND f + mscore >= 7 THEN 'champions' WHEN r >= 3 AND f + mscore >= 5 THEN 'loyal'
                WHEN r >= 4 AND f = 1 THEN 'new' WHEN r >= 3 THEN 'promising' WHEN f + mscore >= 5 THEN 'at_risk' ELSE 'lapsed' END AS tier
              FROM scored s)
            """)
        return ctes
    }
}
