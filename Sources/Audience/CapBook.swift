/// The frequency cap's per-customer counters for one segment, compactly: each customer's first
/// four send days in one 64-bit word (16 bits a day, counted from `base`), the rest (a customer
/// sent more than four messages) in a side table. Eight bytes per customer while its segment is
/// assigned, instead of an array each.
struct CapBook {
    private var packed: [UInt64]
    private var more: [Int: [Int]] = [:]
    private let base: Int

    /// Counters for `count` customers, days counted from `base` (a day number at or before every send day).
    init(count: Int, base: Int) {
        packed = [UInt64](repeating: 0, count: count)
        self.base = base
    }

    /// Whether customer `m` has no send day yet.
    func isEmpty(_ m: Int) -> Bool { packed[m] == 0 }

    /// Customer `m`'s send days (day numbers), in the order they were added.
    func days(_ m: Int) -> [Int] {
        var days: [Int] = []
        var word = packed[m]
        while word != 0 {
            days.append(base + Int(word & 0xFFFF) - 1)
            word >>= 16
        }
        if let rest = more[m] { days += rest }
        return days
    }

    /// Adds `day` to customer `m`'s send days.
    mutating func add(_ m: Int, day: Int) {
        let offset = day - base + 1
        precondition(offset > 0 && offset <= 0xFFFF, "a send day outside the campaign")
        var word = packed[m], shift: UInt64 = 0
        while word & 0xFFFF != 0 && shift < 64 {
            word >>= 16
            shift += 16
        }
        if shift < 64 {
            packed[m] |= UInt64(offset) << shift
        } else {
            more[m, default: []].append(day)
        }
    }
}
