import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

@Suite("Semantic cache")
struct SemanticCacheTests {
    @Test("a rephrased question is answered from the earlier answer")
    func paraphraseHits() async throws {
        let fixture = SemanticFixture()
        try await fixture.remember("status of invoice 442", "paid")
        let found = try await fixture.cache.lookup(fixture.query("What's the status of invoice #442?"))
        #expect(fixture.answer(found.fresh) == "paid")
        #expect(found.fresh?.isExact == false)
        #expect((found.fresh?.similarity ?? 0) >= 0.6 && (found.fresh?.similarity ?? 1) < 1)
        #expect(found.fresh?.text == "status of invoice 442")
    }

    @Test("an exact text match (case and spacing aside) is answered without embedding")
    func exactMatchSkipsEmbedding() async throws {
        let fixture = SemanticFixture()
        try await fixture.remember("status of invoice 442", "paid")
        let before = fixture.embedder.embedded.count
        let found = try await fixture.cache.lookup(fixture.query("  Status of  INVOICE 442 "))
        #expect(fixture.answer(found.fresh) == "paid")
        #expect(found.fresh?.isExact == true && found.fresh?.similarity == 1)
        #expect(fixture.embedder.embedded.count == before)
        #expect(fixture.cache.statistics().exactHits == 1)
    }

    @Test("invoice 442 never answers invoice 443: the guard refuses and says why")
    func guardRefusesOtherNumber() async throws {
        let fixture = SemanticFixture()
        try await fixture.remember("status of invoice 442", "paid")
        let found = try await fixture.cache.lookup(fixture.query("status of invoice 443", threshold: 0.3))
        #expect(found.fresh == nil)
        #expect(found.rejections == [.identifiers])
        #expect(found.vector?.count == 512)  // handed back for the store step
        let statistics = fixture.cache.statistics()
        #expect(statistics.guardRejections == [.identifiers: 1])
        #expect(statistics.misses == 1)
    }

    @Test("another tool, tool version, other arguments or below the threshold: no match")
    func scopeOfAMatch() async throws {
        let fixture = SemanticFixture()
        try await fixture.remember("status of invoice 442", "paid", context: ["customer": "acme"])
        let text = "status of invoice 442"
        #expect(try await fixture.cache.lookup(fixture.query(text, context: ["customer": "acme"])).fresh != nil)
        #expect(try await fixture.cache.lookup(fixture.query(text, context: ["customer": "other"])).fresh == nil)
        #expect(try await fixture.cache.lookup(fixture.query(text, context: [:])).fresh == nil)
        let v2 = ToolID(name: "invoice_status", version: "2")
        #expect(
            try await fixture.cache.lookup(fixture.query(text, tool: v2, context: ["customer": "acme"])).fresh == nil)
        let other = ToolID(name: "order_status")
        #expect(
            try await fixture.cache.lookup(fixture.query(text, tool: other, context: ["customer": "acme"])).fresh == nil
        )
        let far = fixture.query(
            "invoice 442 payment state for customer", context: ["customer": "acme"], threshold: 0.99)
        #expect(try await fixture.cache.lookup(far).fresh == nil)
    }

    @Test("another namespace never sees the answer")
    func namespaces() async throws {
        let store = MemorySemanticStore()
        let tenantA = SemanticFixture(configuration: .init(namespace: "tenant-a"), store: store)
        let tenantB = SemanticFixture(configuration: .init(namespace: "tenant-b"), store: store)
        try await tenantA.remember("status of invoice 442", "paid")
        try await tenantB.cache.synchronize()
        #expect(try await tenantB.cache.lookup(tenantB.query("status of invoice 442")).fresh == nil)
        #expect(tenantB.cache.statistics().entries == 0)
    }

    @Test("past its TTL an answer is a miss, but served stale inside the stale window")
    func ttlAndStale() async throws {
        let fixture = SemanticFixture()
        let stale = SemanticCacheSettings(
            textField: "question", threshold: 0.6, ttl: .seconds(60), staleIfError: true, staleTTL: .seconds(600))
        try await fixture.remember("status of invoice 442", "paid", settings: stale)
        try await fixture.remember("weather in Paris", "sunny")
        fixture.clock.advance(by: .seconds(61))
        let expired = try await fixture.cache.lookup(fixture.query("what's the status of invoice 442"))
        #expect(expired.fresh == nil)
        #expect(fixture.answer(expired.stale) == "paid")
        let exactStale = try await fixture.cache.lookup(fixture.query("status of invoice 442"))
        #expect(exactStale.fresh == nil && fixture.answer(exactStale.stale) == "paid")
        // Without stale-if-error an expired answer is gone.
        #expect(try await fixture.cache.lookup(fixture.query("weather in Paris")).stale == nil)
        fixture.clock.advance(by: .seconds(600))
        #expect(try await fixture.cache.lookup(fixture.query("status of invoice 442")).stale == nil)
    }

    @Test("bounded: past maxEntries the least recently used answers are evicted")
    func lruEviction() async throws {
        let fixture = SemanticFixture(configuration: .init(maxEntries: 3))
        try await fixture.remember("weather in Paris", "sunny")
        try await fixture.remember("weather in Rome", "hot")
        try await fixture.remember("weather in Oslo", "cold")
        _ = try await fixture.cache.lookup(fixture.query("weather in Paris"))  // Paris is used; Rome is now oldest
        try await fixture.remember("weather in Lima", "mild")
        #expect(fixture.cache.statistics().entries == 3)
        #expect(fixture.cache.statistics().evictions == 1)
        #expect(try await fixture.cache.lookup(fixture.query("weather in Rome")).fresh == nil)
        #expect(try await fixture.cache.lookup(fixture.query("weather in Paris")).fresh != nil)
    }

    @Test("invalidation by tool and by tag")
    func invalidation() async throws {
        let fixture = SemanticFixture()
        let tagged = SemanticCacheSettings(textField: "question", threshold: 0.6, tags: ["billing"])
        try await fixture.remember("status of invoice 442", "paid", settings: tagged)
        try await fixture.remember("weather in Paris", "sunny", tool: ToolID(name: "weather"))
        #expect(try await fixture.cache.invalidate(.tag("billing")) == 1)
        #expect(try await fixture.cache.lookup(fixture.query("status of invoice 442")).fresh == nil)
        #expect(try await fixture.cache.invalidate(.tool("weather")) == 1)
        #expect(fixture.cache.statistics().entries == 0)
    }

    @Test("statistics: hits, misses, embeddings and the similarity histogram of hits")
    func statistics() async throws {
        let fixture = SemanticFixture()
        try await fixture.remember("status of invoice 442", "paid")
        let hit = try #require(try await fixture.cache.lookup(fixture.query("what is the status of invoice 442")).fresh)
        _ = try await fixture.cache.lookup(fixture.query("weather in Paris"))
        let statistics = fixture.cache.statistics()
        #expect((statistics.hits, statistics.misses, statistics.writes, statistics.entries) == (1, 1, 1, 1))
        #expect(statistics.embeddings == 2)
        let bucket = min(9, Int((hit.similarity - 0.5) / 0.05))
        #expect(statistics.hitSimilarity[bucket] == 1)
        #expect(statistics.hitSimilarity.reduce(0, +) == 1)
    }

    @Test("a failing embedder throws from lookup and is counted")
    func embedderFailure() async throws {
        let fixture = SemanticFixture()
        fixture.embedder.fail(with: EmbeddingError(code: .unavailable, embedder: "hashing", message: "down"))
        await #expect(throws: EmbeddingError.self) { try await fixture.cache.lookup(fixture.query("anything")) }
        #expect(fixture.cache.statistics().embeddingFailures == 1)
    }
}

@Suite("Semantic cache embedding memo")
struct SemanticCacheMemoTests {
    @Test("a text asked again after a failed call is not embedded twice")
    func sameTextEmbeddedOnce() async throws {
        let counting = CountingEmbedder()
        let cache = SemanticCache(embedder: counting)
        let ask = SemanticQuery(tool: ToolID(name: "faq"), text: "how do I reset my password", threshold: 0.8)
        _ = try await cache.lookup(ask)  // a miss; suppose the live call then failed: nothing stored
        _ = try await cache.lookup(ask)
        #expect(counting.embedded == ["how do I reset my password"])
        #expect(cache.embedder is CachingEmbedder<CountingEmbedder>)
        let unmemoised = SemanticCache(embedder: counting, configuration: .init(embeddingMemo: 0))
        #expect(unmemoised.embedder is CountingEmbedder)
        #expect(SemanticCache(embedder: HashingEmbedder()).embedder is HashingEmbedder)
    }
}
