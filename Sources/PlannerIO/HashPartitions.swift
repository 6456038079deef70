/// Splits records by a uniform 64-bit key into partitions small enough to sort in memory one at
/// a time: the way to find equal keys among more records than memory holds (equal keys always
/// land in the same partition). Used with ``BucketSpill``, one bucket per partition.
public struct HashPartitions: Sendable {
    /// The number of partitions.
    public let count: Int

    /// Partitions for `records` records, about `perPartition` each, at most `limit` (each is a
    /// buffer while the records are spilled, and a scratch block on disk).
    public init(records: Int, perPartition: Int = 250_000, limit: Int = 256) {
        count = min(limit, max(1, (records + perPartition - 1) / perPartition))
    }

    /// The partition of `key`: its share of the key range (the high word of `key × count`), so
    /// every partition takes an equal range of a uniform key.
    public func index(of key: UInt64) -> Int { Int(key.multipliedFullWidth(by: UInt64(count)).high) }
}
