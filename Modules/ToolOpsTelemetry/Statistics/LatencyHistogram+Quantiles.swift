extension LatencyHistogram {
    /// The values at the given quantiles (each in `0...1`), in nanoseconds, in the order given;
    /// empty when nothing was recorded.
    ///
    /// A quantile `q` is the value of nearest rank `⌈q × count⌉` (at least 1) in sorted order,
    /// estimated as the midpoint of the bucket holding that rank and clamped to the exact minimum
    /// and maximum: within 1/64 of the true value of that rank.
    func quantiles(_ quantiles: [Double]) -> [UInt64] {
        guard count > 0 else { return [] }
        let ranks = quantiles.map { quantile -> UInt64 in
            let rank = (min(max(quantile, 0), 1) * Double(count)).rounded(.up)
            return Swift.min(Swift.max(UInt64(rank), 1), count)
        }
        var results = Array(repeating: maximum, count: ranks.count)
        var pending = Set(ranks.indices)
        var seen: UInt64 = 0
        pages: for page in 0..<Self.pageCount {
            let slot = Int(pageSlots[page])
            guard slot > 0 else { continue }
            let base = (slot - 1) * Self.subBucketCount
            for sub in 0..<Self.subBucketCount {
                let bucketCount = counts[base + sub]
                guard bucketCount > 0 else { continue }
                seen += bucketCount
                for index in pending where ranks[index] <= seen {
                    results[index] = Self.estimate(page: page, sub: sub, minimum: minimum, maximum: maximum)
                    pending.remove(index)
                }
                if pending.isEmpty { break pages }
            }
        }
        return results
    }

    /// The midpoint of a bucket, rounded to whole nanoseconds and clamped to `minimum...maximum`.
    static func estimate(page: Int, sub: Int, minimum: UInt64, maximum: UInt64) -> UInt64 {
        let (lower, width) = bounds(page: page, sub: sub)
        // lower + (width - 1) / 2, rounded half up, without overflowing at the top of the range.
        let midpoint = lower + width / 2
        return Swift.min(Swift.max(midpoint, minimum), maximum)
    }
}
