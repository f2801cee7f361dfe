import ToolOpsSemantic

/// `minilm_embed_short`: one short query through `MiniLMEmbedder` — tokenizer, encoder (one
/// thread) and the hop to its inference queue; `minilm_embed_batch32`: 32 sentences in one call,
/// as sentences per second.
enum MiniLMEmbedScenario {
    static func short(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "p50<=15ms"
        return try await MiniLMBench.run("minilm_embed_short", target: target) { directory in
            let embedder = try MiniLMEmbedder(path: directory)
            let iterations = workload.iterations(full: 300, quick: 20)
            var sink: Float = 0
            let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
                sink += try await embedder.embed([MiniLMBench.shortText])[0][0]
            }
            var result = BenchmarkResult(scenario: "minilm_embed_short", target: target, iterations: iterations)
            result.latency = latency
            result.reportsP90 = true
            result.operationsPerSecond = latency.operationsPerSecond
            result.targetMet = latency.p50 <= 15_000_000
            result.note =
                "\"\(MiniLMBench.shortText)\" (\(embedder.tokenIDs([MiniLMBench.shortText])[0].count) tokens), "
                + "tokenizer included, one thread; PyTorch single thread: 13.6 ms (checksum \(sink.isFinite))"
            return [result]
        }
    }

    static func batch32(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "sentences/s reported"
        return try await MiniLMBench.run("minilm_embed_batch32", target: target) { directory in
            let embedder = try MiniLMEmbedder(path: directory)
            let iterations = workload.iterations(full: 30, quick: 3)
            var sink: Float = 0
            let latency = try await Harness.latency(warmup: max(iterations / 10, 1), iterations: iterations) { _ in
                sink += try await embedder.embed(MiniLMBench.batchTexts)[31][0]
            }
            let sentences = MiniLMBench.batchTexts.count
            let tokens = embedder.tokenIDs(MiniLMBench.batchTexts).reduce(0) { $0 + $1.count }
            var result = BenchmarkResult(scenario: "minilm_embed_batch32", target: target, iterations: iterations)
            result.latency = latency
            result.operationsPerSecond = latency.operationsPerSecond * Double(sentences)
            result.note =
                "\(sentences) sentences (\(tokens) tokens) per call, tokenizer included, one thread; p50_us per call, "
                + "ops_per_s in sentences (checksum \(sink.isFinite))"
            return [result]
        }
    }
}
