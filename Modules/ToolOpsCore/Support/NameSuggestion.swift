/// "Did you mean …?": the known name closest to a misspelt one — for unknown tools, fields, enum
/// values, configuration keys and store names.
///
/// ```swift
/// NameSuggestion.closest(to: "urll", among: ["url", "schema", "table"])   // "url"
/// ```
public enum NameSuggestion {
    /// The candidate `name` most likely meant, or `nil` when none is close (or `name` is one of them).
    ///
    /// A candidate that differs only in case, `_` or `-` (`cityName` for `city_name`) wins; then,
    /// with `prefixes`, one that `name` begins (`warn` for `warning`, from 3 characters); otherwise
    /// the nearest by edit distance (a swap of two neighbours counts as one edit), allowing one edit
    /// per three characters, at least one and at most three. Ties go to the first candidate in sorted
    /// order, so the hint is the same on every run.
    public static func closest(
        to name: String, among candidates: some Sequence<String>, prefixes: Bool = false
    ) -> String? {
        func folded(_ text: String) -> String { text.lowercased().filter { $0 != "_" && $0 != "-" } }
        let sorted = candidates.sorted()
        guard !name.isEmpty, !sorted.contains(name) else { return nil }
        if let same = sorted.first(where: { folded($0) == folded(name) }) { return same }
        if prefixes, name.count >= 3, let longer = sorted.first(where: { folded($0).hasPrefix(folded(name)) }) {
            return longer
        }
        let allowed = max(1, min(3, name.count / 3))
        let target = Array(name.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in sorted {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
