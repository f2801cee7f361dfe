extension ToolOpsPrometheus {
    /// How a ``ToolOpsPrometheus`` turns swift-metrics timers into Prometheus histograms.
    ///
    /// Bucket bounds are corrected rather than trapped on: they are sorted, duplicates dropped, and
    /// non-positive bounds removed, so that the exposed buckets always rise.
    ///
    /// ```swift
    /// let prometheus = ToolOpsPrometheus(configuration: .init(durationBuckets: [.milliseconds(50), .seconds(5)]))
    /// ```
    public struct Configuration: Sendable {
        /// The upper bounds of the duration histograms every timer (`toolops_call_duration_seconds`)
        /// is exposed as. Default ``defaultDurationBuckets``.
        ///
        /// A `+Inf` bucket is always added after the last bound.
        public var durationBuckets: [Duration] {
            get { buckets }
            set { buckets = Self.normalized(newValue) }
        }
        private var buckets: [Duration]

        /// Latency bounds for tool calls, from a cache hit to a slow upstream: 0.5, 1, 2.5, 5, 10, 25,
        /// 50, 100, 250 and 500 ms, then 1, 2.5, 5, 10, 30 and 60 s.
        public static let defaultDurationBuckets: [Duration] = [
            .microseconds(500), .milliseconds(1), .microseconds(2_500), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500),
            .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]

        /// A configuration.
        public init(durationBuckets: [Duration] = Self.defaultDurationBuckets) {
            buckets = Self.normalized(durationBuckets)
        }

        /// `bounds` sorted, without duplicates or bounds at or below zero.
        private static func normalized(_ bounds: [Duration]) -> [Duration] {
            Set(bounds).filter { $0 > .zero }.sorted()
        }
    }
}
