import Locales
import PlannerCore
import PlannerIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Realistic customer exports for tests, benchmarks and examples, streamed row by row: regions drawn by
/// population (or by given shares), languages by each region's shares (some missing or unknown), spend lognormal,
/// opt-ins and contacts, names in several scripts, and commas and quotes inside quoted fields. With
/// `dirty`, about 3 % of rows are broken in one of the ways ``RejectReason`` lists.
///
/// The header uses CRM-style names (`state`, `preferred_language`, `total_spend`, ...) that the
/// reader recognises without a mapping.
public struct SyntheticCustomers: Sendable {
    /// The CSV header of generated files: CRM-style names the reader maps without help.
    public static let header =
        "customer_id,name,state,city,preferred_language,total_spend,order_count,last_order_date,sms_opt_in,whatsapp_opt_in,email_opt_in,push_opt_in,phone,email,push_token"

    /// Kinds of broken rows `dirty` adds, in the order they are drawn.
    public static let dirtyKinds: [RejectReason] = [
        .wrongFieldCount, .brokenQuoting, .invalidUTF8, .unknownRegion, .badNumber, .badDate, .badBoolean,
    ]

    private struct RegionDraw: Sendable {
        var code = ""
        let cumulative: Double
        let spellings: [[UInt8]]
        let city: [UInt8]
        let languages: [(cumulative: Double, spellings: [[UInt8]], script: Int)]
        var languageCodes: [String] = []
    }

    /// Changes that turn a snapshot into a later one (``SyntheticCustomers/drift``): the same
    /// customers (the same seed gives the same rows) with stated changes, so a review can be
    /// checked to find exactly them. Customers are picked by a hash of their row number, never by
    /// the row's random draws, so every other row stays byte-identical.
    public struct Drift: Sendable, Equatable {
        /// Region code → growth (0.2: as many new customers as 20 % of the region's rows),
        /// appended after the other rows with new ids.
        public var grow: [String: Double] = [:]
        /// Region code → share of its customers whose last order moves 400 days back (they lapse:
        /// recency score 1, so `at_risk` or `lapsed`).
        public var lapse: [String: Double] = [:]
        /// Language shifts: in `region`, a `share` of the customers drawn with language `from`
        /// write `to` instead.
        public var shifts: [Shift] = []

        /// One language shift.
        public struct Shift: Sendable, Equatable {
            /// The region code (`IN-MH`), the language codes (`mr` → `hi`) and the share moved.
            public var region: String, from: String, to: String, share: Double

            /// A shift of `share` of `region`'s `from` speakers to `to`.
            public init(region: String, from: String, to: String, share: Double) {
                self.region = region
                self.from = from
                self.to = to
                self.share = share
            }
        }

        /// No change.
        public init() {}

        /// Whether nothing changes.
        public var isEmpty: Bool { grow.isEmpty && lapse.isEmpty && shifts.isEmpty }
    }

    /// What a drifted file holds beyond the base rows: rows added per region, customers lapsed
    /// per region and customers whose language shifted, per `region/from>to`.
    public struct DriftReport: Sendable, Equatable {
        /// New rows per region code.
        public var added: [String: Int] = [:]
        /// Customers whose last order moved back, per region code.
        public var lapsed: [String: Int] = [:]
        /// Customers whose language changed, per `IN-MH/mr>hi`.
        public var shifted: [String: Int] = [:]
    }

    /// The changes applied by ``generate(count:write:)`` (none by default).
    public var drift = Drift()
    /// Spellings of every language of the catalog, for shifted customers (code → spellings, script).
    private var languageSpellings: [String: (spellings: [[UInt8]], script: Int)] = [:]

    private let regions: [RegionDraw]
    private let seed: UInt64
    private let dirty: Bool
    private let asOfDay: Int
    private let dialCode: [UInt8]

    /// Fractions of rows.
    static let missingLanguage = 0.06, unknownLanguage = 0.01, dirtyRate = 0.03

    /// A generator for `country`'s customers. `regionShares` (region code → share of rows) shapes a
    /// customer base that is not spread like the population, such as a brand born in Delhi with
    /// 35 % of its customers there: the named regions get their shares, the others split the rest by
    /// population. Within a region, languages follow the Census shares either way.
    public init(
        catalog: LocaleCatalog, country code: String, seed: UInt64, dirty: Bool, asOf: CivilDate, regionShares: [String: Double] = [:]
    ) throws(Diagnostic) {
        guard let country = catalog.country(code: code) else {
            throw Diagnostic(.badRequest, field: OptionText.mention("country"), message: "unknown country '\(code)'")
        }
        for key in regionShares.keys.sorted() where country.region(code: key) == nil {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("region-share"), message: "'\(key)' is not a region of \(code)",
                hint: "use ISO codes such as \(code)-\(code == "IN" ? "DL" : "10")")
        }
        let named = regionShares.values.reduce(0, +)
        guard regionShares.values.allSatisfy({ $0 > 0 }), named < 1 || (named == 1 && regionShares.count == country.regions.count) else {
            throw Diagnostic(
                .badRequest, field: OptionText.mention("region-share"),
                message: "shares must be above 0 and add up to less than 1 (they add up to \(named))")
        }
        let population = Double(country.regions.filter { regionShares[$0.code] == nil }.reduce(0) { $0 + $1.population })
        var running = 0.0
        var regions: [RegionDraw] = []
        for region in country.regions.sorted(by: { $0.code < $1.code }) {
            running += regionShares[region.code] ?? (Double(region.population) / max(population, 1) * (1 - named))
            let bare = String(region.code.split(separator: "-").last ?? "")
            let spellings = [region.name, region.name, region.code, bare, region.name.lowercased(), region.nativeName] + region.aliases
            let shares = region.languageShares.filter { $0.language != "other" }
            let sum = shares.reduce(0) { $0 + $1.share }
            var cumulative = 0.0
            var languages: [(cumulative: Double, spellings: [[UInt8]], script: Int)] = []
            for share in shares {
                guard let language = catalog.language(code: share.language) else { continue }
                cumulative += share.share / max(sum, 1e-9)
                let script = Self.scripts.firstIndex { $0.code == language.script } ?? 0
                languages.append(
                    (
                        cumulative,
                        [
                            language.code, language.code, language.name, language.nativeName, "\(language.code)-\(bare)",
                            language.name.uppercased(),
                        ]
                        .map { Array($0.utf8) }, script
                    ))
            }
            if languages.isEmpty, let fallback = catalog.language(code: country.defaultLanguage) {
                languages.append((1, [Array(fallback.code.utf8)], 0))
            }
            languages[languages.count - 1].cumulative = 1
            var draw = RegionDraw(
                cumulative: running, spellings: spellings.map { Array($0.utf8) }, city: Array(region.capital.name.utf8),
                languages: languages)
            draw.code = region.code
            draw.languageCodes = shares.compactMap { catalog.language(code: $0.language)?.code }
            if draw.languageCodes.count != languages.count { draw.languageCodes = [country.defaultLanguage] }
            regions.append(draw)
        }
        var last = RegionDraw(
            cumulative: 1, spellings: regions[regions.count - 1].spellings, city: regions[regions.count - 1].city,
            languages: regions[regions.count - 1].languages)
        last.code = regions[regions.count - 1].code
        last.languageCodes = regions[regions.count - 1].languageCodes
        regions[regions.count - 1] = last
        for language in catalog.languages {
            languageSpellings[language.code] = (
                [language.code, language.code, language.name, language.nativeName, "\(language.code)-\(code)", language.name.uppercased()]
                    .map { Array($0.utf8) }, Self.scripts.firstIndex { $0.code == language.script } ?? 0
            )
        }
        self.regions = regions
        self.seed = seed
        self.dirty = dirty
        self.asOfDay = asOf.dayNumber
        self.dialCode = Array((code == "MY" ? "+60" : "+91").utf8)
    }

    /// Given and family names per script: Latin first, then the scripts of India's large languages.
    static let scripts: [(code: String, given: [String], family: [String])] = [
        (
            "Latn", ["Priya", "Rahul", "Anita", "Vikram", "Sneha", "Arjun", "Lakshmi", "Mohammed", "Fatima", "Siew Ling", "Ahmad"],
            ["Sharma", "Iyer", "Khan", "Das", "Reddy", "Nair", "Patel", "Singh", "Tan", "Abdullah"]
        ),
        ("Deva", ["प्रिया", "राहुल", "अनीता", "विक्रम"], ["शर्मा", "सिंह", "पाटील", "गुप्ता"]),
        ("Taml", ["முருகன்", "லட்சுமி", "கார்த்திக்"], ["சுப்பிரமணியம்", "ராஜா", "குமார்"]),
        ("Beng", ["অনিতা", "সৌরভ", "রুমা"], ["দাস", "বসু", "চক্রবর্তী"]),
        ("Telu", ["సాయి", "లక్ష్మి", "రవి"], ["రెడ్డి", "నాయుడు", "రావు"]),
        ("Knda", ["ಅನಿಲ್", "ಸುಮಾ"], ["ಗೌಡ", "ಶೆಟ್ಟಿ"]),
        ("Mlym", ["അനു", "രാജേഷ്"], ["നായർ", "മേനോൻ"]),
        ("Gujr", ["હેતલ", "કિરણ"], ["પટેલ", "શાહ"]),
        ("Arab", ["محمد", "فاطمہ"], ["خان", "قریشی"]),
    ]
    private static let encodedScripts: [(given: [[UInt8]], family: [[UInt8]])] = scripts.map {
        ($0.given.map { Array($0.utf8) }, $0.family.map { Array($0.utf8) })
    }

    /// Writes the header and `count` rows, handing `write` about a megabyte at a time; with a
    /// ``drift``, the changed rows and the added ones, and returns what changed.
    @discardableResult
    public func generate(count: Int, write: ([UInt8]) throws(Diagnostic) -> Void) throws(Diagnostic) -> DriftReport {
        var rng = SplitMix64(seed: seed)
        var out: [UInt8] = Array((Self.header + "\n").utf8)
        out.reserveCapacity((1 << 20) + 4096)
        var row: [UInt8] = []
        row.reserveCapacity(512)
        var report = DriftReport()
        var perRegion = [Int](repeating: 0, count: regions.count)
        func emit(_ index: Int, _ rng: inout SplitMix64, forced: Int?) throws(Diagnostic) {
            row.removeAll(keepingCapacity: true)
            let region = makeRow(index, &rng, &row, forcedRegion: forced, report: &report)
            perRegion[region] += 1
            out.append(contentsOf: row)
            if out.count >= 1 << 20 {
                try write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for index in 0..<count { try emit(index, &rng, forced: nil) }
        var extra = SplitMix64(seed: seed ^ 0x6772_6F77_7468_0001)
        var next = count
        for (r, region) in regions.enumerated() {
            guard let growth = drift.grow[region.code], growth > 0 else { continue }
            let added = Int((Double(perRegion[r]) * growth).rounded())
            for _ in 0..<added {
                try emit(next, &extra, forced: r)
                next += 1
            }
            report.added[region.code] = added
        }
        if !out.isEmpty { try write(out) }
        return report
    }

    /// A value in [0, 1) fixed by the row number and a salt, independent of the row's draws.
    private static func pick(_ index: Int, _ salt: UInt64) -> Double {
        LanguageImputation.uniform(UInt64(index) &* 0x9E37_79B9_7F4A_7C15 ^ salt)
    }

    /// Appends one row and returns its region's index.
    private func makeRow(
        _ index: Int, _ rng: inout SplitMix64, _ row: inout [UInt8], forcedRegion: Int? = nil, report: inout DriftReport
    ) -> Int {
        let broken: RejectReason? = dirty && rng.unit() < Self.dirtyRate ? Self.dirtyKinds[rng.below(Self.dirtyKinds.count)] : nil
        let u = rng.unit()
        let regionIndex = forcedRegion ?? (regions.firstIndex { u < $0.cumulative } ?? regions.count - 1)
        let region = regions[regionIndex]
        let v = rng.unit()
        let drawn = region.languages.firstIndex { v < $0.cumulative } ?? region.languages.count - 1
        var language = region.languages[drawn]
        var shiftedKey: String?
        if !drift.shifts.isEmpty, drawn < region.languageCodes.count {
            let code = region.languageCodes[drawn]
            for shift in drift.shifts where shift.region == region.code && shift.from == code {
                guard Self.pick(index, 0x7368_6966_74) < shift.share, let target = languageSpellings[shift.to] else { continue }
                language = (language.cumulative, target.spellings, target.script)
                shiftedKey = "\(region.code)/\(shift.from)>\(shift.to)"
                break
            }
        }
        let lapses = drift.lapse[region.code].map { Self.pick(index, 0x6C61_7073_65) < $0 } ?? false
        // customer_id
        row.append(UInt8(ascii: "C"))
        appendNumber(index + 1, width: 9, &row)
        row.append(0x2C)
        // name: the language's script most of the time, Latin otherwise; some "Family, Given" and nicknames in quotes
        let scriptIndex = rng.unit() < 0.6 ? language.script : 0
        let names = Self.encodedScripts[min(scriptIndex, Self.encodedScripts.count - 1)]
        let given = names.given[rng.below(names.given.count)], family = names.family[rng.below(names.family.count)]
        let style = rng.unit()
        if broken == .brokenQuoting {
            row.append(contentsOf: given)
            row.append(contentsOf: Array(" \"Bunty\" ".utf8))
            row.append(contentsOf: family)
        } else if broken == .invalidUTF8 {
            row.append(contentsOf: given)
            row.append(contentsOf: [0xFF, 0xC3, 0x28])
        } else if style < 0.1 {
            row.append(0x22)
            row.append(contentsOf: family)
            row.append(contentsOf: [0x2C, 0x20])
            row.append(contentsOf: given)
            row.append(0x22)
        } else if style < 0.13 {
            row.append(0x22)
            row.append(contentsOf: given)
            row.append(contentsOf: Array(" \"\"Bunty\"\" ".utf8))
            row.append(contentsOf: family)
            row.append(0x22)
        } else {
            row.append(contentsOf: given)
            row.append(0x20)
            row.append(contentsOf: family)
        }
        row.append(0x2C)
        // state
        if broken == .unknownRegion {
            row.append(contentsOf: Array("Atlantis".utf8))
        } else {
            row.append(contentsOf: region.spellings[rng.below(region.spellings.count)])
        }
        row.append(0x2C)
        // city, sometimes "City, State" quoted
        if rng.unit() < 0.05 {
            row.append(0x22)
            row.append(contentsOf: region.city)
            row.append(contentsOf: Array(", \(index % 7 == 0 ? "East" : "Central")\"".utf8))
        } else {
            row.append(contentsOf: region.city)
        }
        row.append(0x2C)
        // language
        let w = rng.unit()
        if w < Self.missingLanguage {
        } else if w < Self.missingLanguage + Self.unknownLanguage {
            row.append(contentsOf: Array("Klingon".utf8))
        } else {
            row.append(contentsOf: language.spellings[rng.below(language.spellings.count)])
            if let shiftedKey { report.shifted[shiftedKey, default: 0] += 1 }
        }
        row.append(0x2C)
        // total_spend: lognormal, median about 2,000
        let z = sqrt(-2 * log(max(rng.unit(), 1e-300))) * cos(2 * Double.pi * rng.unit())
        let spend = Int((exp(7.6 + 1.1 * z) * 100).rounded())
        if broken == .badNumber {
            row.append(contentsOf: Array("12a.50".utf8))
        } else if spend >= 100_000_00 && rng.unit() < 0.5 {
            row.append(0x22)
            appendGrouped(spend / 100, &row)
            row.append(0x2E)
            appendNumber(spend % 100, width: 2, &row)
            row.append(0x22)
        } else {
            appendNumber(spend / 100, width: 1, &row)
            row.append(0x2E)
            appendNumber(spend % 100, width: 2, &row)
        }
        row.append(0x2C)
        // order_count
        appendNumber(1 + spend / 150_000 + rng.below(4), width: 1, &row)
        row.append(0x2C)
        // last_order_date: about 200 days back on average
        if broken == .badDate {
            row.append(contentsOf: Array("2024-13-45".utf8))
        } else if rng.unit() >= 0.03 {
            var back = min(1500, Int(-200 * log(max(rng.unit(), 1e-12))))
            if lapses {
                back += 400
                report.lapsed[region.code, default: 0] += 1
            }
            let date = CivilDate(dayNumber: asOfDay - back)
            appendNumber(date.year, width: 4, &row)
            row.append(0x2D)
            appendNumber(date.month, width: 2, &row)
            row.append(0x2D)
            appendNumber(date.day, width: 2, &row)
        }
        // opt-ins, in one of four spellings per row
        let spelling = rng.below(4)
        for (channel, rate) in [0.7, 0.55, 0.4, 0.25].enumerated() {
            row.append(0x2C)
            if broken == .badBoolean && channel == 1 {
                row.append(contentsOf: Array("maybe".utf8))
                continue
            }
            let yes = rng.unit() < rate
            switch spelling {
            case 0: row.append(yes ? 0x31 : 0x30)
            case 1: row.append(contentsOf: yes ? Array("true".utf8) : Array("false".utf8))
            case 2: row.append(contentsOf: yes ? Array("yes".utf8) : Array("no".utf8))
            default: row.append(yes ? UInt8(ascii: "Y") : UInt8(ascii: "N"))
            }
        }
        row.append(0x2C)
        // phone, email, push token
        if rng.unit() < 0.92 {
            row.append(contentsOf: dialCode)
            appendNumber(6_000_000_000 + Int(rng.next() % 3_999_999_999), width: 10, &row)
        }
        row.append(0x2C)
        if rng.unit() < 0.6 {
            row.append(contentsOf: Array("user".utf8))
            appendNumber(index + 1, width: 1, &row)
            row.append(contentsOf: Array("@example.com".utf8))
        }
        if broken != .wrongFieldCount {
            row.append(0x2C)
            if rng.unit() < 0.35 {
                let token = rng.next()
                for shift in stride(from: 60, through: 0, by: -4) {
                    row.append(Array("0123456789abcdef".utf8)[Int((token >> UInt64(shift)) & 0xF)])
                }
            }
        }
        row.append(0x0A)
        return regionIndex
    }

    private func appendNumber(_ value: Int, width: Int, _ row: inout [UInt8]) {
        var digits: [UInt8] = []
        var n = value
        repeat {
            digits.append(UInt8(48 + n % 10))
            n /= 10
        } while n > 0
        if digits.count < width { row.append(contentsOf: repeatElement(48, count: width - digits.count)) }
        row.append(contentsOf: digits.reversed())
    }

    /// Indian grouping: 1,23,45,678.
    private func appendGrouped(_ value: Int, _ row: inout [UInt8]) {
        let text = Array(String(value).utf8)
        var out: [UInt8] = []
        for (i, digit) in text.enumerated() {
            let remaining = text.count - i
            if i > 0 && (remaining == 3 || (remaining > 3 && (remaining - 3) % 2 == 0)) { out.append(0x2C) }
            out.append(digit)
        }
        row.append(contentsOf: out)
    }
}
