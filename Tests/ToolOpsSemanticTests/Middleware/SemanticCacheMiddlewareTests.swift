import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

struct InvoiceQuestion: Codable, Sendable {
    var question: String
    var customer: String
    var apiToken: String?
}

struct InvoiceAnswer: Codable, Sendable, Equatable {
    var answer: String
}

/// A read-only tool with only the semantic cache in its pipeline, counting its body's runs.
struct SemanticToolFixture {
    let semantic = SemanticFixture()
    let observer = RecordingObserver()
    let runs = Counter()
    let failing = Counter()  // > 0: the body throws
    let tool: Tool<InvoiceQuestion, InvoiceAnswer>

    init(staleIfError: Bool = false, effect: ToolEffect = .readOnly) throws {
        var pipeline = ToolPipeline<InvoiceQuestion, InvoiceAnswer>()
        let settings = SemanticCacheSettings(
            textField: "question", threshold: 0.6, ttl: .seconds(60), staleIfError: staleIfError,
            staleTTL: .seconds(600))
        pipeline.add(SemanticCacheMiddleware(cache: semantic.cache, settings: settings), at: .semanticCache)
        let runs = runs
        let failing = failing
        tool = try Tool(
            ToolDescriptor(name: "invoice_status", effect: effect),
            environment: ToolEnvironment(clock: semantic.clock, observer: observer), pipeline: pipeline
        ) { question in
            runs.increment()
            if failing.value > 0 { throw ToolError(code: .upstream, message: "billing is down") }
            return InvoiceAnswer(answer: "answer #\(runs.value) to \(question.question)")
        }
    }

    func stores() -> [String] {
        observer.events.compactMap { event in
            switch event.kind {
            case .cacheHit(let store): "hit:\(store)"
            case .cacheMiss(let store): "miss:\(store)"
            case .cacheWritten(let store, _): "written:\(store)"
            case .staleServed(let store, _): "stale:\(store)"
            case .cacheError(let store, _): "error:\(store)"
            default: nil
            }
        }
    }
}

@Suite("Semantic cache middleware")
struct SemanticCacheMiddlewareTests {
    @Test("a rephrased question with the same other arguments skips the tool body")
    func hitSkipsBody() async throws {
        let fixture = try SemanticToolFixture()
        let first = try await fixture.tool(InvoiceQuestion(question: "status of invoice 442", customer: "acme"))
        let second = try await fixture.tool(
            InvoiceQuestion(question: "What's the status of invoice #442?", customer: "acme"))
        #expect(second == first)
        #expect(fixture.runs.value == 1)
        #expect(fixture.stores() == ["miss:semantic", "written:semantic", "hit:semantic"])
        // Another customer is another partition; another invoice number is refused by the guard.
        _ = try await fixture.tool(InvoiceQuestion(question: "status of invoice 442", customer: "globex"))
        _ = try await fixture.tool(InvoiceQuestion(question: "status of invoice 443", customer: "acme"))
        #expect(fixture.runs.value == 3)
    }

    @Test("sensitive arguments partition by hash, and JSON calls share the typed calls' answers")
    func sensitiveAndJSON() async throws {
        let fixture = try SemanticToolFixture()
        _ = try await fixture.tool(
            InvoiceQuestion(question: "status of invoice 442", customer: "acme", apiToken: "s3cr3t"))
        let json = try await fixture.tool.call(arguments: [
            "question": "status of invoice 442 please", "customer": "acme", "apiToken": "s3cr3t",
        ])
        #expect(fixture.runs.value == 1)
        #expect(json["answer"] == "answer #1 to status of invoice 442")
        _ = try await fixture.tool(
            InvoiceQuestion(question: "status of invoice 442", customer: "acme", apiToken: "other"))
        #expect(fixture.runs.value == 2)
    }

    @Test("bypass skips the cache; refresh skips the lookup and stores the new answer")
    func cachePolicies() async throws {
        let fixture = try SemanticToolFixture()
        let ask = InvoiceQuestion(question: "status of invoice 442", customer: "acme")
        _ = try await fixture.tool(ask)
        _ = try await fixture.tool(ask, options: CallOptions(cache: .bypass))
        #expect(fixture.runs.value == 2)
        let refreshed = try await fixture.tool(ask, options: CallOptions(cache: .refresh))
        #expect(refreshed.answer == "answer #3 to status of invoice 442")
        #expect(try await fixture.tool(ask) == refreshed)
        #expect(fixture.runs.value == 3)
    }

    @Test("a side-effect tool is never semantically cached")
    func sideEffectsPassThrough() async throws {
        let fixture = try SemanticToolFixture(effect: .sideEffect(idempotent: false))
        let ask = InvoiceQuestion(question: "pay invoice 442", customer: "acme")
        _ = try await fixture.tool(ask)
        _ = try await fixture.tool(ask)
        #expect(fixture.runs.value == 2)
        #expect(fixture.stores().isEmpty)
    }

    @Test("stale-if-error serves a similar expired answer when the live call fails")
    func staleIfError() async throws {
        let fixture = try SemanticToolFixture(staleIfError: true)
        let first = try await fixture.tool(InvoiceQuestion(question: "status of invoice 442", customer: "acme"))
        fixture.semantic.clock.advance(by: .seconds(120))
        fixture.failing.increment()
        let served = try await fixture.tool(
            InvoiceQuestion(question: "what is the status of invoice 442", customer: "acme"))
        #expect(served == first)
        #expect(fixture.stores().last == "stale:semantic")
        fixture.semantic.clock.advance(by: .seconds(600))
        await #expect(throws: ToolError.self) {
            try await fixture.tool(InvoiceQuestion(question: "status of invoice 442", customer: "acme"))
        }
    }

    @Test("a failing embedder is a cacheError event and the call goes on live")
    func embedderDown() async throws {
        let fixture = try SemanticToolFixture()
        fixture.semantic.embedder.fail(with: EmbeddingError(code: .unavailable, embedder: "e", message: "HTTP 503"))
        let answer = try await fixture.tool(InvoiceQuestion(question: "status of invoice 442", customer: "acme"))
        #expect(answer.answer == "answer #1 to status of invoice 442")
        #expect(fixture.stores().first == "error:semantic")
        let error = fixture.observer.events.compactMap { event -> ToolError? in
            if case .cacheError(_, let error) = event.kind { return error }
            return nil
        }.first
        #expect(error?.message.contains("HTTP 503") == true)
    }
}
