import InMemoryTracing
import Logging
import Synchronization
import Testing
import ToolOps
import ToolOpsTesting
import Tracing

@Suite("Tracing tool calls")
struct TracingTests {
    struct Lookup: Codable, Sendable {
        var city: String
        var apiToken: String?
    }

    struct Flaky: Error, CustomStringConvertible {
        let description: String
    }

    /// A runtime whose environment traces into an in-memory tracer.
    struct TracedHarness {
        let tracer = InMemoryTracer()
        let clock = ManualClock()
        let recorder = RecordingObserver()
        let runtime: ToolRuntime

        init(observer: any ToolObserver = NoOpObserver(), recordsArguments: Bool = false) {
            let observer = MultiplexObserver([observer, recorder])
            let stores = CacheStoreRegistry()
            stores.register("memory", MemoryCache(configuration: .init(clock: clock)))
            runtime = ToolRuntime(
                environment: ToolEnvironment(
                    clock: clock,
                    random: FixedRandom(0.5),
                    observer: observer,
                    tracing: ToolTracer(tracer: tracer, configuration: .init(recordsArguments: recordsArguments))
                ),
                stores: stores
            )
        }

        func spans(named name: String) -> [FinishedInMemorySpan] {
            tracer.finishedSpans.filter { $0.operationName == name }
        }
    }

    static let noDelay = RetryPolicy(initialDelay: .zero, jitter: .none)

    @Test("a call is one span with the GenAI attributes, and a second call records the cache hit")
    func callSpanAttributes() async throws {
        let harness = TracedHarness()
        let weather = try harness.runtime.readonly("get_weather", description: "Current weather") {
            (query: Lookup) in "sunny in \(query.city)"
        }
        _ = try await weather(
            Lookup(city: "Paris"), options: CallOptions(sessionID: "conversation-7", toolCallID: "call_abc123"))
        _ = try await weather(Lookup(city: "Paris"))

        let calls = harness.spans(named: "execute_tool get_weather")
        #expect(calls.count == 2)
        let first = try #require(calls.first)
        #expect(first.attribute(ToolSpanAttribute.operationName) == .string("execute_tool"))
        #expect(first.attribute(ToolSpanAttribute.toolName) == .string("get_weather"))
        #expect(first.attribute(ToolSpanAttribute.toolType) == .string("function"))
        #expect(first.attribute(ToolSpanAttribute.toolDescription) == .string("Current weather"))
        #expect(first.attribute(ToolSpanAttribute.toolVersion) == .string("1"))
        #expect(first.attribute(ToolSpanAttribute.conversationID) == .string("conversation-7"))
        #expect(first.attribute(ToolSpanAttribute.cache) == .string("miss"))
        #expect(first.attribute(ToolSpanAttribute.upstreamAttempts) == .int64(1))
        #expect(first.kind == .internal)
        #expect(first.status?.code != .error)
        #expect(first.attribute(ToolSpanAttribute.toolCallID) == .string("call_abc123"))
        #expect(first.attribute(ToolSpanAttribute.callID) != nil)
        #expect(calls[1].attribute(ToolSpanAttribute.toolCallID) == nil, "no model id given, none recorded")

        let second = calls[1]
        #expect(second.attribute(ToolSpanAttribute.cache) == .string("hit"))
        #expect(second.attribute(ToolSpanAttribute.cacheStore) == .string("memory"))
        #expect(second.attribute(ToolSpanAttribute.upstreamAttempts) == nil, "a hit never reaches the body")
        #expect(harness.spans(named: "get_weather attempt 1").count == 1, "only the miss ran the body")
    }

    @Test("each attempt is a child span; failed attempts carry their error, retries are span events")
    func attemptSpans() async throws {
        let harness = TracedHarness()
        let attempts = Atomic<Int>(0)
        let tool = try harness.runtime.readonly(
            "flaky", options: ReadOnlyOptions(cache: .disabled, retries: 2, retryPolicy: Self.noDelay, timeout: nil)
        ) { (query: Lookup) -> String in
            if attempts.add(1, ordering: .relaxed).newValue < 3 { throw Flaky(description: "503 from upstream") }
            return query.city
        }
        #expect(try await tool(Lookup(city: "Oslo")) == "Oslo")

        let call = try #require(harness.spans(named: "execute_tool flaky").first)
        let attemptSpans = (1...3).compactMap { harness.spans(named: "flaky attempt \($0)").first }
        #expect(attemptSpans.count == 3)
        for span in attemptSpans {
            #expect(span.parentSpanID == call.spanID)
            #expect(span.traceID == call.traceID)
        }
        #expect(attemptSpans[0].status?.code == .error)
        #expect(attemptSpans[0].errors.count == 1)
        #expect(attemptSpans[0].attribute(ToolSpanAttribute.errorType) == .string("upstream"))
        #expect(attemptSpans[1].status?.code == .error)
        #expect(attemptSpans[2].status?.code != .error)
        #expect(attemptSpans[2].errors.isEmpty)
        #expect(attemptSpans[2].attribute(ToolSpanAttribute.attempt) == .int64(3))
        #expect(call.events.filter { $0.name == "toolops.retry" }.count == 2)
        #expect(call.attribute(ToolSpanAttribute.upstreamAttempts) == .int64(3))
        #expect(call.status?.code != .error)
    }

    @Test("an attempt that times out ends its span with the timeout, not the body's cancellation")
    func timedOutAttemptSpan() async throws {
        let harness = TracedHarness()
        let gate = Gate()
        let tool = try harness.runtime.readonly(
            "slow_lookup", options: ReadOnlyOptions(cache: .disabled, retries: 0, timeout: .seconds(2))
        ) { (query: Lookup) async throws -> String in
            try await gate.wait()
            return query.city
        }
        let outcome = Task { try await tool(Lookup(city: "Baku")) }
        await harness.clock.waitForSleepers(1)
        harness.clock.advance(by: .seconds(2))
        let result = await outcome.result
        gate.open()
        #expect(throws: ToolError.self) { try result.get() }

        let attempt = try #require(harness.spans(named: "slow_lookup attempt 1").first)
        #expect(attempt.attribute(ToolSpanAttribute.errorType) == .string("timeout"))
        #expect(attempt.status?.code == .error)
        let call = try #require(harness.spans(named: "execute_tool slow_lookup").first)
        #expect(attempt.parentSpanID == call.spanID)
        #expect(call.attribute(ToolSpanAttribute.errorType) == .string("timeout"))
        #expect(call.events.contains { $0.name == "toolops.timed_out" })
    }

    @Test("a secret repeated in another field is masked in the recorded arguments")
    func secretRepeatedElsewhere() async throws {
        let harness = TracedHarness(recordsArguments: true)
        let tool = try harness.runtime.readonly("echo") { (query: Lookup) in query.city }
        _ = try await tool(Lookup(city: "token is tok-998877", apiToken: "tok-998877"))
        let call = try #require(harness.spans(named: "execute_tool echo").first)
        #expect(
            call.attribute(ToolSpanAttribute.toolCallArguments) == .string(#"{"apiToken":"***","city":"token is ***"}"#)
        )
    }

    @Test("invalid JSON text gets a span too, with the invalidArguments error")
    func invalidJSONTextSpan() async throws {
        let harness = TracedHarness()
        let tool = try harness.runtime.readonly("typed_text") { (query: Lookup) in query.city }
        await #expect(throws: ToolError.self) { try await tool.call(json: "{\"city\": ") }
        let call = try #require(harness.spans(named: "execute_tool typed_text").first)
        #expect(call.attribute(ToolSpanAttribute.errorType) == .string("invalidArguments"))
    }

    @Test("a failed call's span records the error, its type and an error status")
    func failedCallSpan() async throws {
        let harness = TracedHarness()
        let tool = try harness.runtime.readonly(
            "broken", options: ReadOnlyOptions(cache: .disabled, retries: 0, timeout: nil)
        ) { (_: Lookup) -> String in throw Flaky(description: "boom") }
        await #expect(throws: ToolError.self) { try await tool(Lookup(city: "Rome")) }

        let call = try #require(harness.spans(named: "execute_tool broken").first)
        #expect(call.status?.code == .error)
        #expect(call.attribute(ToolSpanAttribute.errorType) == .string("upstream"))
        let recorded = try #require(call.errors.first?.error as? ToolError)
        #expect(recorded.code == .upstream)
        #expect(recorded.underlying == nil, "the body's raw error is never handed to the tracer")
    }

    @Test("invalid JSON arguments still get a span, with the invalidArguments error")
    func invalidArgumentsSpan() async throws {
        let harness = TracedHarness()
        let tool = try harness.runtime.readonly("typed") { (query: Lookup) in query.city }
        await #expect(throws: ToolError.self) { try await tool.call(arguments: ["town": "Rome"]) }
        let call = try #require(harness.spans(named: "execute_tool typed").first)
        #expect(call.attribute(ToolSpanAttribute.errorType) == .string("invalidArguments"))
        #expect(harness.spans(named: "typed attempt 1").isEmpty)
    }

    @Test("a tool called inside another tool's body is a child of that body's attempt span")
    func nestedCalls() async throws {
        let harness = TracedHarness()
        let geocode = try harness.runtime.readonly("geocode") { (query: Lookup) in query.city.count }
        let forecast = try harness.runtime.readonly("forecast") { (query: Lookup) in
            try await geocode(Lookup(city: query.city + "!")) * 2
        }
        #expect(try await forecast(Lookup(city: "Lima")) == 10)

        let outer = try #require(harness.spans(named: "execute_tool forecast").first)
        let outerAttempt = try #require(harness.spans(named: "forecast attempt 1").first)
        let inner = try #require(harness.spans(named: "execute_tool geocode").first)
        let innerAttempt = try #require(harness.spans(named: "geocode attempt 1").first)
        #expect(outerAttempt.parentSpanID == outer.spanID)
        #expect(inner.parentSpanID == outerAttempt.spanID)
        #expect(innerAttempt.parentSpanID == inner.spanID)
        #expect(Set([outer.traceID, outerAttempt.traceID, inner.traceID, innerAttempt.traceID]).count == 1)
    }

    @Test("a follower that joins a flight in progress is marked coalesced; the flight's attempt stays under its leader")
    func coalescedCallSpans() async throws {
        let harness = TracedHarness()
        let gate = Gate()
        let tool = try harness.runtime.readonly("slow", options: ReadOnlyOptions(timeout: nil)) {
            (query: Lookup) async throws -> String in
            try await gate.wait()
            return query.city
        }
        async let leader = tool(Lookup(city: "Kyiv"))
        try await harness.waitForActiveSpans(2)  // the leader's call and attempt spans
        async let follower = tool(Lookup(city: "Kyiv"))
        // Open the gate only once the follower has joined the flight, not merely started its span.
        try await harness.waitForEvent("coalesced")
        gate.open()
        _ = try await (leader, follower)

        let calls = harness.spans(named: "execute_tool slow")
        let attempt = try #require(harness.spans(named: "slow attempt 1").first)
        #expect(calls.count == 2)
        let leaderSpan = try #require(calls.first { $0.spanID == attempt.parentSpanID })
        let followerSpan = try #require(calls.first { $0.spanID != leaderSpan.spanID })
        #expect(followerSpan.attribute(ToolSpanAttribute.cache) == .string("coalesced"))
        #expect(leaderSpan.attribute(ToolSpanAttribute.upstreamAttempts) == .int64(1))
    }

    @Test("a token never reaches a span, a log record or an error, even when the upstream quotes it")
    func tokenMasking() async throws {
        let secret = "sk-live-7f3a9c2e55d1"
        let sink = CapturedLines()
        let logger = Logger(label: "toolops") { label in
            JSONLinesLogHandler(
                label: label, sink: sink, configuration: .init(clock: ManualClock(), logLevel: .debug),
                metadataProvider: .init {
                    guard let context = InstrumentationContext.current?.inMemorySpanContext else { return [:] }
                    return ["trace_id": .string(context.traceID), "span_id": .string(context.spanID)]
                })
        }
        let logging = ToolLoggingObserver(logger: logger, configuration: .init(logsArgumentValues: true))
        let harness = TracedHarness(observer: logging, recordsArguments: true)
        let tool = try harness.runtime.readonly(
            "lookup", options: ReadOnlyOptions(cache: .disabled, retries: 1, retryPolicy: Self.noDelay, timeout: nil)
        ) { (query: Lookup) -> String in
            throw Flaky(description: "401: token \(query.apiToken ?? "") was rejected for \(query.city)")
        }

        var thrown: ToolError?
        do {
            _ = try await tool(Lookup(city: "Quito", apiToken: secret))
        } catch let error as ToolError {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(!error.description.contains(secret))
        #expect(error.description.contains("Quito"), "the rest of the upstream's message is kept")

        var texts: [String] = []
        for span in harness.tracer.finishedSpans {
            texts.append(span.operationName)
            texts += span.attributes.renderedValues
            for event in span.events { texts += [event.name] + event.attributes.renderedValues }
            texts += span.errors.map { String(reflecting: $0.error) }
            texts.append(span.status?.message ?? "")
        }
        texts += sink.lines
        #expect(texts.count > 10)
        #expect(texts.allSatisfy { !$0.contains(secret) }, "the token appears nowhere")

        let call = try #require(harness.spans(named: "execute_tool lookup").first)
        #expect(call.attribute(ToolSpanAttribute.toolCallArguments) == .string(#"{"apiToken":"***","city":"Quito"}"#))
        let summary = try #require(sink.lines.first { $0.contains("tool call failed") })
        #expect(summary.contains(#""arguments":"{\"apiToken\":\"***\",\"city\":\"Quito\"}""#))
        #expect(summary.contains(#""trace_id":"\#(call.traceID)""#), "the summary is written inside the call's span")
        #expect(summary.contains(#""span_id":"\#(call.spanID)""#))
    }

    @Test("by default the summary logs argument names only, and spans carry no arguments")
    func argumentNamesOnly() async throws {
        let sink = CapturedLines()
        let logger = Logger(label: "toolops") { label in
            JSONLinesLogHandler(label: label, sink: sink, configuration: .init(clock: ManualClock(), logLevel: .info))
        }
        let harness = TracedHarness(observer: ToolLoggingObserver(logger: logger))
        let tool = try harness.runtime.readonly("names") { (query: Lookup) in query.city }
        _ = try await tool(Lookup(city: "Accra", apiToken: "tok-123456"))

        let summary = try #require(sink.lines.first { $0.contains("tool call succeeded") })
        #expect(summary.contains(#""arguments":"apiToken,city""#))
        #expect(!summary.contains("Accra"))
        let call = try #require(harness.spans(named: "execute_tool names").first)
        #expect(call.attribute(ToolSpanAttribute.toolCallArguments) == nil)
    }

    @Test("with a no-op tracer nothing is recorded and calls behave the same")
    func noOpTracer() async throws {
        let recorder = RecordingObserver()
        let runtime = ToolRuntime(
            environment: ToolEnvironment(observer: recorder, tracing: ToolTracer(tracer: NoOpTracer())),
            stores: .standard()
        )
        let tool = try runtime.readonly("plain") { (query: Lookup) in query.city.uppercased() }
        #expect(try await tool(Lookup(city: "lagos")) == "LAGOS")
        #expect(try await tool.call(arguments: ["city": "lagos"]) == "LAGOS")
        #expect(recorder.events.contains { $0.kind.name == "cache_hit" })
        #expect(ToolTracer(tracer: NoOpTracer()).isRecording == false)
        #expect(ToolTracer(tracer: InMemoryTracer()).isRecording)
    }
}

extension TracingTests.TracedHarness {
    /// Waits (by yielding, not sleeping) until an event called `name` was observed.
    func waitForEvent(_ name: String) async throws {
        for _ in 0..<100_000 {
            if recorder.names.contains(name) { return }
            await Task.yield()
        }
        Issue.record("expected a \(name) event, saw \(recorder.names)")
    }

    /// Waits (by yielding, not sleeping) until `count` spans are open.
    func waitForActiveSpans(_ count: Int) async throws {
        for _ in 0..<100_000 {
            if tracer.activeSpans.count >= count { return }
            await Task.yield()
        }
        Issue.record("expected \(count) active spans, saw \(tracer.activeSpans.count)")
    }
}

extension FinishedInMemorySpan {
    /// The attribute called `name`, if set.
    func attribute(_ name: String) -> SpanAttribute? {
        attributes[name]?.toSpanAttribute()
    }
}

extension SpanAttributes {
    /// Every attribute value as text.
    var renderedValues: [String] {
        var values: [String] = []
        forEach { name, attribute in values.append("\(name)=\(attribute)") }
        return values
    }
}

/// A JSON-lines sink keeping every line.
final class CapturedLines: JSONLinesSink {
    private let captured = Mutex<[String]>([])

    func write(line: [UInt8]) {
        captured.withLock { $0.append(String(decoding: line, as: UTF8.self)) }
    }

    var lines: [String] { captured.withLock { $0 } }
}
