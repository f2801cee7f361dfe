import ToolOpsSemantic

/// One semantic-cache lookup without the embedding: top-1 search of a 384-dimension query with a
/// 0.9 threshold, at 1k, 10k and 100k stored vectors.
///
/// Both indexes are measured on the same data and queries. `p50_us` is the index `VectorIndex`
/// uses at that size with its default threshold (named in `index`); `flat_p50_us` and
/// `hnsw_p50_us` are each index's own figure, and `hnsw_recall_at_1` is the share of queries on
/// which HNSW's best match is the exact best match.
enum SemanticLookupScenario {
    static func run(
        count: Int, target: String, targetMicroseconds: Double, _ workload: Workload
    ) async throws
        -> [BenchmarkResult]
    {
        let queryCount = workload.iterations(full: count >= 100_000 ? 200 : 1_000, quick: 50)
        let data = SemanticDataset(count: count, queries: queryCount)
        let flat = try FlatVectorIndex(dimensions: SemanticDataset.dimensions)
        let hnsw = try HNSWIndex(dimensions: SemanticDataset.dimensions)
        for (id, vector) in data.vectors.enumerated() { try flat.insert(id: UInt64(id), vector: vector) }
        let buildStart = MonotonicClock.now()
        for (id, vector) in data.vectors.enumerated() { try hnsw.insert(id: UInt64(id), vector: vector) }
        let buildNanoseconds = MonotonicClock.elapsed(since: buildStart)

        var exact: [UInt64?] = []
        let flatLatency = try await Harness.latency(warmup: 5, iterations: queryCount) { index in
            let best = try flat.search(
                data.queries[index % queryCount], k: 1, minimumScore: SemanticDataset.minimumScore)
            if index >= 5 { exact.append(best.first?.id) }
        }
        var approximate: [UInt64?] = []
        let hnswLatency = try await Harness.latency(warmup: 5, iterations: queryCount) { index in
            let best = try hnsw.search(
                data.queries[index % queryCount], k: 1, minimumScore: SemanticDataset.minimumScore)
            if index >= 5 { approximate.append(best.first?.id) }
        }
        let agreeing = zip(exact, approximate).filter { $0 == $1 }.count
        let hits = exact.compactMap { $0 }.count
        let settings = hnsw.configuration
        let usesHNSW = count > VectorIndex.Configuration().approximateThreshold
        let latency = usesHNSW ? hnswLatency : flatLatency

        var result = BenchmarkResult(
            scenario: "semantic_lookup_\(count / 1_000)k", target: target, iterations: queryCount)
        result.latency = latency
        result.entries = count
        result.extra.add("index", usesHNSW ? "hnsw" : "flat")
        result.extra.add("flat_p50_us", flatLatency.p50Microseconds, decimals: 3)
        result.extra.add("hnsw_p50_us", hnswLatency.p50Microseconds, decimals: 3)
        result.extra.add("hnsw_recall_at_1", Double(agreeing) / Double(max(exact.count, 1)), decimals: 4)
        result.extra.add("hnsw_build_ms", Double(buildNanoseconds) / 1e6, decimals: 1)
        result.targetMet = latency.p50Microseconds <= targetMicroseconds
        result.note =
            "384-d clustered vectors, paraphrase queries, top-1 with minimumScore 0.9 (\(hits)/\(exact.count) hits); "
            + "p50 is VectorIndex's choice at this size (flat up to \(VectorIndex.Configuration().approximateThreshold)); "
            + "HNSW m \(settings.m), efConstruction \(settings.efConstruction), efSearch \(settings.efSearch)"
        return [result]
    }
}
