import PlannerCore
import Segments

/// Customer ids on more than one row. The file cannot tell which row is right (which contact,
/// which name), so every row of such an id is refused (reason `duplicate_customer_id`, with its
/// line): the customer is neither messaged nor held out, whatever order the rows come in.
///
/// Found without keeping ids: rows with equal ids have equal holdout hashes (MD5 of
/// `campaign_id:customer_id`), so a merge of the segments' hash-sorted members finds the
/// candidates, and their ids are read again from the file to confirm them.
enum DuplicateIDs {
    /// The rejects-file reason of such a row.
    static let reason = "duplicate_customer_id"

    /// A row refused as a duplicate: its line and its id.
    struct Row: Sendable {
        let line: Int
        let id: String
    }

    /// Removes from `groups` (each sorted by hash) and `outside` (rows in no plan segment, sorted
    /// by hash) every row whose id is on another row too; the rows removed, by line.
    static func remove(from groups: inout [[Member]], outside: inout [Member], rows: CustomerRowReader) throws(Diagnostic) -> [Row] {
        var lists = groups
        lists.append(outside)
        // A k-way merge by hash: a heap of (hash, list, position).
        var heap: [(hash: (UInt64, UInt64), list: Int, at: Int)] = []
        func less(_ a: Int, _ b: Int) -> Bool { heap[a].hash < heap[b].hash }
        func push(_ item: (hash: (UInt64, UInt64), list: Int, at: Int)) {
            heap.append(item)
            var i = heap.count - 1
            while i > 0, less(i, (i - 1) / 2) {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        }
        func pop() -> (hash: (UInt64, UInt64), list: Int, at: Int) {
            let top = heap[0]
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(l, m) { m = l }
                if r < heap.count, less(r, m) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
            return top
        }
        for (l, list) in lists.enumerated() where !list.isEmpty { push((list[0].hash, l, 0)) }
        var run: [(list: Int, at: Int)] = []
        var removed: [(list: Int, at: Int)] = []
        var found: [Row] = []
        func close() throws(Diagnostic) {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count > 1 else { return }
            var byID: [String: [(list: Int, at: Int, line: Int)]] = [:]
            for entry in run {
                let member = lists[entry.list][entry.at]
                byID[try rows.fields(at: member.position).id, default: []].append((entry.list, entry.at, Int(member.line)))
            }
            for (id, entries) in byID where entries.count > 1 {
                for entry in entries {
                    removed.append((entry.list, entry.at))
                    found.append(Row(line: entry.line, id: id))
                }
            }
        }
        var last: (UInt64, UInt64)?
        while !heap.isEmpty {
            let top = pop()
            if let previous = last, previous != top.hash { try close() }
            last = top.hash
            run.append((top.list, top.at))
            if top.at + 1 < lists[top.list].count { push((lists[top.list][top.at + 1].hash, top.list, top.at + 1)) }
        }
        try close()
        guard !removed.isEmpty else { return [] }
        var drop = [Set<Int>](repeating: [], count: lists.count)
        for entry in removed { drop[entry.list].insert(entry.at) }
        for g in groups.indices where !drop[g].isEmpty {
            groups[g] = groups[g].enumerated().filter { !drop[g].contains($0.offset) }.map(\.element)
        }
        if !drop[groups.count].isEmpty {
            outside = outside.enumerated().filter { !drop[groups.count].contains($0.offset) }.map(\.element)
        }
        return found.sorted { $0.line < $1.line }
    }
}

/// Contacts shared by several customer ids, for the rule "one phone number or email shared by
/// several customer ids gets one message". Only the members whose contact key occurs more than
/// once keep one, as a dense id of the contact itself (read again from the file and compared as
/// text, so two different contacts whose 64-bit keys collide stay apart); every other member's
/// key becomes 0, so the walk remembers only the shared contacts it has sent to.
enum SharedContacts {
    /// Rewrites every member's contact keys in `groups`; `country` normalises phones.
    static func mark(_ groups: inout [[Member]], rows: CustomerRowReader, country: String) throws(Diagnostic) {
        for kind in 0..<3 {
            var keys: [UInt64] = []
            for group in groups { for member in group where member.contact(kind: kind) != 0 { keys.append(member.contact(kind: kind)) } }
            keys.sort()
            var repeated = Set<UInt64>()
            var i = 1
            while i < keys.count {
                if keys[i] == keys[i - 1] { repeated.insert(keys[i]) }
                i += 1
            }
            keys = []
            var ids: [String: UInt64] = [:]
            for g in groups.indices {
                for m in groups[g].indices {
                    let key = groups[g][m].contact(kind: kind)
                    guard key != 0 else { continue }
                    guard repeated.contains(key) else {
                        groups[g][m].setContact(kind: kind, 0)
                        continue
                    }
                    let fields = try rows.fields(at: groups[g][m].position)
                    let contact =
                        Member.normalised(kind: kind, phone: fields.phone, email: fields.email, token: fields.pushToken, country: country)
                        ?? ""
                    let id = ids[contact] ?? UInt64(ids.count + 1)
                    ids[contact] = id
                    groups[g][m].setContact(kind: kind, id)
                }
            }
        }
    }
}
