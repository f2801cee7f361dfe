/// A compact log-linear histogram of durations in nanoseconds: the latency sketch behind
/// ``ToolStatisticsObserver``'s percentiles.
///
/// Values below 32 ns are counted exactly. Above, every power of two `[2^e, 2^(e+1))` is split
/// into 32 equal sub-buckets, so a bucket is at most 1/32 of its lower bound wide; reporting a
/// bucket's midpoint is off from any value in it by at most 1/64 ≈ 1.56 %. Counters are kept in
/// pages of 32, one page per power of two actually seen, allocated on first use: a histogram
/// holds at most ``pageCount`` × 32 counters (about 15 KiB) whatever the traffic, and typically a
/// dozen pages. ``reset()`` zeroes the counters but keeps the pages, so a recycled histogram
/// records again without allocating.
struct LatencyHistogram: Sendable {
    /// Sub-buckets per power of two, and exact values below it.
    static let subBucketCount = 32
    /// log2 of ``subBucketCount``.
    static let subBucketBits = 5
    /// Page 0 holds 0..<32 exactly; page `p ≥ 1` holds `[2^(p+4), 2^(p+5))`; 60 pages cover `UInt64`
    /// values below 2^64.
    static let pageCount = 60

    /// For each page, `1 + ` its position in ``counts`` divided by 32, or 0 when not yet allocated.
    private(set) var pageSlots: [UInt8] = []
    /// The pages' counters, in allocation order.
    private(set) var counts: [UInt64] = []
    /// How many values were recorded.
    private(set) var count: UInt64 = 0
    /// The smallest value recorded, exact.
    private(set) var minimum: UInt64 = .max
    /// The largest value recorded, exact.
    private(set) var maximum: UInt64 = 0
    /// The sum of the values, for the mean; a `Double` so that it cannot overflow.
    private(set) var sum: Double = 0

    /// How many pages are allocated; never more than ``pageCount``.
    var allocatedPages: Int { counts.count / Self.subBucketCount }

    /// Counts one duration, in nanoseconds; negative values count as zero.
    @inline(__always)
    mutating func record(nanoseconds: Int64) {
        let value = UInt64(clamping: nanoseconds)
        let (page, sub) = Self.position(of: value)
        var slot = pageSlots.isEmpty ? 0 : Int(pageSlots[page])
        if slot == 0 { slot = allocate(page: page) }
        counts[(slot &- 1) &* Self.subBucketCount &+ sub] &+= 1
        count &+= 1
        sum += Double(value)
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
    }

    /// Forgets every value, keeping the allocated pages for reuse.
    mutating func reset() {
        guard count > 0 else { return }
        for index in counts.indices { counts[index] = 0 }
        count = 0
        minimum = .max
        maximum = 0
        sum = 0
    }

    /// Adds every value of `other` to this histogram.
    mutating func merge(_ other: LatencyHistogram) {
        guard other.count > 0 else { return }
        for page in 0..<Self.pageCount {
            let otherSlot = Int(other.pageSlots[page])
            guard otherSlot > 0 else { continue }
            var slot = pageSlots.isEmpty ? 0 : Int(pageSlots[page])
            if slot == 0 { slot = allocate(page: page) }
            let base = (slot - 1) * Self.subBucketCount
            let otherBase = (otherSlot - 1) * Self.subBucketCount
            for sub in 0..<Self.subBucketCount { counts[base + sub] &+= other.counts[otherBase + sub] }
        }
        count &+= other.count
        sum += other.sum
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
    }

    /// The page and sub-bucket `value` falls in.
    @inline(__always)
    static func position(of value: UInt64) -> (page: Int, sub: Int) {
        if value < UInt64(subBucketCount) { return (0, Int(value)) }
        let exponent = 63 - value.leadingZeroBitCount  // ≥ subBucketBits
        let shift = exponent - subBucketBits
        return (exponent - subBucketBits + 1, Int((value >> UInt64(shift)) & UInt64(subBucketCount - 1)))
    }

    /// The smallest value and the width of the bucket at `page`, `sub`.
    static func bounds(page: Int, sub: Int) -> (lower: UInt64, width: UInt64) {
        if page == 0 { return (UInt64(sub), 1) }
        let shift = UInt64(page - 1)
        return ((UInt64(subBucketCount) + UInt64(sub)) << shift, 1 << shift)
    }

    private mutating func allocate(page: Int) -> Int {
        if pageSlots.isEmpty { pageSlots = Array(repeating: 0, count: Self.pageCount) }
        counts.append(contentsOf: repeatElement(0, count: Self.subBucketCount))
        let slot = counts.count / Self.subBucketCount
        pageSlots[page] = UInt8(slot)
        return slot
    }
}
