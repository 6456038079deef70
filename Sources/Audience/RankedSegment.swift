import PlannerCore
import PlannerIO
import Segments

/// One plan segment's customers held out and ranked, on disk: its treated customers (bucket 0)
/// and its held-out ones (bucket 1), each best score first (``Member/rank(before:)``), the order
/// the assignment walks them in.
///
/// Made without holding the segment: the held-out customers are the `round(share × n)` smallest
/// holdout hashes (``Holdout``), found with a heap of that many hashes; then the segment is read
/// in runs of ``runRecords`` records, each marked (held out, shared contacts), sorted and set
/// aside, and the runs are merged. The rank order is total (ties by the hash), so the result is
/// the order a sort of the whole segment gives.
struct RankedSegment {
    /// Records sorted in memory at a time: 36 MB of records, and half that again for the sort.
    static let runRecords = 500_000
    /// Records read from a run at a time while the runs are merged.
    static let mergeRecords = 4_096

    /// Bucket 0: the treated customers; bucket 1: the held out. Rank order in each.
    let ranked: BucketSpill<Member>

    var treated: Int { ranked.count(0) }
    var heldOut: Int { ranked.count(1) }

    /// The customers of bucket `segment` of `members`, leaving out the positions in `removed`
    /// (rows refused as duplicate ids), held out at `share`; `shared` marks their contacts.
    init(
        members: BucketSpill<Member>, segment: Int, removed: Set<Int>, share: Double, shared: inout SharedContacts,
        rows: CustomerRowReader, country: String
    ) throws(Diagnostic) {
        let count = members.count(segment)
        let pieces = stride(from: 0, to: count, by: Self.runRecords).map { $0..<min($0 + Self.runRecords, count) }
        func piece(_ range: Range<Int>) throws(Diagnostic) -> [Member] {
            let read = try members.read(segment, range: range)
            guard !removed.isEmpty else { return read }
            return read.indices.filter { !removed.contains(range.lowerBound + $0) }.map { read[$0] }
        }
        // The held out: the smallest hashes.
        var smallest = SmallestHashes(keeping: Holdout.count(share: share, customers: count - removed.count))
        for range in pieces { for member in try piece(range) { smallest.offer(member.hash) } }
        let threshold = smallest.largest

        ranked = try BucketSpill<Member>(buckets: 2, prefix: "campaign-planner-ranked")
        func mark(_ run: inout [Member]) throws(Diagnostic) {
            try shared.mark(&run, rows: rows, country: country)
            if let threshold { for i in run.indices where run[i].hash <= threshold { run[i].heldOut = true } }
            run.sort { $0.rank(before: $1) }
        }
        if pieces.count <= 1 {
            var run = try pieces.first.map { range throws(Diagnostic) in try piece(range) } ?? []
            try mark(&run)
            for member in run { try ranked.append(member, to: member.heldOut ? 1 : 0) }
            return
        }
        let runs = try BucketSpill<Member>(buckets: pieces.count, prefix: "campaign-planner-runs")
        for (r, range) in pieces.enumerated() {
            var run = try piece(range)
            try mark(&run)
            for member in run { try runs.append(member, to: r) }
        }
        try Self.merge(runs, into: ranked)
    }

    /// Merges the sorted buckets of `runs` into `ranked`, reading a few thousand records of each at a time.
    private static func merge(_ runs: BucketSpill<Member>, into ranked: BucketSpill<Member>) throws(Diagnostic) {
        var cursors: [MemberCursor] = []
        for r in 0..<runs.bucketCount { cursors.append(MemberCursor(runs, bucket: r, block: mergeRecords)) }
        var heads: [Member?] = []
        for r in cursors.indices { heads.append(try cursors[r].next()) }
        // Few runs (a run is half a million records): the best head by a scan, not a heap.
        while true {
            var best = -1
            for r in heads.indices {
                guard let head = heads[r] else { continue }
                if best < 0 || head.rank(before: heads[best]!) { best = r }
            }
            guard best >= 0, let member = heads[best] else { return }
            try ranked.append(member, to: member.heldOut ? 1 : 0)
            heads[best] = try cursors[best].next()
        }
    }
}

/// Reads one bucket of a spill from the start, a block of records at a time.
struct MemberCursor {
    private let spill: BucketSpill<Member>
    private let bucket: Int
    private let block: Int
    private var buffer: [Member] = []
    private var inBuffer = 0
    private var read = 0

    /// A cursor at the first record of `bucket`, reading `block` records at a time.
    init(_ spill: BucketSpill<Member>, bucket: Int, block: Int = RankedSegment.mergeRecords) {
        self.spill = spill
        self.bucket = bucket
        self.block = block
    }

    /// The next record, or `nil` at the end of the bucket.
    mutating func next() throws(Diagnostic) -> Member? {
        if inBuffer == buffer.count {
            let count = spill.count(bucket)
            guard read < count else { return nil }
            buffer = try spill.read(bucket, range: read..<min(read + block, count))
            read += buffer.count
            inBuffer = 0
        }
        inBuffer += 1
        return buffer[inBuffer - 1]
    }
}

/// The `keeping` smallest of the hashes offered, in a max-heap of that many: memory for the
/// held-out share of a segment, not the segment.
struct SmallestHashes {
    private let keeping: Int
    private var heap: [(UInt64, UInt64)] = []

    init(keeping: Int) { self.keeping = keeping }

    /// The largest hash kept (`nil` when none are): a hash is among the smallest when at most this.
    var largest: (UInt64, UInt64)? { heap.first }

    mutating func offer(_ hash: (UInt64, UInt64)) {
        guard keeping > 0 else { return }
        if heap.count < keeping {
            heap.append(hash)
            var i = heap.count - 1
            while i > 0 && heap[(i - 1) / 2] < heap[i] {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        } else if hash < heap[0] {
            heap[0] = hash
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[m] < heap[l] { m = l }
                if r < heap.count && heap[m] < heap[r] { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }
}
