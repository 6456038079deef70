import Locales
import PlannerCore

/// Draws a language for a customer whose language is missing or unknown, from their region's
/// language shares in `locales/` (Census mother-tongue shares), by a stable hash of the customer
/// id: the same customer gets the same language on every run and on every machine.
///
/// The shares exclude `other` and are renormalised; a region with no listed language gets the
/// country's default language. The hash is the MD5 of the id's bytes (after trimming spaces and
/// tabs): its first 13 hex digits as an integer `h` (52 bits) give the number `h / 2^52` in
/// [0, 1); the language is the first whose cumulative share exceeds that number, in the order of
/// ``Region/languageShares`` (largest first, ties by code). MD5 because every SQL engine has it:
/// ``SegmentSQL`` draws the same language in PostgreSQL, DuckDB and Spark (`h < ceil(share × 2^52)`,
/// the same comparison in integers, see ``thresholds``).
public struct LanguageImputation: Sendable {
    /// Per region code: (language code, cumulative share) pairs ending at 1.
    public let tables: [String: [(language: String, cumulative: Double)]]

    /// Builds the cumulative tables from each region's language shares in `country`.
    public init(country: Country) {
        var tables: [String: [(language: String, cumulative: Double)]] = [:]
        for region in country.regions {
            let shares = region.languageShares.filter { $0.language != "other" && $0.share > 0 }
            let total = shares.reduce(0) { $0 + $1.share }
            guard total > 0 else {
                tables[region.code] = [(country.defaultLanguage, 1)]
                continue
            }
            var running = 0.0
            var table: [(language: String, cumulative: Double)] = []
            for share in shares {
                running += share.share
                table.append((share.language, running / total))
            }
            table[table.count - 1].cumulative = 1
            tables[region.code] = table
        }
        self.tables = tables
    }

    /// FNV-1a 64 of bytes.
    @inline(__always)
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The first 13 hex digits of the MD5 of `bytes` as an integer (the top 52 bits of the digest).
    @inline(__always)
    public static func md5Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let digest = Digest.md5(bytes)
        var h: UInt64 = 0
        for i in 0..<6 { h = h << 8 | UInt64(digest[i]) }
        return h << 4 | UInt64(digest[6] >> 4)
    }

    /// The imputation draw of an id's bytes: ``md5Prefix(_:)`` / 2^52, in [0, 1).
    @inline(__always)
    public static func draw(_ idBytes: UnsafeBufferPointer<UInt8>) -> Double { Double(md5Prefix(idBytes)) * 0x1.0p-52 }

    /// Per region code: the cumulative shares scaled to 52-bit integers (`ceil(share × 2^52)`, the
    /// last 2^52): `draw < share` exactly when `md5Prefix < threshold`, the comparison SQL makes.
    public var thresholds: [String: [(language: String, below: Int64)]] {
        tables.mapValues { table in table.map { ($0.language, Int64(($0.cumulative * 0x1.0p52).rounded(.up))) } }
    }

    /// The hash finalised by murmur3's `fmix64` and mapped to a number in [0, 1) (synthetic data's
    /// draws; imputation uses ``draw(_:)``).
    @inline(__always)
    public static func uniform(_ hash: UInt64) -> Double {
        var h = hash
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Double(h >> 11) * 0x1.0p-53
    }

    /// The language drawn for `customerID` in `region` (nil for a region not in the country).
    public func language(for customerID: String, in region: String) -> String? {
        guard let table = tables[region] else { return nil }
        let u = Array(customerID.utf8).withUnsafeBufferPointer(Self.draw)
        return (table.first { u < $0.cumulative } ?? table[table.count - 1]).language
    }
}
