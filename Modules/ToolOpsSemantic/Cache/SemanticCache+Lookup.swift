import Synchronization
import ToolOpsCore

extension SemanticCache {
    /// The best answer for `query`: a fresh one if any passes the threshold and the guards, else
    /// the best stale one (for stale-if-error), with the query's vector for a later store.
    ///
    /// An exact text match (trimmed, case-folded) is answered without embedding. Before looking,
    /// the cache reads the store's changes from other processes when ``Configuration/syncInterval``
    /// has passed (a store failure is counted and the lookup goes on in memory).
    ///
    /// - Throws: ``EmbeddingError`` when the query's text cannot be embedded.
    public func lookup(_ query: SemanticQuery) async throws(EmbeddingError) -> SemanticLookup {
        await synchronizeIfDue()
        let now = clock.now()
        let partition = partition(of: query)
        let signature = TextSignature(query.text)
        var result = SemanticLookup(fresh: nil, stale: nil, vector: nil, rejections: [])
        if let exact = exactMatch(partition: partition, text: query.text, at: now) {
            if exact.isFresh {
                record(hit: exact.match)
                result.fresh = exact.match
                return result
            }
            result.stale = exact.match
        }
        let vector: [Float]
        do {
            vector = try await embedder.embed(query.text)
        } catch {
            state.withLock { $0.statistics.embeddingFailures += 1 }
            throw error
        }
        result.vector = vector
        let found = try nearest(vector, signature: signature, partition: partition, threshold: query.threshold, at: now)
        result.rejections = found.rejections
        if let fresh = found.fresh {
            record(hit: fresh)
            result.fresh = fresh
            result.stale = nil
        } else {
            result.stale = result.stale ?? found.stale
            state.withLock { $0.statistics.misses += 1 }
        }
        state.withLock { state in
            state.statistics.embeddings += 1
            for rule in found.rejections { state.statistics.guardRejections[rule, default: 0] += 1 }
        }
        return result
    }

    private func record(hit: SemanticMatch) {
        state.withLock { state in
            state.statistics.hits += 1
            if hit.isExact {
                state.statistics.exactHits += 1
            } else {
                state.statistics.recordHit(similarity: hit.similarity)
            }
        }
    }

    private func exactMatch(
        partition: String, text: String, at now: Timestamp
    ) -> (match: SemanticMatch, isFresh: Bool)? {
        let key = Self.exactKey(text)
        return state.withLock { state -> (SemanticMatch, Bool)? in
            guard let id = state.partitions[partition]?.exact[key], let held = state.answers[id] else { return nil }
            guard now < held.record.staleUntil || now < held.record.expiresAt else { return nil }
            state.touch(id)
            return (Self.match(held, similarity: 1, isExact: true), now < held.record.expiresAt)
        }
    }

    /// The nearest neighbours above the threshold, checked for freshness and against the guards.
    ///
    /// The guards run outside the cache's lock, on copies of the candidates' signatures, so a long
    /// text never stalls other lookups; answers past their stale window are dropped on the way.
    private func nearest(
        _ vector: [Float], signature: TextSignature, partition: String, threshold: Double, at now: Timestamp
    ) throws(EmbeddingError) -> (fresh: SemanticMatch?, stale: SemanticMatch?, rejections: [NearMissGuards.Rejection]) {
        guard let index = state.withLock({ $0.partitions[partition]?.index }) else { return (nil, nil, []) }
        let candidates: [VectorMatch]
        do {
            candidates = try index.search(vector, k: configuration.candidates, minimumScore: Float(threshold))
        } catch  where error.code == .zeroVector {
            return (nil, nil, [])  // a text without words matches nothing
        } catch {
            state.withLock { $0.statistics.embeddingFailures += 1 }
            throw EmbeddingError(
                code: .invalidResponse, embedder: embedder.identifier,
                message: "\(error.message); the embedder's vectors do not fit the cache's index")
        }
        let held = state.withLock { state in
            candidates.compactMap { candidate -> (VectorMatch, HeldAnswer)? in
                guard let answer = state.answers[candidate.id] else { return nil }
                guard now < max(answer.record.staleUntil, answer.record.expiresAt) else {
                    state.remove(candidate.id)
                    return nil
                }
                return (candidate, answer)
            }
        }
        var stale: SemanticMatch?
        var rejections: [NearMissGuards.Rejection] = []
        for (candidate, answer) in held {
            if let rejection = guards.rejection(signature, answer.signature) {
                rejections.append(rejection)
                continue
            }
            let match = Self.match(answer, similarity: Double(candidate.score), isExact: false)
            if now < answer.record.expiresAt {
                state.withLock { $0.touch(candidate.id) }
                return (match, nil, rejections)
            }
            stale = stale ?? match
        }
        return (nil, stale, rejections)
    }

    static func match(_ held: HeldAnswer, similarity: Double, isExact: Bool) -> SemanticMatch {
        SemanticMatch(
            value: held.record.value, text: held.record.text, similarity: min(1, similarity), isExact: isExact,
            storedAt: held.record.storedAt, staleUntil: held.record.staleUntil)
    }
}
