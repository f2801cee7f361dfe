/// The best `k` matches seen so far, kept in a binary heap whose root is the worst of them.
///
/// A scan offers every candidate; once `k` are held, a candidate is one comparison against the
/// root, so top-k costs about as much as top-1 when few candidates qualify.
struct TopMatches {
    private let capacity: Int
    private let minimumScore: Float
    private var heap: [VectorMatch] = []

    /// Room for `k` matches scoring at least `minimumScore`.
    init(k: Int, minimumScore: Float) {
        capacity = max(k, 0)
        self.minimumScore = minimumScore
        heap.reserveCapacity(min(capacity, 1_024))
    }

    /// The score a candidate must beat to enter (ties are settled by id in ``offer(id:score:)``).
    @inline(__always)
    var threshold: Float {
        heap.count < capacity ? minimumScore : heap.first?.score ?? .infinity
    }

    /// Keeps `id` if it ranks among the best `k` so far.
    @inline(__always)
    mutating func offer(id: UInt64, score: Float) {
        guard capacity > 0, score >= minimumScore else { return }
        let candidate = VectorMatch(id: id, score: score)
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if candidate.ranksBefore(heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The matches held, best first, scores clamped to `-1...1`.
    func sorted() -> [VectorMatch] {
        heap.sorted { $0.ranksBefore($1) }.map { VectorMatch(id: $0.id, score: VectorMath.clampedScore($0.score)) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].ranksBefore(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count {
                if heap[worst].ranksBefore(heap[child]) { worst = child }
            }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
