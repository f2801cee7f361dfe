/// A graph node with its similarity to the vector being searched for.
struct ScoredNode {
    var node: Int32
    var score: Float
}

/// A binary heap of scored nodes whose top is the highest score or the lowest, as chosen.
///
/// HNSW's layer search keeps two: candidates to expand, best on top, and the results so far,
/// worst on top so the bound `ef` can evict it.
struct ScoredHeap {
    private let highestOnTop: Bool
    private(set) var items: [ScoredNode] = []

    init(highestOnTop: Bool, capacity: Int) {
        self.highestOnTop = highestOnTop
        items.reserveCapacity(capacity)
    }

    var count: Int { items.count }
    var top: ScoredNode? { items.first }

    @inline(__always)
    private func above(_ a: ScoredNode, _ b: ScoredNode) -> Bool {
        highestOnTop ? a.score > b.score : a.score < b.score
    }

    mutating func push(_ item: ScoredNode) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard above(items[child], items[parent]) else { return }
            items.swapAt(parent, child)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> ScoredNode? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var chosen = parent
            if left < items.count, above(items[left], items[chosen]) { chosen = left }
            if right < items.count, above(items[right], items[chosen]) { chosen = right }
            guard chosen != parent else { return first }
            items.swapAt(parent, chosen)
            parent = chosen
        }
    }
}
