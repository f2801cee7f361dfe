import Testing
import ToolOpsSemantic

/// Readers searching while a writer inserts, replaces and removes never see an id paired with
/// another id's vector, a half-written row, or an unsorted result.
@Suite struct ConcurrentAccessTests {
    static let dimensions = 16
    static let ids = 0..<120

    @Test func readersNeverSeeTornStateWhileTheFacadeSwitches() async throws {
        // A threshold inside the id range, so the writer's churn also switches flat ↔ HNSW.
        let index = try VectorIndex(dimensions: Self.dimensions, configuration: .init(approximateThreshold: 80))
        try await churn(insert: { try index.insert(id: $0, vector: $1) }, remove: { index.remove(id: $0) }) {
            try index.search($0, k: 5)
        }
    }

    @Test func readersNeverSeeTornStateInTheFlatIndex() async throws {
        let index = try FlatVectorIndex(dimensions: Self.dimensions)
        try await churn(insert: { try index.insert(id: $0, vector: $1) }, remove: { index.remove(id: $0) }) {
            try index.search($0, k: 5)
        }
    }

    /// One writer and three readers; every id always gets the same vector, so each match's score
    /// must equal the query's cosine with that id's vector.
    private func churn(
        insert: @escaping @Sendable (UInt64, [Float]) throws -> Void,
        remove: @escaping @Sendable (UInt64) -> Void,
        search: @escaping @Sendable ([Float]) throws -> [VectorMatch]
    ) async throws {
        let fixtures = IndexFixtures(seed: 41)
        let vectors = Self.ids.map { _ in unit(fixtures.vector(Self.dimensions)) }
        let queries = (0..<50).map { _ in fixtures.vector(Self.dimensions) }
        let violations = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for round in 0..<6 {
                    for id in Self.ids { try insert(UInt64(id), vectors[id]) }
                    for id in Self.ids where (id + round) % 3 != 0 { remove(UInt64(id)) }
                }
                return 0
            }
            for reader in 0..<3 {
                group.addTask {
                    var violations = 0
                    for pass in 0..<40 {
                        let query = queries[(pass + reader * 7) % queries.count]
                        let matches = try search(query)
                        let unitQuery = unit(query)
                        let scoresTrue = matches.allSatisfy {
                            abs($0.score - dot(vectors[Int($0.id)], unitQuery)) < 1e-4
                        }
                        let sorted = zip(matches, matches.dropFirst()).allSatisfy { $0.score >= $1.score }
                        if !scoresTrue || !sorted || matches.count > 5 { violations += 1 }
                    }
                    return violations
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(violations == 0)
    }
}

private func unit(_ vector: [Float]) -> [Float] {
    let norm = dot(vector, vector).squareRoot()
    return vector.map { $0 / norm }
}

private func dot(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
}
