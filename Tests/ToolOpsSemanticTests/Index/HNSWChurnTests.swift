import Testing
import ToolOpsSemantic

/// A cache's steady state on the graph: entries expire and new ones take their tombstones.
@Suite struct HNSWChurnTests {
    @Test func replacingEveryEntryKeepsRecallAndNeverReturnsRemovedIds() throws {
        let fixtures = IndexFixtures(seed: 51)
        let count = 400
        let index = try HNSWIndex(dimensions: 16)
        let exact = try FlatVectorIndex(dimensions: 16)
        for id in 0..<count {
            let vector = fixtures.vector(16)
            try index.insert(id: UInt64(id), vector: vector)
            try exact.insert(id: UInt64(id), vector: vector)
        }
        // Each removal is followed by an insert that revives the tombstone with a far-away vector.
        let replacements = fixtures.clustered(count: count, dimensions: 16, clusters: 8)
        for (offset, vector) in replacements.enumerated() {
            #expect(index.remove(id: UInt64(offset)))
            exact.remove(id: UInt64(offset))
            try index.insert(id: UInt64(count + offset), vector: vector)
            try exact.insert(id: UInt64(count + offset), vector: vector)
        }
        #expect(index.count == count)
        #expect(index.vector(for: 0) == nil && index.vector(for: UInt64(count)) != nil)

        var agreeing = 0
        for vector in replacements.prefix(150) {
            let query = fixtures.near(vector, amount: 0.05)
            let matches = try index.search(query, k: 5)
            #expect(matches.allSatisfy { $0.id >= UInt64(count) })
            if matches.first?.id == (try exact.search(query, k: 1)).first?.id { agreeing += 1 }
        }
        #expect(Double(agreeing) / 150 >= 0.95)
    }

    @Test func reinsertingAnIdRevivesItWithTheNewVector() throws {
        let index = try HNSWIndex(dimensions: 4)
        for id in UInt64(0)..<50 { try index.insert(id: id, vector: [Float(id), 1, Float(id % 7), 2]) }
        for round in 0..<3 {
            try index.insert(id: 10, vector: [0, 0, 0, Float(round + 1)])
            #expect(index.count == 50)
            #expect(try index.search([0, 0, 0, 1], k: 1).first == VectorMatch(id: 10, score: 1))
        }
    }
}
