/// One named measurement the benchmark can run.
struct Scenario: Sendable {
    /// The name `--scenario` selects it by, and the `scenario` field of its JSON line.
    let name: String
    /// Runs the measurement; most scenarios produce one result, some add a variant for comparison.
    let run: @Sendable (Workload) async throws -> [BenchmarkResult]
}

extension Scenario {
    /// Every scenario, in the order a full run prints them.
    static let all: [Scenario] = [
        Scenario(name: "bare_call") { try await [SequentialScenarios.bareCall($0)] },
        Scenario(name: "memory_hit") { try await [SequentialScenarios.memoryHit($0)] },
        Scenario(name: "memory_hit_telemetry") { try await [TelemetryScenarios.memoryHitTelemetry($0)] },
        Scenario(name: "memory_hit_logged") { try await [TelemetryScenarios.memoryHitLogged($0)] },
        Scenario(name: "memory_hit_concurrent") { try await [ConcurrentHitScenario.run($0)] },
        Scenario(name: "memory_miss") { try await [SequentialScenarios.memoryMiss($0)] },
        Scenario(name: "circuit_open_reject") { try await CircuitOpenScenario.run($0) },
        Scenario(name: "coalesce_50") { try await [CoalesceScenario.run(callers: 50, $0)] },
        Scenario(name: "coalesce_1000") { try await [CoalesceScenario.run(callers: 1_000, $0)] },
        Scenario(name: "coalesce_10000") { try await [CoalesceScenario.run(callers: 10_000, $0)] },
        Scenario(name: "memory_bounded") { try await MemoryBoundedScenario.run($0) },
        Scenario(name: "schema_export") { try await [SchemaExportScenario.run($0)] },
        // Spawns toolops-example-server from the same build folder.
        Scenario(name: MCPRoundTripScenario.name) { try await MCPRoundTripScenario.run($0) },
        // Semantic cache: the built-in embedder, a whole semantic hit, then the vector index alone.
        Scenario(name: "hashing_embed_short") { try await [HashingEmbedScenario.embed($0)] },
        Scenario(name: "semantic_cache_hit") { try await [HashingEmbedScenario.cacheHit($0)] },
        Scenario(name: "semantic_lookup_1k") {
            try await SemanticLookupScenario.run(count: 1_000, target: "p50<=1ms", targetMicroseconds: 1_000, $0)
        },
        Scenario(name: "semantic_lookup_10k") {
            try await SemanticLookupScenario.run(count: 10_000, target: "p50<=1ms", targetMicroseconds: 1_000, $0)
        },
        Scenario(name: "semantic_lookup_100k") {
            try await SemanticLookupScenario.run(count: 100_000, target: "p50<=10ms", targetMicroseconds: 10_000, $0)
        },
        Scenario(name: "semantic_insert_10k") { try await SemanticInsertScenario.run($0) },
        Scenario(name: "semantic_churn_10k") { try await SemanticChurnScenario.run($0) },
        // The native MiniLM embedder (make model, or TOOLOPS_MINILM_PATH; each prints a `skipped` line without it).
        Scenario(name: "minilm_embed_short") { try await MiniLMEmbedScenario.short($0) },
        Scenario(name: "minilm_embed_batch32") { try await MiniLMEmbedScenario.batch32($0) },
        Scenario(name: MiniLMResidentMemoryScenario.name) { try await MiniLMResidentMemoryScenario.run($0) },
        // PostgreSQL (TOOLOPS_POSTGRES_URL; each prints a `skipped` line without it).
        Scenario(name: RawSelectScenario.name) { try await RawSelectScenario.run($0) },
        Scenario(name: GetHitScenario.name) { try await GetHitScenario.run($0) },
        Scenario(name: SetScenario.name) { try await SetScenario.run($0) },
        Scenario(name: ConcurrentPostgresHitScenario.name) { try await ConcurrentPostgresHitScenario.run($0) },
        Scenario(name: CrossProcessCoalesceScenario.name) { try await CrossProcessCoalesceScenario.run($0) },
        Scenario(name: IOModelScenario.name) { try await IOModelScenario.run($0) },
    ]

    /// Scenarios run only when named: they explain the figures rather than state them.
    static let diagnostics: [Scenario] = [
        Scenario(name: "breakdown") { try await BreakdownScenario.run($0) },
        Scenario(name: "telemetry_breakdown") { try await TelemetryScenarios.breakdown($0) },
    ]

    /// The scenario called `name`, from either list.
    static func named(_ name: String) -> Scenario? {
        (all + diagnostics).first { $0.name == name }
    }
}
