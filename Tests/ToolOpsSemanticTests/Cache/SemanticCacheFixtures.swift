import Synchronization
import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

/// The hashing embedder, counting the texts it embeds (and failing on demand).
final class CountingEmbedder: Embedder {
    let base = HashingEmbedder()
    private let state = Mutex<(texts: [String], failure: EmbeddingError?)>(([], nil))

    var identifier: String { base.identifier }
    var dimensions: Int { base.dimensions }
    var embedded: [String] { state.withLock { $0.texts } }

    func fail(with error: EmbeddingError?) { state.withLock { $0.failure = error } }

    func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        let failure = state.withLock { state -> EmbeddingError? in
            if state.failure == nil { state.texts.append(contentsOf: texts) }
            return state.failure
        }
        if let failure { throw failure }
        return texts.map(base.vector(for:))
    }
}

struct SemanticFixture {
    let clock: ManualClock
    let embedder = CountingEmbedder()
    let cache: SemanticCache
    let tool = ToolID(name: "invoice_status")
    let settings = SemanticCacheSettings(textField: "question", threshold: 0.6, ttl: .seconds(60))

    init(
        configuration: SemanticCache.Configuration = SemanticCache.Configuration(), store: (any SemanticStore)? = nil,
        clock: ManualClock = ManualClock()
    ) {
        self.clock = clock
        cache = SemanticCache(embedder: embedder, store: store, configuration: configuration, clock: clock)
    }

    func query(_ text: String, tool: ToolID? = nil, context: JSONValue = [:], threshold: Double = 0.6) -> SemanticQuery
    {
        SemanticQuery(tool: tool ?? self.tool, text: text, context: context, threshold: threshold)
    }

    /// Stores `answer` for `text` and returns the id.
    @discardableResult
    func remember(
        _ text: String, _ answer: String, tool: ToolID? = nil, context: JSONValue = [:],
        settings: SemanticCacheSettings? = nil
    ) async throws -> UInt64 {
        try #require(
            try await cache.store(
                query(text, tool: tool, context: context), vector: nil,
                value: JSONValue.string(answer).canonicalBytes(), settings: settings ?? self.settings))
    }

    func answer(_ match: SemanticMatch?) -> String? {
        match.flatMap { try? JSONValue(parsing: $0.value).stringValue }
    }
}
