/// "Did you mean ...?" for a misspelt name: the known name closest to it, when it is close enough
/// to be the name meant (`budjet` → `budget`, `diwalli` → `diwali`, `whatsap` → `whatsapp`).
public enum Suggestion {
    /// The candidate nearest to `text` by edit distance (insertions, deletions, substitutions and
    /// swaps of neighbours, ignoring case), if it is at most a third of the name's length away
    /// (and at least one edit); ties go to the first candidate listed. Nothing for an exact match.
    public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(text.lowercased())
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.lowercased()))
            if distance == 0 { return nil }
            if distance <= max(1, max(typed.count, candidate.count) / 3), best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// ` (did you mean 'budget'?)`, or nothing: to append to an "unknown ..." message.
    public static func phrase(for text: String, among candidates: some Sequence<String>) -> String {
        closest(to: text, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
