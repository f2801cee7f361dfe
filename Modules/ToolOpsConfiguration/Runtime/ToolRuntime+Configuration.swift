import ToolOps

extension ToolRuntime {
    /// A runtime whose stores are the configuration's (see ``ToolOpsConfiguration/makeRegistry(clock:)``),
    /// using the environment's clock.
    ///
    /// Telemetry is the environment's: give it the configuration's telemetry to log, count and
    /// trace as the file says.
    ///
    /// ```swift
    /// let configuration = try ToolOpsConfiguration.load()
    /// let telemetry = try configuration.telemetry.makeTelemetry()
    /// let runtime = try ToolRuntime(configuration: configuration, environment: ToolEnvironment(telemetry: telemetry))
    /// ```
    ///
    /// - Throws: ``ConfigurationError`` for the first mistake in the stores or defaults.
    public convenience init(
        configuration: ToolOpsConfiguration, environment: ToolEnvironment = .system
    ) throws(ConfigurationError) {
        self.init(environment: environment, stores: try configuration.makeRegistry(clock: environment.clock))
    }
}
