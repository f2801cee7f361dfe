/// "Did you mean …?": the known name closest to a misspelt one.
enum KeySuggestion {
    /// The candidate `name` most likely meant, or `nil` when none is close.
    ///
    /// A candidate that differs only in case, `_` or `-` (`maxEntries`, `MAX-ENTRIES`) wins, then
    /// one that `name` begins (`warn` for `warning`); otherwise the nearest by edit distance (a swap of two neighbours counts as one edit),
    /// allowing one edit per three characters, at least one and at most three.
    static func closest(to name: String, among candidates: [String]) -> String? {
        func folded(_ text: String) -> String { text.lowercased().filter { $0 != "_" && $0 != "-" } }
        if let same = candidates.first(where: { folded($0) == folded(name) }) { return same }
        if name.count >= 3, let longer = candidates.first(where: { folded($0).hasPrefix(folded(name)) }) {
            return longer
        }
        let allowed = max(1, min(3, name.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(name.lowercased()), Array(candidate.lowercased()))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
