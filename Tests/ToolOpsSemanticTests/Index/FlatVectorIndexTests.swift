import Testing
import ToolOpsSemantic

@Suite struct FlatVectorIndexTests {
    @Test func topKMatchesTheNaiveReference() throws {
        let fixtures = IndexFixtures(seed: 11)
        let index = try FlatVectorIndex(dimensions: 40)  // 40 = two 16-lane blocks and a scalar tail
        var stored: [UInt64: [Float]] = [:]
        for id in UInt64(0)..<500 {
            let vector = fixtures.vector(40)
            stored[id] = vector
            try index.insert(id: id * 7, vector: vector)
        }
        stored = Dictionary(uniqueKeysWithValues: stored.map { ($0.key * 7, $0.value) })
        for k in [1, 5, 50, 600] {
            let query = fixtures.vector(40)
            let expected = referenceSearch(stored, query: query, k: k, minimumScore: -1)
            #expect(sameMatches(try index.search(query, k: k, minimumScore: -1), expected))
        }
    }

    @Test func minimumScoreDropsWeakerMatches() throws {
        let fixtures = IndexFixtures(seed: 12)
        let index = try FlatVectorIndex(dimensions: 16)
        var stored: [UInt64: [Float]] = [:]
        for id in UInt64(0)..<200 {
            stored[id] = fixtures.vector(16)
            try index.insert(id: id, vector: stored[id]!)
        }
        let query = fixtures.vector(16)
        let matches = try index.search(query, k: 200, minimumScore: 0.3)
        #expect(!matches.isEmpty && matches.count < 200)
        #expect(matches.allSatisfy { $0.score >= 0.3 })
        #expect(sameMatches(matches, referenceSearch(stored, query: query, k: 200, minimumScore: 0.3)))
        #expect(try index.search(stored[3]!, k: 1, minimumScore: 0.999).map(\.id) == [3])
    }

    @Test func insertingAnExistingIdReplacesItsVector() throws {
        let index = try FlatVectorIndex(dimensions: 3)
        try index.insert(id: 1, vector: [1, 0, 0])
        try index.insert(id: 1, vector: [0, 2, 0])
        #expect(index.count == 1)
        #expect(index.vector(for: 1) == [0, 1, 0])
        #expect(try index.search([0, 1, 0], k: 5, minimumScore: 0) == [VectorMatch(id: 1, score: 1)])
    }

    @Test func removalKeepsEveryOtherVectorFindable() throws {
        let fixtures = IndexFixtures(seed: 13)
        let index = try FlatVectorIndex(dimensions: 8)
        let vectors = (0..<10).map { _ in fixtures.vector(8) }
        for (id, vector) in vectors.enumerated() { try index.insert(id: UInt64(id), vector: vector) }
        #expect(index.remove(id: 2))  // the last row moves into row 2
        #expect(!index.remove(id: 2))
        #expect(index.remove(id: 9))
        #expect(index.count == 8)
        #expect(index.vector(for: 2) == nil)
        for id in [0, 1, 3, 4, 5, 6, 7, 8] {
            #expect(try index.search(vectors[id], k: 1, minimumScore: 0.9999).first?.id == UInt64(id))
        }
        index.removeAll()
        #expect(index.count == 0)
        #expect(try index.search(vectors[0], k: 1).isEmpty)
    }

    @Test func vectorsAreStoredNormalised() throws {
        let index = try FlatVectorIndex(dimensions: 2)
        try index.insert(id: 4, vector: [3, 4])
        #expect(index.vector(for: 4) == [0.6, 0.8])
        // A query's length does not matter either.
        #expect(try index.search([30, 40], k: 1).first?.score == 1)
        #expect(try index.search([1, 0], k: 0).isEmpty)
    }
}
