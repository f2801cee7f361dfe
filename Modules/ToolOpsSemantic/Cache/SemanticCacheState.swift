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
        let key = record.partition
        if partitions[key] == nil {
            guard let index = try? makeIndex() else { return nil }
            partitions[key] = SemanticPartition(index: index)
        }
        // Mutated in place through the dictionary: a local copy would copy `exact` on every insert.
        do {
            try partitions[key]!.index.insert(id: record.id, vector: record.vector)
        } catch {
            if partitions[key]!.index.count == 0 { partitions[key] = nil }
            return nil
        }
        let exactKey = SemanticCache.exactKey(record.text)
        partitions[key]!.exact[exactKey] = record.id
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
        guard let index = partitions[key]?.index else { return true }
        index.remove(id: id)
        if index.count == 0 {
            partitions[key] = nil
        } else if partitions[key]!.exact[held.exactKey] == id {
            partitions[key]!.exact[held.exactKey] = nil
        }
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
