import ToolOps
import ToolOpsConfiguration
import ToolOpsTelemetry

/// What an app hands the `toolops` commands when it mounts them in its own executable: the
/// runtime holding its stores and tools, and optionally its metrics and per-tool statistics.
///
/// The Swift counterpart of the Python CLI's `--app module:setup`. With the app's runtime,
/// `toolops inspect` derives keys exactly as the app's tools do (their version, their sensitive
/// arguments) and looks in each tool's own store; `toolops invalidate --tool` knows where a tool
/// caches; `toolops doctor` sees the app's circuit breakers; `toolops metrics` exposes the app's
/// own metrics next to the stores' gauges.
///
/// The plain `toolops` executable uses ``ConfiguredApplication``: the stores of the
/// configuration file and no tools.
///
/// ```swift
/// struct WeatherApp: ToolOpsApplication {
///     func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
///         let runtime = ToolRuntime(stores: try configuration.makeRegistry())
///         _ = try runtime.readonly("get_weather", options: .init(cache: "shared")) { (q: Query) in … }
///         return runtime
///     }
/// }
/// ```
public protocol ToolOpsApplication: Sendable {
    /// Builds the runtime the commands work on, from the loaded configuration.
    func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime

    /// The app's own Prometheus metrics, which `toolops metrics` exposes with the stores' gauges
    /// added; `nil` (the default) for a registry of the stores' gauges only.
    var prometheus: ToolOpsPrometheus? { get }

    /// The app's per-tool statistics, from which `toolops stats` shows stale serves; `nil` (the
    /// default) when the app keeps none.
    var toolStatistics: ToolStatisticsObserver? { get }

    /// Releases what a command opened in `runtime`, once the command is done with it.
    ///
    /// Every store command (`doctor`, `stats`, `clear`, `invalidate`, `inspect`, `metrics`)
    /// calls it once at its end — after its output, whether it succeeded or failed; `metrics
    /// --serve` when serving stops — on the runtime ``makeRuntime(configuration:)`` built for it.
    /// The command waits at most 5 seconds for it, then goes on (and says so on standard error):
    /// a store step that timed out may still hold a connection.
    ///
    /// The default shuts down every ``PostgresCache`` already built in `runtime.stores`
    /// (``CacheStoreRegistry/builtStores()``; stores registered with a factory nobody asked for
    /// are not built for this): it flushes the statistics counters the command gathered, then
    /// closes the connections. An app whose ``makeRuntime(configuration:)`` returns a runtime
    /// that outlives the command — the live runtime of a service running commands in-process —
    /// overrides it, with an empty body or with what it does release:
    ///
    /// ```swift
    /// struct LiveService: ToolOpsApplication {
    ///     let runtime: ToolRuntime
    ///     func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime { runtime }
    ///     func shutdown(runtime: ToolRuntime) async {}  // the service keeps its stores open
    /// }
    /// ```
    func shutdown(runtime: ToolRuntime) async
}

extension ToolOpsApplication {
    /// No metrics of the app's own.
    public var prometheus: ToolOpsPrometheus? { nil }

    /// No per-tool statistics.
    public var toolStatistics: ToolStatisticsObserver? { nil }

    /// Shuts down every PostgreSQL store already built in `runtime.stores`: their counters are
    /// flushed and their connections closed. Other stores need nothing.
    public func shutdown(runtime: ToolRuntime) async {
        for (_, store) in runtime.stores.builtStores() {
            if let postgres = store as? PostgresCache { await postgres.shutdown() }
        }
    }
}

/// The stores of the configuration file, no tools: what the standalone `toolops` works with.
public struct ConfiguredApplication: ToolOpsApplication {
    /// The configuration's stores.
    public init() {}

    /// A runtime over ``ToolOpsConfiguration/makeRegistry(clock:)``.
    public func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
        ToolRuntime(stores: try configuration.makeRegistry())
    }
}
