import Testing
import ToolOpsSemantic

@Suite struct HNSWIndexTests {
    @Test func recallAtOneOnRandomDataAtDefaultSettings() throws {
        let fixtures = IndexFixtures(seed: 21)
        let vectors = (0..<800).map { _ in fixtures.vector(16) }
        let queries = (0..<150).map { _ in fixtures.vector(16) }
        #expect(try recallAtOne(vectors: vectors, queries: queries) >= 0.95)
    }

    @Test func recallAtOneOnClusteredDataAtDefaultSettings() throws {
        let fixtures = IndexFixtures(seed: 22)
        let vectors = fixtures.clustered(count: 800, dimensions: 24, clusters: 20)
        let queries = (0..<150).map { fixtures.near(vectors[$0 * 5], amount: 0.2) }
        #expect(try recallAtOne(vectors: vectors, queries: queries) >= 0.95)
    }

    @Test func removedVectorsAreNeverReturned() throws {
        let fixtures = IndexFixtures(seed: 23)
        // No compaction, so removed nodes stay as tombstones in the graph.
        let index = try HNSWIndex(dimensions: 16, configuration: .init(compactionFraction: 1))
        let vectors = (0..<300).map { _ in fixtures.vector(16) }
        for (id, vector) in vectors.enumerated() { try index.insert(id: UInt64(id), vector: vector) }
        for id in stride(from: UInt64(0), to: 300, by: 2) { #expect(index.remove(id: id)) }
        #expect(index.count == 150)
        #expect(index.vector(for: 4) == nil)
        for id in 0..<300 {
            let matches = try index.search(vectors[id], k: 10)
            #expect(matches.allSatisfy { $0.id % 2 == 1 })
            if id % 2 == 1 { #expect(matches.first?.id == UInt64(id)) }
        }
    }

    @Test func compactionKeepsTheLiveVectorsFindable() throws {
        let fixtures = IndexFixtures(seed: 24)
        let index = try HNSWIndex(dimensions: 16, configuration: .init(compactionFraction: 0.1))
        let vectors = (0..<200).map { _ in fixtures.vector(16) }
        for (id, vector) in vectors.enumerated() { try index.insert(id: UInt64(id), vector: vector) }
        for id in UInt64(0)..<150 { index.remove(id: id) }  // crosses 10 % tombstones several times
        #expect(index.count == 50)
        for id in 150..<200 { #expect(try index.search(vectors[id], k: 1).first?.id == UInt64(id)) }
        for id in UInt64(0)..<50 { index.remove(id: id + 150) }
        #expect(index.count == 0)
        #expect(try index.search(vectors[0], k: 1).isEmpty)
    }

    @Test func insertingAnExistingIdReplacesItsVector() throws {
        let index = try HNSWIndex(dimensions: 3)
        try index.insert(id: 1, vector: [1, 0, 0])
        try index.insert(id: 2, vector: [0, 0, 1])
        try index.insert(id: 1, vector: [0, 5, 0])
        #expect(index.count == 2)
        #expect(index.vector(for: 1) == [0, 1, 0])
        #expect(try index.search([1, 0, 0], k: 3, minimumScore: 0.5).isEmpty)
        #expect(try index.search([0, 1, 0], k: 3, minimumScore: 0.5) == [VectorMatch(id: 1, score: 1)])
        index.removeAll()
        #expect(index.count == 0)
    }

    /// The share of queries whose HNSW best match is the exact best match.
    private func recallAtOne(vectors: [[Float]], queries: [[Float]]) throws -> Double {
        let dimensions = vectors[0].count
        let exact = try FlatVectorIndex(dimensions: dimensions)
        let approximate = try HNSWIndex(dimensions: dimensions)
        for (id, vector) in vectors.enumerated() {
            try exact.insert(id: UInt64(id), vector: vector)
            try approximate.insert(id: UInt64(id), vector: vector)
        }
        let agreeing = try queries.filter { query in
            try exact.search(query, k: 1).first?.id == approximate.search(query, k: 1).first?.id
        }
        return Double(agreeing.count) / Double(queries.count)
    }
}
