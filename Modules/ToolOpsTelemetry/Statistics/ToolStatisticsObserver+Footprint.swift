import Synchronization

/// How much storage a ``ToolStatisticsObserver`` holds, in units that only grow when memory does.
struct StatisticsFootprint: Equatable, Sendable {
    /// Tools tracked.
    var tools: Int
    /// Time buckets allocated, over all tools' windows.
    var buckets: Int
    /// Latency histogram pages allocated (32 counters each), windows and lifetimes.
    var histogramPages: Int
    /// Event counters allocated, windows and lifetimes.
    var counters: Int
}

extension ToolStatisticsObserver {
    /// The storage held now; for tests that check memory stays bounded.
    var footprint: StatisticsFootprint {
        table.withLock { table in
            var footprint = StatisticsFootprint(tools: table.records.count, buckets: 0, histogramPages: 0, counters: 0)
            for record in table.records {
                footprint.buckets += record.window.buckets.count
                for bucket in record.window.buckets + [record.lifetime] {
                    footprint.histogramPages += bucket.latency.allocatedPages
                    footprint.counters += bucket.counts.slots.count
                }
            }
            return footprint
        }
    }
}
