extension ToolExecutor {
    /// Timeouts, concurrency and limits of an executor.
    ///
    /// ```swift
    /// var configuration = ToolExecutor.Configuration(timeout: .seconds(10))
    /// configuration.timeouts["generate_report"] = .seconds(60)
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The longest one call may take, unless ``timeouts`` names its tool. Default 30 seconds.
        public var timeout: Duration
        /// Timeouts for particular tools, by name.
        public var timeouts: [String: Duration]
        /// The most calls run at the same time; the rest wait for a free slot. Default 8.
        public var maxConcurrentCalls: Int
        /// Limits of argument validation (how many violations are reported).
        public var validator: SchemaValidator.Configuration
        /// Limits of parsing provider responses in ``ToolExecutor/respond(to:format:options:)``.
        public var parser: ToolCallParser.Configuration

        public init(
            timeout: Duration = .seconds(30),
            timeouts: [String: Duration] = [:],
            maxConcurrentCalls: Int = 8,
            validator: SchemaValidator.Configuration = SchemaValidator.Configuration(),
            parser: ToolCallParser.Configuration = ToolCallParser.Configuration()
        ) {
            self.timeout = timeout
            self.timeouts = timeouts
            self.maxConcurrentCalls = max(1, maxConcurrentCalls)
            self.validator = validator
            self.parser = parser
        }

        /// The timeout of a call to the tool named `name`.
        public func timeout(for name: String) -> Duration {
            timeouts[name] ?? timeout
        }
    }
}
