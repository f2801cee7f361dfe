/// The state of an ``HNSWIndex``: normalised vectors by node, and the layered neighbour graph.
///
/// Nodes are numbered in insertion order and never renumbered; removal leaves a tombstone, which
/// the next insert reuses (see `HNSWGraph+Removal.swift`). The bottom layer's links live in one
/// flat array, `2m` slots per node, since every search walks it; the sparse upper layers use
/// nested arrays.
struct HNSWGraph: Sendable {
    let dimensions: Int
    let configuration: HNSWIndex.Configuration
    var vectors: [Float] = []
    var ids: [UInt64] = []
    var isDeleted: [Bool] = []
    var deletedCount = 0
    /// Tombstones an insert may take over (never the entry point, whose links every search starts from).
    var reusableNodes: [Int32] = []
    /// Live id → node.
    var nodes: [UInt64: Int32] = [:]
    var levels: [UInt8] = []
    var baseLinks: [Int32] = []
    var baseCounts: [Int32] = []
    /// `upperLinks[node][level - 1]`, for levels 1 through the node's level.
    var upperLinks: [[[Int32]]] = []
    var entryPoint: Int32 = -1
    var topLevel = 0
    private var randomState: UInt64

    init(dimensions: Int, configuration: HNSWIndex.Configuration) {
        self.dimensions = dimensions
        self.configuration = configuration
        randomState = configuration.seed
    }

    /// Live vectors.
    var count: Int { nodes.count }
    var nodeCount: Int { ids.count }
    var baseCapacity: Int { configuration.m * 2 }

    /// Stores `normalized` under `id` as a node linked into the graph: a tombstone's if there is one
    /// (the old node of `id` becomes one first), else a new node.
    mutating func insert(id: UInt64, normalized: [Float]) {
        if let old = nodes[id] { bury(old) }
        if let reused = takeReusableNode() {
            revive(reused, id: id, normalized: normalized)
            return
        }
        let node = Int32(ids.count)
        let level = drawLevel()
        ids.append(id)
        isDeleted.append(false)
        nodes[id] = node
        vectors.append(contentsOf: normalized)
        levels.append(UInt8(level))
        baseLinks.append(contentsOf: repeatElement(-1, count: baseCapacity))
        baseCounts.append(0)
        upperLinks.append(Array(repeating: [], count: level))
        link(node, level: level, vector: normalized)
    }

    /// The stored (normalised) vector of live `id`.
    func vector(for id: UInt64) -> [Float]? {
        guard let node = nodes[id] else { return nil }
        let start = Int(node) * dimensions
        return Array(vectors[start..<start + dimensions])
    }

    /// A layer for a new node: layer `l` or above with probability `m^-l`, the paper's `mL = 1/ln m`.
    private mutating func drawLevel() -> Int {
        var level = 0
        let m = UInt64(configuration.m)
        while level < 30, nextRandom() % m == 0 { level += 1 }
        return level
    }

    /// SplitMix64, seeded from the configuration.
    private mutating func nextRandom() -> UInt64 {
        randomState &+= 0x9E37_79B9_7F4A_7C15
        var z = randomState
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
