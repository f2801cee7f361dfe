import ToolOps

/// `hashing_embed_short`: the built-in embedder on a short query; and `semantic_cache_hit`, a
/// rephrased question answered by a `SemanticCache` of 10,000 answers (embedding, partition
/// search, guards) — the whole lookup a semantic hit costs.
enum HashingEmbedScenario {
    static let query = "What's the status of invoice #442?"

    static func embed(_ workload: Workload) async throws -> BenchmarkResult {
        let iterations = workload.iterations(full: 100_000, quick: 10_000)
        let embedder = HashingEmbedder()
        var sink: Float = 0
        let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
            sink += embedder.vector(for: query)[0]
        }
        var result = BenchmarkResult(scenario: "hashing_embed_short", target: "p50 reported", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.note = "\(query.count)-character query, \(embedder.dimensions) dimensions (checksum \(sink.isFinite))"
        return result
    }

    static func cacheHit(_ workload: Workload) async throws -> BenchmarkResult {
        let iterations = workload.iterations(full: 5_000, quick: 200)
        let cache = SemanticCache(embedder: HashingEmbedder())
        let settings = SemanticCacheSettings(textField: "question", threshold: 0.8)
        let tool = ToolID(name: "invoice_status")
        for number in 0..<10_000 {
            let text = "status of invoice \(number) for customer \(number % 97)"
            _ = try await cache.store(
                SemanticQuery(tool: tool, text: text, threshold: 0.8), vector: nil, value: Array("\"paid\"".utf8),
                settings: settings)
        }
        let ask = SemanticQuery(tool: tool, text: "What is the status of invoice #442 for customer 54?", threshold: 0.8)
        guard try await cache.lookup(ask).fresh != nil else {
            throw ScenarioFailure("the rephrased question did not hit; the scenario measures a hit")
        }
        let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
            _ = try await cache.lookup(ask)
        }
        var result = BenchmarkResult(scenario: "semantic_cache_hit", target: "p50 reported", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.note = "10,000 answers in one partition; hashing embedder, guards on, threshold 0.8"
        return result
    }
}
