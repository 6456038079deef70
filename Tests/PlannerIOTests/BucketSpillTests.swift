import Foundation
import PlannerCore
import PlannerIO
import Testing

@Suite("Records set aside on disk by bucket, and partitions of a key range")
struct BucketSpillTests {
    struct Pair: BitwiseCopyable, Equatable {
        let key: UInt64
        let tag: UInt32
    }

    @Test("records come back per bucket in the order appended, across many blocks, buffered ones included")
    func roundTrip() throws {
        // 16 records a bucket's buffer (the least): 1,000 records make 62 written blocks and a buffered tail.
        let spill = try BucketSpill<Pair>(buckets: 3, bufferBytes: 0, prefix: "bucket-spill-test")
        var expected: [[Pair]] = [[], [], []]
        for i in 0..<3_000 {
            let bucket = (i * 7) % 3
            let pair = Pair(key: UInt64(i) &* 0x9E37_79B9_7F4A_7C15, tag: UInt32(i))
            try spill.append(pair, to: bucket)
            expected[bucket].append(pair)
        }
        #expect(spill.bucketCount == 3 && spill.totalCount == 3_000)
        for bucket in 0..<3 {
            #expect(spill.count(bucket) == 1_000)
            #expect(try spill.read(bucket) == expected[bucket])
        }
        // Reading does not consume: a second read gives the same records, and appending goes on.
        try spill.append(Pair(key: 1, tag: 1), to: 1)
        #expect(try spill.read(1) == expected[1] + [Pair(key: 1, tag: 1)])
        #expect(try spill.read(2) == expected[2])
    }

    @Test("an empty bucket reads as no records; the scratch file is unlinked at once, leaving nothing in TMPDIR")
    func emptyAndUnlinked() throws {
        let prefix = "bucket-spill-\(UUID().uuidString.prefix(8))"
        let spill = try BucketSpill<UInt64>(buckets: 2, prefix: prefix)
        try spill.append(42, to: 0)
        #expect(try spill.read(1).isEmpty)
        #expect(try spill.read(0) == [42])
        let left = try FileManager.default.contentsOfDirectory(atPath: FileBytes.temporaryDirectory).filter { $0.hasPrefix(prefix) }
        #expect(left.isEmpty)
    }

    @Test("partitions: about 250,000 records each, at most 256; each takes an equal share of the key range")
    func partitions() {
        #expect(HashPartitions(records: 0).count == 1)
        #expect(HashPartitions(records: 250_000).count == 1)
        #expect(HashPartitions(records: 250_001).count == 2)
        #expect(HashPartitions(records: 10_000_000).count == 40)
        #expect(HashPartitions(records: 1_000_000_000).count == 256)
        let four = HashPartitions(records: 1_000_000)
        #expect(four.count == 4)
        #expect(four.index(of: 0) == 0)
        #expect(four.index(of: 0x3FFF_FFFF_FFFF_FFFF) == 0)
        #expect(four.index(of: 0x4000_0000_0000_0000) == 1)
        #expect(four.index(of: 0xBFFF_FFFF_FFFF_FFFF) == 2)
        #expect(four.index(of: UInt64.max) == 3)
    }
}
