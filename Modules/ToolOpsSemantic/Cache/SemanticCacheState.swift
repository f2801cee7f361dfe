import ToolOpsCore

/// An answer held in memory: its record (vector left in the index) and its guard signature.
struct HeldAnswer {
    var record: SemanticRecord
    let signature: TextSignature
    let exactKey: String
    var lastUsed: UInt64
}

/// The answers of one partition: their vectors, and their texts for exact matches.
struct SemanticPartition {
    let index: VectorIndex
    var exact: [String: UInt64] = [:]
}

/// Everything a ``SemanticCache`` holds in memory, guarded by its mutex.
struct SemanticCacheState {
    var answers: [UInt64: HeldAnswer] = [:]
    var partitions: [String: SemanticPartition] = [:]
    var tick: UInt64 = 0
    var statistics = SemanticCacheStatistics()
    var lastSync: Timestamp?

    /// Adds `record` (whose vector goes into its partition's index); returns the ids evicted to
    /// stay within `maxEntries`, or `nil` when the vector was refused.
    mutating func add(
        _ record: SemanticRecord, makeIndex: () throws(VectorIndexError) -> VectorIndex, maxEntries: Int
    ) -> [UInt64]? {
        if answers[record.id] != nil { return [] }
        var partition: SemanticPartition
        if let existing = partitions[record.partition] {
            partition = existing
        } else {
            guard let index = try? makeIndex() else { return nil }
            partition = SemanticPartition(index: index)
        }
        do {
            try partition.index.insert(id: record.id, vector: record.vector)
        } catch {
            return nil
        }
        let exactKey = SemanticCache.exactKey(record.text)
        partition.exact[exactKey] = record.id
        partitions[record.partition] = partition
        tick += 1
        var held = record
        held.vector = []  // the index keeps the vector; no second copy
        answers[record.id] = HeldAnswer(
            record: held, signature: TextSignature(record.text), exactKey: exactKey, lastUsed: tick)
        return answers.count > maxEntries ? evict(down: maxEntries) : []
    }

    /// Removes an answer; returns whether it was held.
    @discardableResult
    mutating func remove(_ id: UInt64) -> Bool {
        guard let held = answers.removeValue(forKey: id) else { return false }
        let key = held.record.partition
        guard var partition = partitions[key] else { return true }
        partition.index.remove(id: id)
        if partition.exact[held.exactKey] == id { partition.exact[held.exactKey] = nil }
        partitions[key] = partition.index.count == 0 ? nil : partition
        return true
    }

    /// Removes the answers in `scope`; returns their ids.
    mutating func invalidate(_ scope: CacheScope) -> [UInt64] {
        let ids = answers.values.filter { held in
            switch scope {
            case .all: true
            case .tool(let name): held.record.tool.name == name
            case .tag(let tag): held.record.tags.contains(tag)
            }
        }.map(\.record.id)
        for id in ids { remove(id) }
        return ids
    }

    /// Evicts the least recently used answers, a batch at a time (1 % of the bound), so eviction
    /// costs one scan per batch rather than per insert.
    private mutating func evict(down maxEntries: Int) -> [UInt64] {
        let batch = max(1, maxEntries / 100) + (answers.count - maxEntries - 1)
        let victims = answers.values.sorted { $0.lastUsed < $1.lastUsed }.prefix(batch).map(\.record.id)
        for id in victims { remove(id) }
        statistics.evictions += victims.count
        return victims
    }

    /// Marks an answer as used now, for LRU eviction.
    mutating func touch(_ id: UInt64) {
        tick += 1
        answers[id]?.lastUsed = tick
    }
}
