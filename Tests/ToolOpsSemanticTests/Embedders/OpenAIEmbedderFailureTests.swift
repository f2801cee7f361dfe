import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsSemantic

@Suite(.timeLimit(.minutes(1))) struct OpenAIEmbedderFailureTests {
    @Test func a429WaitsTheRetryAfterOnTheClockThenSucceeds() async throws {
        let server = try await TestHTTPServer.start { request, n in
            n == 0
                ? .respond(status: 429, headers: [("Retry-After", "2")], body: #"{"error":{"message":"slow down"}}"#)
                : embeddingsReply(request)
        }
        defer { Task { try await server.stop() } }
        let clock = ManualClock()
        let embedder = try testEmbedder(server, clock: clock)
        let call = Task { try await embedder.embed(["a"]) }
        await clock.waitForSleepers(1)
        #expect(clock.nextDeadline == clock.now() + .seconds(2))
        clock.advance(by: .seconds(2))
        #expect(try await call.value == [fakeVector("a")])
        #expect(server.requests.count == 2)
    }

    @Test func a500TwiceIsRetriedWithJitteredExponentialBackoff() async throws {
        let server = try await TestHTTPServer.start { request, n in
            n < 2 ? .respond(status: 500, body: "oops") : embeddingsReply(request)
        }
        defer { Task { try await server.stop() } }
        let clock = ManualClock()
        let embedder = try testEmbedder(server, clock: clock) { $0.retry = .init(baseDelay: .seconds(1)) }
        let call = Task { try await embedder.embed(["a"]) }
        for expected in [Duration.milliseconds(500), .seconds(1)] {  // half (FixedRandom 0.5) of 1 s, then of 2 s
            await clock.waitForSleepers(1)
            #expect(clock.nextDeadline == clock.now() + expected)
            clock.advanceToNextDeadline()
        }
        #expect(try await call.value == [fakeVector("a")])
        #expect(server.requests.count == 3)
    }

    @Test func persistent503RunsOutOfAttemptsAsUnavailable() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(status: 503, body: "down") }
        defer { Task { try await server.stop() } }
        let embedder = try testEmbedder(server) { $0.retry = .init(maxAttempts: 2, baseDelay: .zero) }
        let error = await failure { try await embedder.embed(["a"]) }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("after 2 attempts") == true)
        #expect(server.requests.count == 2)
    }

    @Test func a401IsUnauthorizedAfterOneRequestAndNeverShowsTheKey() async throws {
        let server = try await TestHTTPServer.start { _, _ in
            .respond(status: 401, body: "{\"error\":{\"message\":\"Incorrect API key provided: \(secretKey)\"}}")
        }
        defer { Task { try await server.stop() } }
        let embedder = try testEmbedder(server)
        let error = await failure { try await embedder.embed(["a"]) }
        #expect(error?.code == .unauthorized)
        #expect(server.requests.count == 1)
        #expect(error?.message.contains("Incorrect API key provided") == true)
        #expect(error.map { "\($0)" }?.contains(secretKey) == false)
        var dumped = ""
        dump(embedder, to: &dumped)
        #expect(!dumped.contains(secretKey))
        #expect(!"\(embedder)".contains(secretKey))
        #expect(!String(reflecting: embedder).contains(secretKey))
    }

    @Test func a400IsInvalidInputWithTheServersMessage() async throws {
        let server = try await TestHTTPServer.start { _, _ in
            .respond(status: 400, body: #"{"error":"Input validation error: inputs must have less than 512 tokens"}"#)
        }
        defer { Task { try await server.stop() } }
        let error = await failure { try await testEmbedder(server).embed(["a very long text"]) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("inputs must have less than 512 tokens") == true)
        #expect(error?.message.contains("a very long text") == false)
        #expect(server.requests.count == 1)
    }

    @Test func malformedJSONIsAnInvalidResponse() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(status: 200, body: "{\"data\": [oops") }
        defer { Task { try await server.stop() } }
        let error = await failure { try await testEmbedder(server).embed(["a"]) }
        #expect(error?.code == .invalidResponse)
        #expect(server.requests.count == 1)
    }

    @Test func vectorsOfTheWrongLengthAreAnInvalidResponseNamingBothLengths() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        let error = await failure { try await testEmbedder(server) { $0.dimensions = 4 }.embed(["a"]) }
        #expect(error?.code == .invalidResponse)
        #expect(error?.message.contains("vectors of 3 values, but the configuration says 4") == true)
    }

    @Test func aSilentServerTimesOut() async throws {
        let server = try await TestHTTPServer.start { _, _ in .hang }
        defer { Task { try await server.stop() } }
        let embedder = try testEmbedder(server) { $0.timeout = .milliseconds(200) }
        let error = await failure { try await embedder.embed(["a"]) }
        #expect(error?.code == .timeout)
        #expect(server.requests.count == 1)
    }

    @Test func cancellingTheCallerCancelsTheTransfer() async throws {
        let server = try await TestHTTPServer.start { _, _ in .hang }
        defer { Task { try await server.stop() } }
        let embedder = try testEmbedder(server)
        let call = Task { try await embedder.embed(["a"]) }
        var arrivals = server.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        call.cancel()
        let error = await failure { try await call.value }
        #expect(error?.code == .cancelled)
        var closes = server.closedConnections.makeAsyncIterator()
        _ = await closes.next()
    }

    @Test func aRefusedConnectionIsUnavailableAfterRetries() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        try await server.stop()
        let embedder = try testEmbedder(server) { $0.retry = .init(maxAttempts: 2, baseDelay: .zero) }
        let error = await failure { try await embedder.embed(["a"]) }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("after 2 attempts") == true)
        #expect(error.map { "\($0)" }?.contains(secretKey) == false)
    }
}

/// The ``EmbeddingError`` `body` throws, or nil when it succeeds or throws something else.
func failure<T>(_ body: () async throws -> T) async -> EmbeddingError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error as? EmbeddingError
    }
}
