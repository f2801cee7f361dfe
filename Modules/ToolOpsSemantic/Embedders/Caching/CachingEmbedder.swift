import Synchronization
import ToolOpsCore

/// An ``Embedder`` that remembers the vector of every text it embedded, so no text goes to the
/// wrapped embedder twice.
///
/// A call sends only the texts neither remembered nor already being embedded, in one call to the
/// wrapped embedder; callers that need a text another call is embedding wait for that call
/// instead of starting their own. At most ``capacity`` vectors are kept, the least recently used
/// forgotten first. Failures are not remembered: the next call tries again. A cancelled caller
/// stops waiting at once; the upstream call it started is cancelled only when no other caller
/// waits for it.
///
/// ```swift
/// let embedder = CachingEmbedder(try OpenAIEmbedder(configuration: configuration), capacity: 50_000)
/// ```
public final class CachingEmbedder<Base: Embedder>: Embedder, MemoizingEmbedder {
    private struct State {
        var memo: LRUMemo<[Float]>
        var flights: [String: EmbeddingFlight] = [:]
    }

    /// The embedder that computes vectors this one has not seen.
    public let base: Base
    private let state: Mutex<State>

    /// The wrapped embedder's identifier: cached vectors are the base's own.
    public var identifier: String { base.identifier }
    /// The wrapped embedder's vector length.
    public var dimensions: Int { base.dimensions }
    /// The most vectors kept (at least 1).
    public var capacity: Int { state.withLock { $0.memo.capacity } }
    /// How many vectors are kept now.
    public var count: Int { state.withLock { $0.memo.count } }

    /// How many callers wait for upstream calls now, counted once per call they wait for (for tests).
    var interestedCallers: Int {
        state.withLock { state in
            var flights: [ObjectIdentifier: EmbeddingFlight] = [:]
            for flight in state.flights.values { flights[ObjectIdentifier(flight)] = flight }
            return flights.values.reduce(0) { $0 + $1.interested }
        }
    }

    /// Wraps `base`, keeping at most `capacity` vectors (values below 1 count as 1).
    public init(_ base: Base, capacity: Int = 10_000) {
        self.base = base
        self.state = Mutex(State(memo: LRUMemo(capacity: capacity)))
    }

    /// One vector per text, in order, embedding upstream only the texts not seen before.
    public func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        var known: [String: [Float]] = [:]
        let flights = state.withLock { state -> [EmbeddingFlight] in
            var joined: [ObjectIdentifier: EmbeddingFlight] = [:]
            var missing: [String] = []
            var seen = Set<String>()
            for text in texts where seen.insert(text).inserted {
                if let vector = state.memo.value(for: text) {
                    known[text] = vector
                } else if let flight = state.flights[text] {
                    joined[ObjectIdentifier(flight)] = flight
                } else {
                    missing.append(text)
                }
            }
            if !missing.isEmpty {
                let flight = EmbeddingFlight(texts: missing)
                for text in missing { state.flights[text] = flight }
                joined[ObjectIdentifier(flight)] = flight
                flight.attach(Task { await self.fly(flight) })
            }
            for flight in joined.values { _ = flight.addInterest(1) }
            return Array(joined.values)
        }
        var failure: EmbeddingError?
        for flight in flights {
            // Every joined flight is waited for (and left) even after a failure, so its count of
            // interested callers stays right.
            let outcome = failure == nil ? await flight.wait(embedder: identifier) : nil
            leave(flight)
            switch outcome {
            case .success(let vectors): known.merge(vectors) { old, _ in old }
            case .failure(let error): failure = error
            case nil: break
            }
        }
        if let failure { throw failure }
        return texts.map { known[$0] ?? [] }
    }

    /// Runs one upstream call and remembers its vectors.
    private func fly(_ flight: EmbeddingFlight) async {
        let outcome: EmbeddingFlight.Outcome
        do {
            let vectors = try await base.embed(flight.texts)
            if vectors.count == flight.texts.count {
                outcome = .success(Dictionary(zip(flight.texts, vectors)) { first, _ in first })
            } else {
                outcome = .failure(
                    EmbeddingError(
                        code: .invalidResponse, embedder: identifier,
                        message: "expected \(flight.texts.count) vectors, got \(vectors.count)"))
            }
        } catch {
            outcome = .failure(error)
        }
        state.withLock { state in
            for text in flight.texts where state.flights[text] === flight { state.flights[text] = nil }
            if case .success(let vectors) = outcome {
                for (text, vector) in vectors { state.memo.insert(vector, for: text) }
            }
        }
        flight.finish(outcome)
    }

    /// One caller is done with `flight`; when none is left and it still runs, it is cancelled and
    /// forgotten, so later callers start afresh.
    private func leave(_ flight: EmbeddingFlight) {
        let abandoned = state.withLock { state -> Bool in
            guard flight.addInterest(-1) == 0, !flight.isFinished else { return false }
            for text in flight.texts where state.flights[text] === flight { state.flights[text] = nil }
            return true
        }
        if abandoned { flight.cancel() }
    }
}

/// An embedder that already remembers its vectors per text (or computes them so cheaply that a
/// memo would not pay): ``SemanticCache`` does not wrap it in a ``CachingEmbedder``.
public protocol MemoizingEmbedder: Embedder {}

extension HashingEmbedder: MemoizingEmbedder {}
