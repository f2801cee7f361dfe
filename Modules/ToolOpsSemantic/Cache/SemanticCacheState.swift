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

    /// What ``add(_:makeIndex:maxEntries:)`` did.
    enum Addition {
        /// Held now; `replaced` is the earlier answer to the same text in the partition (removed),
        /// `evicted` the least recently used answers dropped to stay within the bound.
        case added(replaced: UInt64?, evicted: [UInt64])
        /// This id is held already (an answer coming back through the store).
        case alreadyHeld
        /// The index refused the vector (wrong length, not finite, or all zeros).
        case refused(VectorIndexError)
    }

    /// Adds `record`, whose vector goes into its partition's index, replacing an earlier answer to
    /// the same text in that partition.
    mutating func add(
        _ record: SemanticRecord, makeIndex: () throws(VectorIndexError) -> VectorIndex, maxEntries: Int
    ) -> Addition {
        if answers[record.id] != nil { return .alreadyHeld }
        let key = record.partition
        if partitions[key] == nil {
            do {
                partitions[key] = SemanticPartition(index: try makeIndex())
            } catch {
                return .refused(error)
            }
        }
        // Mutated in place through the dictionary: a local copy would copy `exact` on every insert.
        do {
            try partitions[key]!.index.insert(id: record.id, vector: record.vector)
        } catch {
            if partitions[key]!.index.count == 0 { partitions[key] = nil }
            return .refused(error)
        }
        let exactKey = SemanticCache.exactKey(record.text)
        let replaced = partitions[key]!.exact[exactKey]
        if let replaced { remove(replaced) }
        partitions[key]!.exact[exactKey] = record.id
        tick += 1
        var held = record
        held.vector = []  // the index keeps the vector; no second copy
        answers[record.id] = HeldAnswer(
            record: held, signature: TextSignature(record.text), exactKey: exactKey, lastUsed: tick)
        return .added(replaced: replaced, evicted: answers.count > maxEntries ? evict(down: maxEntries) : [])
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
