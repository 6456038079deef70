import PlannerCore
import PlannerIO
import Segments

/// Customer ids on more than one row. The file cannot tell which row is right (which contact,
/// which name), so every row of such an id is refused (reason `duplicate_customer_id`, with its
/// line): the customer is neither messaged nor held out, whatever order the rows come in.
///
/// Found without keeping ids, and without holding every customer at once: rows with equal ids
/// have equal holdout hashes (MD5 of `campaign_id:customer_id`), so each customer's hash (with its
/// place) goes to a partition of the hash range on disk (``HashPartitions``); each partition in
/// turn is sorted, and the rows of a hash seen more than once have their ids read again from the
/// file to confirm them.
enum DuplicateIDs {
    /// The rejects-file reason of such a row.
    static let reason = "duplicate_customer_id"

    /// A row refused as a duplicate: its line and its id.
    struct Row: Sendable {
        let line: Int
        let id: String
    }

    /// What a partition holds of a customer: its hash and where it is, in the file and in the spill.
    private struct Candidate: BitwiseCopyable {
        let hash: (UInt64, UInt64)
        let place: UInt64
        let line: UInt32
        let bucket: UInt32
        let index: UInt32
    }

    /// The rows of every bucket of `members` whose id is on another row too: by line, and per
    /// bucket the positions (in append order) to leave out.
    static func find(in members: BucketSpill<Member>, rows: CustomerRowReader) throws(Diagnostic) -> (rows: [Row], removed: [Set<Int>]) {
        let partitions = HashPartitions(records: members.totalCount)
        let spill = try BucketSpill<Candidate>(buckets: partitions.count, prefix: "campaign-planner-ids")
        for bucket in 0..<members.bucketCount {
            var cursor = MemberCursor(members, bucket: bucket)
            var index = -1
            while let member = try cursor.next() {
                index += 1
                let candidate = Candidate(
                    hash: member.hash, place: member.place, line: member.line, bucket: UInt32(bucket), index: UInt32(index))
                try spill.append(candidate, to: partitions.index(of: member.hash.0))
            }
        }
        var found: [Row] = []
        var removed = [Set<Int>](repeating: [], count: members.bucketCount)
        for partition in 0..<partitions.count {
            var candidates = try spill.read(partition)
            candidates.sort { $0.hash < $1.hash }
            var start = 0
            while start < candidates.count {
                var end = start + 1
                while end < candidates.count && candidates[end].hash == candidates[start].hash { end += 1 }
                if end - start > 1 {
                    var byID: [String: [Candidate]] = [:]
                    for candidate in candidates[start..<end] {
                        let id = try rows.fields(at: Member.position(place: candidate.place, line: candidate.line)).id
                        byID[id, default: []].append(candidate)
                    }
                    for (id, same) in byID where same.count > 1 {
                        for candidate in same {
                            removed[Int(candidate.bucket)].insert(Int(candidate.index))
                            found.append(Row(line: Int(candidate.line), id: id))
                        }
                    }
                }
                start = end
            }
        }
        return (found.sorted { $0.line < $1.line }, removed)
    }
}

/// Contacts shared by several customer ids, for the rule "one phone number or email shared by
/// several customer ids gets one message". Only the members whose contact key occurs more than
/// once keep one, as a dense id of the contact itself (read again from the file and compared as
/// text, so two different contacts whose 64-bit keys collide stay apart); every other member's
/// key becomes 0, so the walk remembers only the shared contacts it has sent to.
///
/// The repeated keys are found over all segments at once, by partitions of the key range on disk
/// (``HashPartitions``), so memory holds one partition and the keys that repeat; each segment's
/// members are then marked when the segment is assigned.
struct SharedContacts {
    /// Per contact kind, the keys that more than one member has.
    private let repeated: [Set<UInt64>]
    /// Per contact kind, the dense id of each shared contact seen so far.
    private var ids: [[String: UInt64]] = [[:], [:], [:]]

    /// The shared contacts among the first `segments` buckets of `members`, leaving out the
    /// positions in `removed` (rows refused as duplicate ids).
    init(members: BucketSpill<Member>, segments: Int, removed: [Set<Int>]) throws(Diagnostic) {
        var total = 0
        for bucket in 0..<segments { total += members.count(bucket) }
        let partitions = HashPartitions(records: total)
        let spill = try BucketSpill<UInt64>(buckets: 3 * partitions.count, prefix: "campaign-planner-contacts")
        for bucket in 0..<segments {
            var cursor = MemberCursor(members, bucket: bucket)
            var index = -1
            while let member = try cursor.next() {
                index += 1
                if removed[bucket].contains(index) { continue }
                for kind in 0..<3 {
                    let key = member.contact(kind: kind)
                    if key != 0 { try spill.append(key, to: kind * partitions.count + partitions.index(of: key)) }
                }
            }
        }
        var repeated = [Set<UInt64>](repeating: [], count: 3)
        for bucket in 0..<spill.bucketCount {
            var keys = try spill.read(bucket)
            keys.sort()
            var i = 1
            while i < keys.count {
                if keys[i] == keys[i - 1] { repeated[bucket / partitions.count].insert(keys[i]) }
                i += 1
            }
        }
        self.repeated = repeated
    }

    /// Rewrites the contact keys of `group` (one segment's members): a shared contact's key
    /// becomes its dense id, every other key 0. `country` normalises phones.
    mutating func mark(_ group: inout [Member], rows: CustomerRowReader, country: String) throws(Diagnostic) {
        for m in group.indices {
            for kind in 0..<3 {
                let key = group[m].contact(kind: kind)
                guard key != 0 else { continue }
                guard repeated[kind].contains(key) else {
                    group[m].setContact(kind: kind, 0)
                    continue
                }
                let fields = try rows.fields(at: group[m].position)
                let contact =
                    Member.normalised(kind: kind, phone: fields.phone, email: fields.email, token: fields.pushToken, country: country) ?? ""
                let id = ids[kind][contact] ?? UInt64(ids[kind].count + 1)
                ids[kind][contact] = id
                group[m].setContact(kind: kind, id)
            }
        }
    }
}
