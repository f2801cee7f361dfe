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
        try await synchronize(interval: nil)
    }

    /// Synchronises when the interval has passed since the last time; a failure is counted, not thrown.
    func synchronizeIfDue() async {
        guard store != nil else { return }
        let now = clock.now()
        // A cheap check first, so a lookup does not hop to the synchronizer when nothing is due.
        let due = state.withLock { state in
            state.lastSync.map { now >= $0.advanced(by: configuration.syncInterval) } ?? true
        }
        guard due else { return }
        do {
            try await synchronize(interval: configuration.syncInterval)
        } catch {
            state.withLock { state in
                state.statistics.storeErrors += 1
                state.lastSync = now  // the synchronizer waits an interval before trying again too
            }
        }
    }

    private func synchronize(interval: Duration?) async throws {
        guard let store else { return }
        let now = clock.now()
        try await synchronizer.synchronize(now: now, interval: interval, store: store) { changes in
            self.apply(changes)
        }
        state.withLock { $0.lastSync = now }
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
///
/// Concurrent lookups that find a sync due queue here; the first does it, the others see it done
/// and return. The cursor advances batch by batch, so a failure midway does not re-apply batches.
actor StoreSynchronizer {
    private var cursor: SemanticCursor?
    private var lastSync: Timestamp?

    /// Reads and applies the changes after the cursor, unless `interval` is given and has not
    /// passed since the last synchronisation (a failed one counts: a failing store is not hammered).
    func synchronize(
        now: Timestamp, interval: Duration?, store: any SemanticStore,
        apply: @Sendable ([SemanticChange]) -> Void
    ) async throws {
        if let interval, let lastSync, now < lastSync.advanced(by: interval) { return }
        lastSync = now
        while true {
            let batch = try await store.changes(after: cursor)
            apply(batch.changes)
            let advanced = batch.cursor != cursor
            cursor = batch.cursor
            if !advanced || batch.changes.isEmpty { return }
        }
    }
}
