import Synchronization

/// Hits, misses and writes counted in memory per tool, added to the stats table in batches so a
/// lookup never pays for a second round trip.
final class CacheCounters: Sendable {
    struct Counts: Sendable, Hashable {
        var hits = 0
        var misses = 0
        var writes = 0
        var evictions = 0
        var expirations = 0

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                hits: lhs.hits + rhs.hits, misses: lhs.misses + rhs.misses, writes: lhs.writes + rhs.writes,
                evictions: lhs.evictions + rhs.evictions, expirations: lhs.expirations + rhs.expirations)
        }

        var isZero: Bool { self == Counts() }
    }

    private let pending = Mutex<[String: Counts]>([:])

    func add(tool: String, _ update: (inout Counts) -> Void) {
        pending.withLock { update(&$0[tool, default: Counts()]) }
    }

    /// Takes everything counted so far (to flush it).
    func drain() -> [String: Counts] {
        pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }

    /// Puts counts back after a failed flush, so none are lost.
    func restore(_ counts: [String: Counts]) {
        pending.withLock { pending in
            for (tool, counts) in counts { pending[tool] = (pending[tool] ?? Counts()) + counts }
        }
    }

    /// Whether nothing is waiting to be flushed.
    var isEmpty: Bool { pending.withLock { $0.values.allSatisfy(\.isZero) } }

    /// What is counted and not yet flushed.
    func snapshot() -> [String: Counts] { pending.withLock { $0 } }
}
