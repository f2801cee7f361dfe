import Synchronization
import ToolOpsCore

/// A ``SemanticStore`` in memory: a change log that several semantic caches in one process can
/// share, the way processes share a file or PostgreSQL store — for tests.
///
/// ```swift
/// let shared = MemorySemanticStore()
/// let first = SemanticCache(embedder: embedder, store: shared)
/// let second = SemanticCache(embedder: embedder, store: shared)   // sees first's answers after a sync
/// ```
public final class MemorySemanticStore: SemanticStore {
    private let log = Mutex<[SemanticChange]>([])
    private let failure = Mutex<(any Error)?>(nil)

    public init() {}

    /// Makes every operation throw `error` until called again with `nil`.
    public func fail(with error: (any Error)?) {
        failure.withLock { $0 = error }
    }

    /// The number of changes logged.
    public var count: Int { log.withLock { $0.count } }

    public func changes(after cursor: SemanticCursor?) async throws -> SemanticChanges {
        try check()
        return log.withLock { log in
            let start = Int(cursor?.position ?? 0)
            return SemanticChanges(
                changes: Array(log[min(start, log.count)...]), cursor: SemanticCursor(position: Int64(log.count)))
        }
    }

    public func insert(_ record: SemanticRecord) async throws {
        try check()
        log.withLock { $0.append(.inserted(record)) }
    }

    public func remove(ids: [UInt64]) async throws {
        try check()
        log.withLock { log in log.append(contentsOf: ids.map(SemanticChange.removed)) }
    }

    public func invalidate(_ scope: CacheScope) async throws -> Int {
        try check()
        log.withLock { $0.append(.invalidated(scope)) }
        return 0
    }

    private func check() throws {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
