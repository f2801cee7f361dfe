import Testing
import ToolOpsSemantic

@Suite struct VectorValidationTests {
    @Test func wrongLengthNamesExpectedAndGivenDimensions() throws {
        for index in try indexes(dimensions: 4) {
            let error = #expect(throws: VectorIndexError.self) { try index.insert(1, [1, 2, 3]) }
            #expect(error?.code == .dimensionMismatch)
            #expect(error?.expectedDimensions == 4 && error?.givenDimensions == 3)
            #expect(error?.description.contains("3 dimensions") == true)
            #expect(error?.description.contains("4-dimension") == true)
            let queryError = #expect(throws: VectorIndexError.self) { _ = try index.search([1, 2, 3, 4, 5]) }
            #expect(queryError?.code == .dimensionMismatch && queryError?.givenDimensions == 5)
        }
    }

    @Test func zeroAndNonFiniteVectorsAreRefused() throws {
        for index in try indexes(dimensions: 3) {
            #expect(codeOf { try index.insert(1, [0, 0, 0]) } == .zeroVector)
            #expect(codeOf { _ = try index.search([0, 0, 0]) } == .zeroVector)
            #expect(codeOf { try index.insert(1, [1, .nan, 0]) } == .nonFiniteValue)
            #expect(codeOf { _ = try index.search([.infinity, 0, 0]) } == .nonFiniteValue)
        }
    }

    @Test func outOfRangeSettingsAreRefused() {
        #expect(throws: VectorIndexError.self) { try FlatVectorIndex(dimensions: 0) }
        #expect(throws: VectorIndexError.self) { try HNSWIndex(dimensions: 8, configuration: .init(m: 1)) }
        #expect(throws: VectorIndexError.self) {
            try VectorIndex(dimensions: 8, configuration: .init(approximateThreshold: 0))
        }
    }

    /// Insert and search of each index kind, so every check runs against all three.
    private struct AnyIndex {
        let insert: (UInt64, [Float]) throws -> Void
        let search: ([Float]) throws -> [VectorMatch]
    }

    private func indexes(dimensions: Int) throws -> [AnyIndex] {
        let flat = try FlatVectorIndex(dimensions: dimensions)
        let hnsw = try HNSWIndex(dimensions: dimensions)
        let facade = try VectorIndex(dimensions: dimensions)
        return [
            AnyIndex(insert: { try flat.insert(id: $0, vector: $1) }, search: { try flat.search($0, k: 1) }),
            AnyIndex(insert: { try hnsw.insert(id: $0, vector: $1) }, search: { try hnsw.search($0, k: 1) }),
            AnyIndex(insert: { try facade.insert(id: $0, vector: $1) }, search: { try facade.search($0, k: 1) }),
        ]
    }

    /// The code of the ``VectorIndexError`` `body` throws; nil if it throws none.
    private func codeOf(_ body: () throws -> Void) -> VectorIndexError.Code? {
        do {
            try body()
            return nil
        } catch {
            return (error as? VectorIndexError)?.code
        }
    }
}
