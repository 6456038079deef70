import Foundation
import ICUKit
import PlannerIO
import Testing

@testable import Festivals

/// Our days against published year tables: `Fixtures/reference-IN.csv` holds 1,286 (festival,
/// year) rows for 2001-2035 and `reference-MY.csv` 163 rows for 2001-2027, both exported from the
/// python `holidays` package 0.109 (its Hindu tables follow Drik Panchang and timeanddate; its
/// Malaysian ones the federal gazettes) by the `make-reference-*.py` scripts beside them.
///
/// The tables have known errors (research notes, festivals.md): Naag Panchami mixes the Gujarati
/// date (Shravana krishna 5) into the North Indian one; Guru Gobind Singh Jayanti uses the fixed
/// Nanakshahi 5 January in 2005-2015; Buddha Purnima 2001-2004 are not full-moon days. They stay in
/// the count.
@Suite("Reference tables")
struct ReferenceTableTests {
    struct Score: CustomStringConvertible {
        var exact = 0, nearby = 0, other = 0
        var total: Int { exact + nearby + other }
        var description: String {
            "exact \(exact)/\(total) (\(String(format: "%.1f", 100 * Double(exact) / Double(max(total, 1))))%), ±1 \(nearby), other \(other)"
        }
    }

    static func score(_ file: String, catalog: FestivalCatalog) throws -> (total: Score, perFestival: [String: Score]) {
        let path = "\(Data.root)/Tests/FestivalsTests/Fixtures/\(file)"
        let table = try CSVTable(path: path)
        var total = Score()
        var per: [String: Score] = [:]
        for row in table.rows {
            let id = row.values[1], year = Int(row.values[2])!, published = CivilDate(iso: row.values[3])!
            guard catalog.festival(id: id) != nil else { continue }
            let ours = try catalog.dates(of: id, year: year)
            let gap = ours.map { abs($0.days(to: published)) }.min() ?? 99
            switch gap {
            case 0:
                total.exact += 1
                per[id, default: Score()].exact += 1
            case 1:
                total.nearby += 1
                per[id, default: Score()].nearby += 1
            default:
                total.other += 1
                per[id, default: Score()].other += 1
            }
        }
        return (total, per)
    }

    @Test("India 2001-2035: at least 92 % of principal days exact and 97 % within a day (measured 93.0 % / 97.8 % of 1,251 rows)")
    func india() throws {
        let (total, per) = try Self.score("reference-IN.csv", catalog: Data.india)
        print("India vs python holidays:", total)
        for (id, score) in per.sorted(by: { $0.key < $1.key }) { print("  \(id): \(score)") }
        #expect(total.total >= 1200)
        #expect(Double(total.exact) / Double(total.total) >= 0.92)
        #expect(Double(total.exact + total.nearby) / Double(total.total) >= 0.97)
        // The festivals the research called perfect stay perfect.
        for id in ["diwali", "ganesh_chaturthi", "guru_nanak_jayanti", "kali_puja", "maha_navami", "maha_shivaratri", "rath_yatra"] {
            #expect(per[id]?.exact == per[id]?.total, "\(id): \(per[id]!)")
        }
    }

    @Test("Malaysia 2001-2027: Chinese New Year all exact; overall at least 75 % exact (measured 77.3 %)")
    func malaysia() throws {
        let (total, per) = try Self.score("reference-MY.csv", catalog: Data.malaysia)
        print("Malaysia vs python holidays:", total)
        for (id, score) in per.sorted(by: { $0.key < $1.key }) { print("  \(id): \(score)") }
        #expect(per["chinese_new_year"]?.exact == 27)
        #expect(Double(total.exact) / Double(total.total) >= 0.75)
    }
}
