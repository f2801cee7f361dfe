import ToolOpsCore

extension ToolStatisticsObserver {
    /// The window, bucket width, tool limit and per-call costs of a ``ToolStatisticsObserver``.
    ///
    /// The window is kept as ``bucketCount`` buckets of ``bucketWidth`` each; the window section of
    /// a snapshot covers the current (partial) bucket and the ones before it, so with the defaults
    /// it spans between 4 min 50 s and 5 min. Narrower buckets make the window's edge sharper and
    /// cost memory: each tool holds one latency histogram per bucket.
    ///
    /// Out-of-range values are corrected rather than trapped on: a bucket width under 1 ms becomes
    /// 1 ms, a window shorter than one bucket becomes one bucket, a window of more than 3,600
    /// buckets is cut to 3,600, and fewer than 1 tool becomes 1.
    ///
    /// ```swift
    /// let statistics = ToolStatisticsObserver(
    ///     configuration: .init(window: .seconds(60), bucketWidth: .seconds(5), costPerCall: ["web_search": 0.005])
    /// )
    /// ```
    public struct Configuration: Sendable {
        /// The rolling window the snapshot's window section covers. Default 5 minutes.
        public var window: Duration
        /// The width of one time bucket of the window. Default 10 seconds.
        public var bucketWidth: Duration
        /// The most tools tracked at once. Default 1,000.
        ///
        /// When an event arrives for a new tool and this many are tracked, the tool seen least
        /// recently is forgotten (window and lifetime alike) to make room; finding it scans every
        /// tool, which only happens when a new tool arrives at a full table.
        ///
        /// Memory per tool: each of its window buckets and its lifetime hold about 300 bytes of
        /// counters plus 256 bytes per power of two its call durations spanned — about 3 KiB for
        /// calls of 5 ms to 2 s, so about 90 KiB per tool with the default 30 buckets — and never
        /// more than 16 KiB each, whatever the traffic.
        public var maxTools: Int
        /// What one upstream call of a tool costs, by tool name (every version), in any unit you
        /// like (dollars, tokens, milliseconds of quota); used for ``ToolStatistics/costSaved``.
        public var costPerCall: [String: Double]

        /// A configuration.
        public init(
            window: Duration = .seconds(300),
            bucketWidth: Duration = .seconds(10),
            maxTools: Int = 1_000,
            costPerCall: [String: Double] = [:]
        ) {
            self.window = window
            self.bucketWidth = bucketWidth
            self.maxTools = maxTools
            self.costPerCall = costPerCall
        }

        /// The most buckets a window may have.
        public static let maxBucketCount = 3_600

        /// ``bucketWidth`` in nanoseconds, at least 1 ms.
        var effectiveBucketNanoseconds: Int64 {
            max(bucketWidth.nanoseconds, 1_000_000)
        }

        /// How many buckets the window needs: the window divided by the width, rounded up, in
        /// `1...maxBucketCount`.
        var effectiveBucketCount: Int {
            let width = effectiveBucketNanoseconds
            let window = max(window.nanoseconds, 0)
            let buckets = window / width + (window % width == 0 ? 0 : 1)
            return Int(min(max(buckets, 1), Int64(Self.maxBucketCount)))
        }

        /// ``maxTools``, at least 1.
        var effectiveMaxTools: Int { max(maxTools, 1) }
    }
}
