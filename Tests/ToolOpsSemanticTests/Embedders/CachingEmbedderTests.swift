import Synchronization
import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsSemantic

/// An embedder that records every batch it is asked for, optionally holding calls at a gate or failing.
private final class RecordingEmbedder: Embedder {
    let identifier = "recording/3"
    let dimensions = 3
    let gate: Gate?
    let failures = Mutex(0)
    let batches = Mutex<[[String]]>([])

    init(gate: Gate? = nil) { self.gate = gate }

    func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        batches.withLock { $0.append(texts) }
        do {
            try await gate?.wait()
        } catch {
            throw EmbeddingError(code: .cancelled, embedder: identifier, message: "cancelled")
        }
        let fail = failures.withLock { remaining in
            defer { remaining = max(0, remaining - 1) }
            return remaining > 0
        }
        if fail { throw EmbeddingError(code: .unavailable, embedder: identifier, message: "down") }
        return texts.map(fakeVector)
    }

    var sent: [[String]] { batches.withLock { $0 } }
}

@Suite(.timeLimit(.minutes(1))) struct CachingEmbedderTests {
    @Test func theSameTextIsNeverEmbeddedTwice() async throws {
        let base = RecordingEmbedder()
        let embedder = CachingEmbedder(base)
        #expect(try await embedder.embed(["a", "b", "a"]) == [fakeVector("a"), fakeVector("b"), fakeVector("a")])
        #expect(try await embedder.embed(["b", "c", "a"]) == [fakeVector("b"), fakeVector("c"), fakeVector("a")])
        #expect(base.sent == [["a", "b"], ["c"]])
        #expect(embedder.identifier == "recording/3")
    }

    @Test func concurrentCallsForTheSameTextShareOneUpstreamCall() async throws {
        let gate = Gate()
        let base = RecordingEmbedder(gate: gate)
        let embedder = CachingEmbedder(base)
        let first = Task { try await embedder.embed(["same"]) }
        await gate.waitForWaiters(1)
        let others = (0..<5).map { _ in Task { try await embedder.embed(["same", "other"]) } }
        while base.sent.count < 2 { await Task.yield() }  // the five share one call for "other"
        gate.open()
        #expect(try await first.value == [fakeVector("same")])
        for other in others { #expect(try await other.value == [fakeVector("same"), fakeVector("other")]) }
        #expect(base.sent.count == 2)
        #expect(Set(base.sent) == [["same"], ["other"]])
    }

    @Test func failuresAreNotCached() async throws {
        let base = RecordingEmbedder()
        base.failures.withLock { $0 = 1 }
        let embedder = CachingEmbedder(base)
        await #expect(throws: EmbeddingError.self) { try await embedder.embed(["a"]) }
        #expect(try await embedder.embed(["a"]) == [fakeVector("a")])
        #expect(base.sent == [["a"], ["a"]])
    }

    @Test func theLeastRecentlyUsedTextIsForgottenFirst() async throws {
        let base = RecordingEmbedder()
        let embedder = CachingEmbedder(base, capacity: 2)
        _ = try await embedder.embed(["a", "b"])
        _ = try await embedder.embed(["a"])  // "b" is now the least recently used
        _ = try await embedder.embed(["c"])
        _ = try await embedder.embed(["a", "b"])
        #expect(base.sent == [["a", "b"], ["c"], ["b"]])
        #expect(embedder.count == 2)
    }

    @Test func aCancelledSoleCallerCancelsTheUpstreamCall() async throws {
        let gate = Gate()
        let base = RecordingEmbedder(gate: gate)
        let embedder = CachingEmbedder(base)
        let call = Task { try await embedder.embed(["a"]) }
        await gate.waitForWaiters(1)
        call.cancel()
        await #expect(throws: EmbeddingError.self) { try await call.value }
        while gate.waiting > 0 { await Task.yield() }  // the upstream call was cancelled out of the gate
        gate.open()
        #expect(try await embedder.embed(["a"]) == [fakeVector("a")])
        #expect(base.sent == [["a"], ["a"]])
    }

    @Test func aCancelledCallerDoesNotCancelACallOthersWaitFor() async throws {
        let gate = Gate()
        let base = RecordingEmbedder(gate: gate)
        let embedder = CachingEmbedder(base)
        let leaving = Task { try await embedder.embed(["a"]) }
        await gate.waitForWaiters(1)
        let staying = Task { try await embedder.embed(["a"]) }
        while embedder.interestedCallers < 2 { await Task.yield() }
        leaving.cancel()
        await #expect(throws: EmbeddingError.self) { try await leaving.value }
        gate.open()
        #expect(try await staying.value == [fakeVector("a")])
        #expect(base.sent == [["a"]])
    }

    @Test func overHTTPOnlyUnseenTextsAreRequested() async throws {
        let server = try await TestHTTPServer.start { request, _ in embeddingsReply(request) }
        defer { Task { try await server.stop() } }
        let embedder = CachingEmbedder(try testEmbedder(server))
        _ = try await embedder.embed(["a", "b"])
        #expect(try await embedder.embed(["b", "a", "c"]) == [fakeVector("b"), fakeVector("a"), fakeVector("c")])
        _ = try await embedder.embed(["c", "a"])
        #expect(server.requests.map(inputs(of:)) == [["a", "b"], ["c"]])
    }
}
