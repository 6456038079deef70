import Dispatch
import Locales
import PlannerCore
import Segments

/// Renders a segment's chosen sends and hands them to the sink: in chunks of
/// ``AudienceBuilder/chunkSends`` (a chunk ends where a line, day and time end, so the order by
/// customer id within them is kept), one chunk per core at a time, handed over in order. Each
/// chunk reads its customers' rows again by offset (id, contact, name), orders equal line, day
/// and time by id, and renders each send with its line's prepared message.
final class SendWriter {
    private let readers: [CustomerRowReader]
    private let country: String

    /// A writer reading `path` with `rules`' columns, with as many row readers as `rules` has workers.
    init(path: String, rules: SegmentReader, country: String) throws(Diagnostic) {
        var readers: [CustomerRowReader] = []
        for _ in 0..<max(1, min(rules.workers, 8)) { readers.append(try CustomerRowReader(path: path, rules: rules)) }
        self.readers = readers
        self.country = country
    }

    /// Writes `picks` (sorted by line, day and minute).
    func write(
        picks: [(line: Int32, pick: AudienceBuilder.Pick)], messages: [Int: LineMessage], outcomes: inout [LineOutcome],
        segment: String, sink: any AudienceSink
    ) throws(Diagnostic) {
        // Chunk bounds.
        var bounds: [Range<Int>] = []
        var start = 0
        while start < picks.count {
            var end = min(start + AudienceBuilder.chunkSends, picks.count)
            func same(_ a: Int, _ b: Int) -> Bool {
                picks[a].line == picks[b].line && picks[a].pick.day == picks[b].pick.day && picks[a].pick.minute == picks[b].pick.minute
            }
            while end < picks.count && same(end - 1, end) { end += 1 }
            bounds.append(start..<end)
            start = end
        }
        let work = ChunkWork(picks: picks, messages: messages, readers: readers, country: country)
        var next = 0
        while next < bounds.count {
            let wave = Array(bounds[next..<min(next + readers.count, bounds.count)])
            let results = work.run(wave)
            for result in results {
                switch result {
                case .failure(let error): throw error
                case .success(let chunk):
                    for (l, cost, over) in chunk.totals {
                        outcomes[l].actualCost += cost
                        outcomes[l].overWorstSegments += over
                    }
                    try sink.write(AudienceBatch(segment: segment, sends: chunk.sends, holdout: []))
                }
            }
            next += wave.count
        }
    }
}

/// One wave of chunks rendered in parallel: each slot has its own row reader and result.
private final class ChunkWork: @unchecked Sendable {
    struct Chunk {
        var sends: [AudienceSend]
        /// Per line: cost and sends over the template's worst-case segments.
        var totals: [(Int, Int64, Int)]
    }

    let picks: [(line: Int32, pick: AudienceBuilder.Pick)]
    let messages: [Int: LineMessage]
    let readers: [CustomerRowReader]
    let country: String
    private var results = ParallelSlots<Result<Chunk, Diagnostic>>(count: 0, initial: .success(Chunk(sends: [], totals: [])))
    private var ranges: [Range<Int>] = []

    init(
        picks: [(line: Int32, pick: AudienceBuilder.Pick)], messages: [Int: LineMessage], readers: [CustomerRowReader], country: String
    ) {
        self.picks = picks
        self.messages = messages
        self.readers = readers
        self.country = country
    }

    /// Renders `ranges` of the picks (one per reader at most), in parallel; results in order.
    func run(_ ranges: [Range<Int>]) -> [Result<Chunk, Diagnostic>] {
        self.ranges = ranges
        results = ParallelSlots(count: ranges.count, initial: .success(Chunk(sends: [], totals: [])))
        if ranges.count == 1 {
            render(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: ranges.count) { render($0) }
        }
        return results.values
    }

    private func render(_ slot: Int) {
        do throws(Diagnostic) {
            results[slot] = .success(try chunk(ranges[slot], reader: readers[slot]))
        } catch {
            results[slot] = .failure(error)
        }
    }

    private func chunk(_ range: Range<Int>, reader: CustomerRowReader) throws(Diagnostic) -> Chunk {
        var rows: [(index: Int, customer: Recipient)] = []
        rows.reserveCapacity(range.count)
        for i in range {
            let entry = picks[i]
            guard let message = messages[Int(entry.line)] else { continue }
            let fields = try reader.fields(at: entry.pick.position)
            let kind = Member.kind(Channel.allCases.firstIndex(of: message.channel)!)
            guard
                let contact = Member.normalised(
                    kind: kind, phone: fields.phone, email: fields.email, token: fields.pushToken, country: country)
            else {
                throw Diagnostic(
                    .badInput, line: Int(entry.pick.row), message: "the row's contact changed while the audience was made",
                    hint: "do not change the customer file during the run")
            }
            let name = SafeText.cleanName(fields.name)
            rows.append(
                (
                    i,
                    Recipient(
                        id: fields.id, line: Int(entry.pick.row), contact: contact, name: name, firstName: LineRenderer.firstName(name))
                )
            )
        }
        rows.sort { a, b in
            let x = picks[a.index], y = picks[b.index]
            return (x.line, x.pick.day, x.pick.minute, a.customer.id) < (y.line, y.pick.day, y.pick.minute, b.customer.id)
        }
        var sends: [AudienceSend] = []
        sends.reserveCapacity(rows.count)
        var totals: [Int: (cost: Int64, over: Int)] = [:]
        for row in rows {
            let entry = picks[row.index]
            let l = Int(entry.line)
            let message = messages[l]!
            let rendered = try message.send(
                to: row.customer, day: CivilDate(dayNumber: Int(entry.pick.day)), time: AudienceBuilder.clock(Int(entry.pick.minute)))
            var total = totals[l] ?? (0, 0)
            total.cost += rendered.send.cost
            if rendered.overWorst { total.over += 1 }
            totals[l] = total
            sends.append(rendered.send)
        }
        return Chunk(sends: sends, totals: totals.keys.sorted().map { ($0, totals[$0]!.cost, totals[$0]!.over) })
    }
}
