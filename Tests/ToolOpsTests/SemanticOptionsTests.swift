import Testing
import ToolOps
import ToolOpsTesting

@Suite("ReadOnlyOptions(semantic:)")
struct SemanticOptionsTests {
    struct Ask: Codable, Sendable { var question: String }

    func makeTool(
        _ runtime: ToolRuntime, cache: SemanticCache, runs: Counter, threshold: Double = 0.6
    ) throws
        -> Tool<Ask, String>
    {
        try runtime.readonly(
            "faq",
            options: ReadOnlyOptions(
                cache: .disabled, tags: ["faq"],
                semantic: SemanticCaching(cache: cache, textField: "question", threshold: threshold))
        ) { (ask: Ask) in
            runs.increment()
            return "answer to \(ask.question)"
        }
    }

    @Test("a runtime tool answers rephrasings from its semantic cache, and the runtime invalidates it")
    func runtimeTool() async throws {
        let clock = ManualClock()
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: clock), stores: CacheStoreRegistry())
        let cache = SemanticCache(embedder: HashingEmbedder(), clock: clock)
        let runs = Counter()
        let faq = try makeTool(runtime, cache: cache, runs: runs)
        _ = try await faq(Ask(question: "how do I reset my password"))
        #expect(try await faq(Ask(question: "How do I reset my password?")) == "answer to how do I reset my password")
        #expect(runs.value == 1)
        #expect(try await runtime.invalidate(tag: "faq") == 1)
        _ = try await faq(Ask(question: "how do I reset my password"))
        #expect(runs.value == 2)
        #expect(try await runtime.invalidate(toolNamed: "faq") == 1)
        #expect(cache.statistics().entries == 0)
    }

    @Test("runtime.invalidate(tool, input:) removes the semantic answer to exactly that question")
    func invalidateOneInput() async throws {
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: ManualClock()), stores: CacheStoreRegistry())
        let cache = SemanticCache(embedder: HashingEmbedder())
        let runs = Counter()
        let faq = try makeTool(runtime, cache: cache, runs: runs)
        _ = try await faq(Ask(question: "how do I reset my password"))
        #expect(try await runtime.invalidate(faq, input: Ask(question: "How do I reset my password")))
        _ = try await faq(Ask(question: "how do I reset my password"))
        #expect(runs.value == 2)
    }

    @Test("a fallback's value is never stored as an answer; a similar stale answer comes before the fallback")
    func fallbackNotCached() async throws {
        let clock = ManualClock()
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: clock), stores: CacheStoreRegistry())
        let cache = SemanticCache(embedder: HashingEmbedder(), clock: clock)
        let failing = Flag()
        let faq = try runtime.readonly(
            "faq",
            options: ReadOnlyOptions(
                cache: .disabled, ttl: .seconds(60), staleIfError: true, retries: 0,
                semantic: SemanticCaching(cache: cache, textField: "question", threshold: 0.6)),
            fallback: { _, _, _ in "FALLBACK" }
        ) { (ask: Ask) in
            if failing.value { throw ToolError(code: .upstream, message: "down") }
            return "answer to \(ask.question)"
        }
        failing.set(true)
        #expect(try await faq(Ask(question: "opening hours on sunday")) == "FALLBACK")
        failing.set(false)
        #expect(try await faq(Ask(question: "opening hours on sunday")) == "answer to opening hours on sunday")
        clock.advance(by: .seconds(120))
        failing.set(true)
        #expect(
            try await faq(Ask(question: "what are the opening hours on sunday")) == "answer to opening hours on sunday")
    }

    @Test("a sensitive text field is refused: its text would be stored as typed")
    func sensitiveTextField() throws {
        struct Login: Codable, Sendable { var password: String }
        let runtime = ToolRuntime(stores: CacheStoreRegistry())
        let cache = SemanticCache(embedder: HashingEmbedder())
        #expect {
            _ = try runtime.readonly(
                "login",
                options: ReadOnlyOptions(
                    cache: .disabled, semantic: SemanticCaching(cache: cache, textField: "password", threshold: 0.8))
            ) { (login: Login) in login.password.count }
        } throws: { error in
            (error as? ToolError)?.field == "textField"
        }
    }

    @Test("a threshold outside 0…1 is refused when the tool is built, naming the field")
    func invalidThreshold() throws {
        let runtime = ToolRuntime(stores: CacheStoreRegistry())
        let cache = SemanticCache(embedder: HashingEmbedder())
        #expect {
            _ = try makeTool(runtime, cache: cache, runs: Counter(), threshold: 1.5)
        } throws: { error in
            (error as? ToolError)?.field == "threshold" && (error as? ToolError)?.code == .misconfigured
        }
    }
}
