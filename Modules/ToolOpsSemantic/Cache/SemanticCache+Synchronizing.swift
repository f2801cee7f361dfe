import Synchronization
import ToolOpsCore

extension SemanticCache {
    /// Reads the store's changes now — everything on the first call, then what other processes
    /// wrote since — and applies them to memory.
    ///
    /// Lookups do this on their own every ``Configuration/syncInterval``; call it to load a
    /// persisted cache eagerly at startup.
    ///
    /// - Throws: the store's error.
    public func synchronize() async throws {
        guard let store else { return }
        try await synchronizer.run { cursor in
            var cursor = cursor
            repeat {
                let batch = try await store.changes(after: cursor)
                apply(batch.changes)
                if batch.cursor == cursor { break }
                cursor = batch.cursor
                if batch.changes.isEmpty { break }
            } while true
            state.withLock { $0.lastSync = clock.now() }
            return cursor
        }
    }

    /// Synchronises when the interval has passed since the last time; a failure is counted, not thrown.
    func synchronizeIfDue() async {
        guard store != nil else { return }
        let now = clock.now()
        let due = state.withLock { state in
            state.lastSync.map { now >= $0.advanced(by: configuration.syncInterval) } ?? true
        }
        guard due else { return }
        do {
            try await synchronize()
        } catch {
            state.withLock { state in
                state.statistics.storeErrors += 1
                state.lastSync = now  // do not hammer a failing store on every lookup
            }
        }
    }

    private func apply(_ changes: [SemanticChange]) {
        state.withLock { state in
            for change in changes {
                switch change {
                case .inserted(let record) where record.namespace == configuration.namespace:
                    _ = state.add(record, makeIndex: makeIndex, maxEntries: configuration.maxEntries)
                case .inserted:
                    continue  // another namespace's answer: never matched here, so not held
                case .removed(let id):
                    state.remove(id)
                case .invalidated(let scope):
                    _ = state.invalidate(scope)
                }
            }
        }
    }
}

/// Runs one synchronisation at a time and keeps the store cursor between them.
actor StoreSynchronizer {
    private var cursor: SemanticCursor?

    func run(_ body: @Sendable (SemanticCursor?) async throws -> SemanticCursor?) async throws {
        cursor = try await body(cursor)
    }
}
