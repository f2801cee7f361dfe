import Synchronization
import ToolOpsCore

extension SemanticCache {
    /// Stores `value` as the answer to `query`, under `settings`' TTL, stale window and tags, and
    /// writes it to the store; returns the record's id.
    ///
    /// Pass the ``SemanticLookup/vector`` of the lookup that missed, so the text is not embedded
    /// again; without one the text is embedded here.
    ///
    /// - Throws: ``EmbeddingError`` when the text must be embedded and cannot be. A store failure
    ///   is not thrown: the answer stays in memory and ``SemanticCacheStatistics/storeErrors`` counts it.
    @discardableResult
    public func store(
        _ query: SemanticQuery, vector: [Float]?, value: [UInt8], settings: SemanticCacheSettings
    ) async throws(EmbeddingError) -> UInt64 {
        let embedded: [Float]
        if let vector {
            embedded = vector
        } else {
            embedded = try await embedder.embed(query.text)
        }
        let now = clock.now()
        let expiresAt = now.advanced(by: settings.ttl)
        let record = SemanticRecord(
            id: newID(), tool: query.tool, namespace: configuration.namespace, partition: partition(of: query),
            text: query.text, vector: embedded, value: value, tags: settings.tags, storedAt: now, expiresAt: expiresAt,
            staleUntil: settings.staleIfError ? expiresAt.advanced(by: settings.staleTTL) : expiresAt)
        let evicted = add(record)
        if let store {
            do {
                try await store.insert(record)
                if !evicted.isEmpty { try await store.remove(ids: evicted) }
            } catch {
                state.withLock { $0.statistics.storeErrors += 1 }
            }
        }
        return record.id
    }

    /// Removes the answers in `scope` here and in the store; returns how many were held here.
    ///
    /// - Throws: the store's error; the answers are removed from memory even then.
    @discardableResult
    public func invalidate(_ scope: CacheScope) async throws -> Int {
        let removed = state.withLock { $0.invalidate(scope) }.count
        if let store { _ = try await store.invalidate(scope) }
        return removed
    }

    /// Adds a record to memory; returns the ids evicted to stay within the bound.
    func add(_ record: SemanticRecord) -> [UInt64] {
        state.withLock { state in
            guard let evicted = state.add(record, makeIndex: makeIndex, maxEntries: configuration.maxEntries) else {
                return []
            }
            if state.answers[record.id] != nil { state.statistics.writes += 1 }
            return evicted
        }
    }
}
