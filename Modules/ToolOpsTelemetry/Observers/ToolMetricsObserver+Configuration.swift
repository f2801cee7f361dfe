import CoreMetrics

extension ToolMetricsObserver {
    /// The metrics backend and the naming of a ``ToolMetricsObserver``'s metrics.
    ///
    /// The default ``factory`` is `MetricsSystem.factory` as it is when the configuration is made —
    /// the task-local factory if one is bound, else the bootstrapped one — so call
    /// `MetricsSystem.bootstrap(_:)` before creating the observer, as with any swift-metrics metric.
    ///
    /// The ``prefix`` is corrected rather than trapped on: characters a Prometheus name cannot hold
    /// become `_`, trailing underscores are dropped, and an empty prefix gives bare names
    /// (`calls_total`).
    ///
    /// ```swift
    /// let metrics = ToolMetricsObserver(configuration: .init(prefix: "agent_tools", includeVersion: false))
    /// // Counts calls as `agent_tools_calls_total{tool="web_search", outcome="success"}`.
    /// ```
    public struct Configuration: Sendable {
        /// The backend that creates the metrics. Default `MetricsSystem.factory`.
        public var factory: any MetricsFactory
        /// The first part of every metric name, joined with `_`. Default `"toolops"`.
        public var prefix: String
        /// Whether metrics carry the tool's `version` dimension. Default `true`.
        ///
        /// Without it, every version of a tool shares one set of metrics.
        public var includeVersion: Bool

        /// A configuration.
        public init(
            factory: any MetricsFactory = MetricsSystem.factory,
            prefix: String = "toolops",
            includeVersion: Bool = true
        ) {
            self.factory = factory
            self.prefix = prefix
            self.includeVersion = includeVersion
        }

        /// ``prefix`` as a valid Prometheus name part: invalid characters replaced by `_`, trailing
        /// underscores dropped.
        var effectivePrefix: String {
            var characters = prefix.map { character in
                character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == ":")
                    ? character : "_"
            }
            while characters.last == "_" { characters.removeLast() }
            // A name cannot start with a digit.
            if let first = characters.first, first.isNumber { characters.insert("_", at: 0) }
            return String(characters)
        }
    }
}
