import Locales

/// Draws a language for a customer whose language is missing or unknown, from their region's
/// language shares in `locales/` (Census mother-tongue shares), by a stable hash of the customer
/// id: the same customer gets the same language on every run and on every machine.
///
/// The shares exclude `other` and are renormalised; a region with no listed language gets the
/// country's default language. The hash is FNV-1a 64 of the id's bytes (after trimming spaces),
/// finalised by murmur3's `fmix64` (FNV-1a alone spreads the last bytes only into the low bits, so
/// `C1`, `C2`, ... would land together) and mapped to [0, 1) by its top 53 bits; the language is
/// the first whose cumulative share exceeds that number, in the order of
/// ``Region/languageShares`` (largest first, ties by code).
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

    /// The hash finalised by murmur3's `fmix64` and mapped to a number in [0, 1).
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
        let u = Array(customerID.utf8).withUnsafeBufferPointer { Self.uniform(Self.fnv1a($0)) }
        return (table.first { u < $0.cumulative } ?? table[table.count - 1]).language
    }
}
