import ToolOpsSemantic

/// A cache's steady state: 10,000 entries, each removed (expired) and replaced by a new one.
///
/// Runs the churn through `HNSWIndex` and `FlatVectorIndex` side by side, then searches with
/// paraphrases of the new vectors. `max_write_ms` is the slowest single remove or insert on the
/// graph (a rebuild would show there, holding the write lock); `hnsw_recall_at_1` is measured
/// against the flat index after the churn, so it shows whether replaced nodes degrade the graph.
enum SemanticChurnScenario {
    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let count = 10_000
        let queryCount = workload.iterations(full: 1_000, quick: 100)
        let before = SemanticDataset(count: count, queries: 0)
        let after = SemanticDataset(count: count, queries: queryCount, seed: 0xC4_0124)
        let flat = try FlatVectorIndex(dimensions: SemanticDataset.dimensions)
        let hnsw = try HNSWIndex(dimensions: SemanticDataset.dimensions)
        for (id, vector) in before.vectors.enumerated() {
            try flat.insert(id: UInt64(id), vector: vector)
            try hnsw.insert(id: UInt64(id), vector: vector)
        }

        var slowest: UInt64 = 0
        let start = MonotonicClock.now()
        for (offset, vector) in after.vectors.enumerated() {
            let writeStart = MonotonicClock.now()
            hnsw.remove(id: UInt64(offset))
            try hnsw.insert(id: UInt64(count + offset), vector: vector)
            slowest = max(slowest, MonotonicClock.elapsed(since: writeStart))
            flat.remove(id: UInt64(offset))
            try flat.insert(id: UInt64(count + offset), vector: vector)
        }
        let churnNanoseconds = MonotonicClock.elapsed(since: start)

        var agreeing = 0
        var flatSamples = LatencySamples(capacity: queryCount)
        var hnswSamples = LatencySamples(capacity: queryCount)
        for query in after.queries {
            let flatStart = MonotonicClock.now()
            let exact = try flat.search(query, k: 1, minimumScore: SemanticDataset.minimumScore).first?.id
            flatSamples.record(MonotonicClock.elapsed(since: flatStart))
            let hnswStart = MonotonicClock.now()
            let approximate = try hnsw.search(query, k: 1, minimumScore: SemanticDataset.minimumScore).first?.id
            hnswSamples.record(MonotonicClock.elapsed(since: hnswStart))
            if exact == approximate { agreeing += 1 }
        }

        var result = BenchmarkResult(scenario: "semantic_churn_10k", target: "recall>=0.95", iterations: count)
        result.latency = hnswSamples.summary()
        result.wallNanoseconds = churnNanoseconds
        result.entries = hnsw.count
        let recall = Double(agreeing) / Double(queryCount)
        result.extra.add("flat_p50_us", flatSamples.summary().p50Microseconds, decimals: 3)
        result.extra.add("hnsw_recall_at_1", recall, decimals: 4)
        result.extra.add("max_write_ms", Double(slowest) / 1e6, decimals: 3)
        result.targetMet = recall >= 0.95
        result.note =
            "every entry of a 10k HNSWIndex removed and replaced (wall_ms: remove+insert on both indexes); "
            + "p50_us is HNSW search after the churn, recall against the flat index"
        return [result]
    }
}
