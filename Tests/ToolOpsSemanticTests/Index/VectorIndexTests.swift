import Testing
import ToolOpsSemantic

@Suite struct VectorIndexTests {
    @Test func switchesToHNSWPastTheThresholdAndBackAtHalfOfIt() throws {
        let fixtures = IndexFixtures(seed: 31)
        let index = try VectorIndex(dimensions: 16, configuration: .init(approximateThreshold: 100))
        let vectors = (0..<101).map { _ in fixtures.vector(16) }
        for id in 0..<100 { try index.insert(id: UInt64(id), vector: vectors[id]) }
        #expect(!index.isApproximate)
        try index.insert(id: 100, vector: vectors[100])
        #expect(index.isApproximate)
        #expect(index.count == 101)
        for id in [0, 50, 100] { #expect(try index.search(vectors[id], k: 1).first?.id == UInt64(id)) }

        // Hysteresis: dipping just below the threshold stays approximate …
        for id in UInt64(0)..<10 { index.remove(id: id) }
        #expect(index.isApproximate)
        // … until the count reaches half of it.
        for id in UInt64(10)..<50 { index.remove(id: id) }
        #expect(index.count == 51)
        #expect(index.isApproximate)
        index.remove(id: 50)
        #expect(!index.isApproximate)
        #expect(index.count == 50)
        for id in 51...100 { #expect(try index.search(vectors[id], k: 1).first?.id == UInt64(id)) }
        #expect(index.vector(for: 60) != nil && index.vector(for: 20) == nil)
    }

    @Test func replacementWorksOnBothSidesOfTheThreshold() throws {
        let fixtures = IndexFixtures(seed: 32)
        let index = try VectorIndex(dimensions: 8, configuration: .init(approximateThreshold: 20))
        for id in UInt64(0)..<30 { try index.insert(id: id, vector: fixtures.vector(8)) }
        #expect(index.isApproximate)
        let replacement = fixtures.vector(8)
        try index.insert(id: 5, vector: replacement)
        #expect(index.count == 30)
        #expect(try index.search(replacement, k: 1).first?.id == 5)
        index.removeAll()
        #expect(!index.isApproximate && index.count == 0)
    }

    @Test func exactBelowTheThresholdMatchesTheReference() throws {
        let fixtures = IndexFixtures(seed: 33)
        let index = try VectorIndex(dimensions: 20)
        var stored: [UInt64: [Float]] = [:]
        for id in UInt64(0)..<300 {
            stored[id] = fixtures.vector(20)
            try index.insert(id: id, vector: stored[id]!)
        }
        let query = fixtures.vector(20)
        #expect(
            sameMatches(
                try index.search(query, k: 10, minimumScore: 0.1),
                referenceSearch(stored, query: query, k: 10, minimumScore: 0.1)))
    }
}
