import Synchronization
import ToolOpsCore

extension SemanticCache {
    /// Stores `value` as the answer to `query`, under `settings`' TTL, stale window and tags, and
    /// writes it to the store; returns the record's id, or `nil` when the text's vector cannot be
    /// indexed (a text without words embeds to all zeros, which matches nothing): then nothing is
    /// stored.
    ///
    /// An earlier answer to the same text (trimmed, case-folded) with the same other arguments is
    /// replaced, here and in the store. Pass the ``SemanticLookup/vector`` of the lookup that
    /// missed, so the text is not embedded again; without one the text is embedded here.
    ///
    /// - Throws: ``EmbeddingError`` when the text must be embedded and cannot be, or the embedder
    ///   returned a vector of the wrong length. A store failure is not thrown: the answer stays in
    ///   memory and ``SemanticCacheStatistics/storeErrors`` counts it.
    @discardableResult
    public func store(
        _ query: SemanticQuery, vector: [Float]?, value: [UInt8], settings: SemanticCacheSettings
    ) async throws(EmbeddingError) -> UInt64? {
        let embedded: [Float]
        if let vector {
            embedded = vector
        } else {
            embedded = try await embedder.embed(query.text)
        }
        let now = clock.now()
        let expiresAt = now.advanced(by: settings.ttl)
        var record = SemanticRecord(
            id: 0, tool: query.tool, namespace: configuration.namespace, partition: partition(of: query),
            text: query.text, vector: embedded, value: value, tags: settings.tags, storedAt: now, expiresAt: expiresAt,
            staleUntil: settings.staleIfError ? expiresAt.advanced(by: settings.staleTTL) : expiresAt)
        var addition = SemanticCacheState.Addition.alreadyHeld
        while case .alreadyHeld = addition {  // an id already held (a collision): draw again
            record.id = Self.newID()
            addition = add(record)
        }
        let replaced: UInt64?
        switch addition {
        case .added(let earlier, _): replaced = earlier
        case .alreadyHeld: replaced = nil
        case .refused(let error):
            guard error.code == .dimensionMismatch else { return nil }
            throw EmbeddingError(
                code: .invalidResponse, embedder: embedder.identifier,
                message: "\(error.message); the embedder's dimensions do not match its vectors")
        }
        // Evictions stay local: the memory bound is this process's; the shared store keeps the
        // answers other processes may still use (TTL, compaction and sweeps bound it).
        if let store {
            do {
                try await store.insert(record)
                if let replaced { try await store.remove(ids: [replaced]) }
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

    /// Adds a record to memory.
    func add(_ record: SemanticRecord) -> SemanticCacheState.Addition {
        state.withLock { state in
            let addition = state.add(record, makeIndex: makeIndex, maxEntries: configuration.maxEntries)
            if case .added = addition { state.statistics.writes += 1 }
            return addition
        }
    }

    /// Removes the answer to exactly this question (its text trimmed and case-folded, with the same
    /// tool and other arguments), here and in the store; returns whether one was held.
    ///
    /// - Throws: the store's error; the answer is removed from memory even then.
    @discardableResult
    public func remove(_ query: SemanticQuery) async throws -> Bool {
        let partition = partition(of: query)
        let key = Self.exactKey(query.text)
        let removed = state.withLock { state -> UInt64? in
            guard let id = state.partitions[partition]?.exact[key], state.remove(id) else { return nil }
            return id
        }
        guard let removed else { return false }
        if let store { try await store.remove(ids: [removed]) }
        return true
    }
}
