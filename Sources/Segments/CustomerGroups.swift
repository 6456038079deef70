/// Which group (value tier or activity band) each customer of a file is in, held compactly for
/// matching two snapshots by customer id without holding either file's rows.
///
/// Each customer is one 64-bit word: the top 61 bits of a hash of the customer id (FNV-1a, then
/// the MurmurHash3 finaliser) and the group index in the low 3 bits, kept sorted. That is 8 bytes
/// per customer (80 MB for 10 million). Two different ids share a hash with probability about
/// `n² / 2⁶²` for the whole file (2·10⁻⁵ for 10 million customers): then one of them is matched
/// to the other's group, or counted as gone.
public struct CustomerGroups: Sendable, Equatable {
    /// Sorted words: hash (61 bits) and group index (3 bits).
    public let keys: [UInt64]

    /// Groups from words made by the reader, already sorted.
    init(sorted: [UInt64]) { keys = sorted }

    /// Customers held (duplicated ids counted each time).
    public var count: Int { keys.count }

    /// The word of a customer: mixed id hash with its low 3 bits replaced by `group`.
    @inline(__always)
    static func key(idHash: UInt64, group: Int) -> UInt64 {
        var h = idHash
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return (h & ~7) | UInt64(group)
    }

    /// Customers matched by id between `old` and `new`: `counts[from][to]` customers moved from
    /// group `from` to group `to` (`groups` groups); customers only in `old` are `gone[from]`,
    /// only in `new` are `arrived[to]`. A merge of the two sorted lists, so memory is the two lists.
    /// An id repeated within a file is matched once and its extra copies count as gone or arrived.
    public static func migration(from old: CustomerGroups, to new: CustomerGroups, groups: Int) -> Migration {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: groups), count: groups)
        var gone = [Int](repeating: 0, count: groups), arrived = [Int](repeating: 0, count: groups)
        var i = 0, j = 0
        let a = old.keys, b = new.keys
        while i < a.count || j < b.count {
            let ha = i < a.count ? a[i] & ~7 : UInt64.max, hb = j < b.count ? b[j] & ~7 : UInt64.max
            if i < a.count && (j >= b.count || ha < hb) {
                gone[Int(a[i] & 7) % groups] += 1
                i += 1
            } else if j < b.count && (i >= a.count || hb < ha) {
                arrived[Int(b[j] & 7) % groups] += 1
                j += 1
            } else {
                counts[Int(a[i] & 7) % groups][Int(b[j] & 7) % groups] += 1
                i += 1
                j += 1
            }
        }
        return Migration(counts: counts, gone: gone, arrived: arrived)
    }
}

/// Customers moving between groups from one snapshot to the next (``CustomerGroups/migration(from:to:groups:)``).
public struct Migration: Sendable, Equatable {
    /// `counts[from][to]`: customers in group `from` before and `to` now.
    public let counts: [[Int]]
    /// Customers only in the old snapshot, by their old group.
    public let gone: [Int]
    /// Customers only in the new snapshot, by their new group.
    public let arrived: [Int]

    /// A migration of given counts.
    public init(counts: [[Int]], gone: [Int], arrived: [Int]) {
        self.counts = counts
        self.gone = gone
        self.arrived = arrived
    }
}
