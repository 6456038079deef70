import Foundation
import PlannerCore
import PlannerIO
import Testing

@testable import Festivals

/// Our days against published year tables: `Fixtures/reference-IN.csv` holds 1,286 (festival,
/// year) rows for 2001-2035 and `reference-MY.csv` 163 rows for 2001-2027, both exported from the
/// python `holidays` package 0.109 by the `make-reference-*.py` scripts beside them. Its Hindu
/// tables are partly typed from Drik Panchang and partly computed by its own generator
/// (`scripts/calendar/hindu_generator.py`: pyephem at Ujjain, with hand-typed exceptions); its
/// Malaysian ones follow the federal gazettes.
///
/// The tables have errors. Each one we found is listed in `reference-*-corrections.csv` with the
/// reason and a source: news of the day, government lists, or Drik Panchang's own published month
/// starts and sunrise tithis (`drik-solar-*.csv`, `drik-tithi-2001-2035.csv`). Buddha Purnima
/// 2001-2004 are the East Asian Buddha's Birthday, not full moons; Chaitra Navratri contradicts
/// the table's own Gudi Padwa in eight years; and so on. Those rows are scored against the
/// corrected day, and a row whose day is no occurrence at all (`none`) is left out. A day that a
/// festival's documented convention gives (`conventions:` in the calendar file: Gujarat's Naag
/// Panchami, the Nanakshahi Guru Gobind Singh Jayanti) counts as a match, as issue 3 asks.
@Suite("Reference tables")
struct ReferenceTableTests {
    struct Score: CustomStringConvertible {
        var exact = 0, nearby = 0, other = 0
        var total: Int { exact + nearby + other }
        var exactShare: Double { Double(exact) / Double(max(total, 1)) }
        var withinDayShare: Double { Double(exact + nearby) / Double(max(total, 1)) }
        var description: String {
            "exact \(exact)/\(total) (\(String(format: "%.1f", 100 * exactShare))%), ±1 \(nearby) (within a day \(String(format: "%.1f", 100 * withinDayShare))%), other \(other)"
        }
    }

    struct Result {
        var total = Score()
        var perFestival: [String: Score] = [:]
        /// Rows matched only through a documented convention.
        var byConvention = 0
        /// Rows scored against a corrected day.
        var corrected = 0
        /// Rows left out: the table's day is no occurrence of the festival (its correction is `none`).
        var leftOut = 0
        var misses: [String] = []
    }

    /// (festival, year, published day) → corrected day, or `nil` when the published day is no
    /// occurrence of the festival at all (`none`: Guru Gobind Singh Jayanti in a year without a
    /// Pausha shukla saptami) and the row is left out of the score.
    static func corrections(_ file: String) throws -> [String: CivilDate?] {
        let table = try CSVTable(path: "\(Data.root)/Tests/FestivalsTests/Fixtures/\(file)")
        var result: [String: CivilDate?] = [:]
        for row in table.rows {
            #expect(!row.values[4].isEmpty && !row.values[5].isEmpty, "a correction needs a reason and a source: \(row.values)")
            let corrected = row.values[3] == "none" ? nil : CivilDate(iso: row.values[3])
            #expect(row.values[3] == "none" || corrected != nil, "a correction is a day or none: \(row.values)")
            result["\(row.values[0])|\(row.values[1])|\(row.values[2])"] = corrected
        }
        return result
    }

    static func score(_ file: String, corrections: String, catalog: FestivalCatalog) throws -> Result {
        let table = try CSVTable(path: "\(Data.root)/Tests/FestivalsTests/Fixtures/\(file)")
        let fixes = try Self.corrections(corrections)
        var result = Result()
        var applied = 0
        for row in table.rows {
            let id = row.values[1], year = Int(row.values[2])!
            guard catalog.festival(id: id) != nil else { continue }
            var published = CivilDate(iso: row.values[3])!
            if let fixed = fixes["\(id)|\(year)|\(published)"] {
                applied += 1
                guard let fixed else {
                    result.leftOut += 1
                    continue
                }
                published = fixed
            }
            let ours = try catalog.dates(of: id, year: year)
            var gap = ours.map { abs($0.days(to: published)) }.min() ?? 99
            if gap != 0, try catalog.conventionDates(of: id, year: year).contains(where: { $0.dates.contains(published) }) {
                gap = 0
                result.byConvention += 1
            }
            switch gap {
            case 0:
                result.total.exact += 1
                result.perFestival[id, default: Score()].exact += 1
            case 1:
                result.total.nearby += 1
                result.perFestival[id, default: Score()].nearby += 1
            default:
                result.total.other += 1
                result.perFestival[id, default: Score()].other += 1
            }
            if gap != 0 {
                result.misses.append("\(id) \(year): table \(published), ours \(ours.map(\.description).joined(separator: " "))")
            }
        }
        result.corrected = applied
        // Every correction names a row of the table.
        #expect(applied == fixes.count, "\(file): \(fixes.count - applied) corrections name no row")
        return result
    }

    static func report(_ name: String, _ result: Result) {
        print(
            "\(name):", result.total,
            "- \(result.byConvention) by a documented convention, \(result.corrected) rows corrected (\(result.leftOut) of them left out)")
        for (id, score) in result.perFestival.sorted(by: { $0.key < $1.key }) { print("  \(id): \(score)") }
        for miss in result.misses { print("  miss: \(miss)") }
    }

    @Test("India 2001-2035 (1,249 scored rows): at least 99 % of principal days exact and every one within a day (measured 99.1 %)")
    func india() throws {
        let result = try Self.score("reference-IN.csv", corrections: "reference-IN-corrections.csv", catalog: Data.india)
        Self.report("India vs python holidays (corrected)", result)
        #expect(result.total.total >= 1200)
        #expect(result.total.exactShare >= 0.99)
        // Issue 3: all within one day.
        #expect(result.total.other == 0)
        // The festivals the research called perfect stay perfect, and those fixed here too.
        for id in [
            "diwali", "ganesh_chaturthi", "guru_nanak_jayanti", "kali_puja", "maha_navami", "maha_shivaratri", "rath_yatra",
            "raksha_bandhan", "navratri", "chaitra_navratri", "holi", "basant_panchami", "janmashtami", "naag_panchami",
        ] {
            #expect(result.perFestival[id]?.exact == result.perFestival[id]?.total, "\(id): \(result.perFestival[id]!)")
        }
    }

    @Test("Malaysia 2001-2027: Chinese New Year all exact; at least 94.4 % exact and 99.3 % within a day (measured 94.5 % / 99.4 %)")
    func malaysia() throws {
        let result = try Self.score("reference-MY.csv", corrections: "reference-MY-corrections.csv", catalog: Data.malaysia)
        Self.report("Malaysia vs python holidays (corrected)", result)
        #expect(result.perFestival["chinese_new_year"]?.exact == 27)
        #expect(result.total.exactShare >= 0.944)
        #expect(result.total.withinDayShare >= 0.993)
    }
}
