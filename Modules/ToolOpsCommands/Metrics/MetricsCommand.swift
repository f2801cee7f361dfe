import ArgumentParser
import ToolOpsConfiguration
import ToolOpsTelemetry

/// `toolops metrics`: the stores' statistics (and an app's own metrics) in the Prometheus format.
public struct MetricsCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the Prometheus exposition of the stores' statistics, or serve it over HTTP.",
        discussion: """
            Gauges per store — <prefix>_cache_entries, _bytes, _hits, _misses, _writes, \
            _evictions, _expirations and _up — and per tool where the store keeps figures \
            (<prefix>_cache_tool_entries, _bytes); the prefix is telemetry.metricsPrefix of the \
            configuration. When an app mounts the commands with its Prometheus registry, its own \
            metrics (calls, latencies, cache hits per tool) are included. With --serve PORT the \
            exposition is served at http://HOST:PORT/PATH and the gauges refreshed every \
            --refresh seconds, until Ctrl-C or SIGTERM (exit status 0). Without --serve, a store \
            that cannot be read shows as down (its _up gauge is 0), is named on standard error, \
            and the exit status is 1.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: ArgumentHelp("Only this store.", valueName: "name"))
    var store: String?

    @Option(help: ArgumentHelp("Serve the exposition over HTTP on this port (0 picks a free one).", valueName: "port"))
    var serve: Int?

    @Option(help: ArgumentHelp("The address to serve on, with --serve.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The URL path to serve on, with --serve.", valueName: "path"))
    var path = "/metrics"

    @Option(help: ArgumentHelp("How often to re-read the stores, with --serve, in seconds.", valueName: "seconds"))
    var refresh = 15.0

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        if let serve, !(0...65_535).contains(serve) {
            throw ValidationError("--serve must be a port (0-65535), got \(serve).")
        }
        if host.isEmpty { throw ValidationError("--host needs an address.") }
        if !path.hasPrefix("/") { throw ValidationError("--path must start with '/', got '\(path)'.") }
        guard refresh.isFinite, refresh >= 1, refresh <= 86_400 else {
            throw ValidationError("--refresh must be between 1 and 86400 seconds, got \(refresh).")
        }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            let environment = CommandEnvironment.current
            // The stores are shut down when the body ends: after printing, or when serving stops.
            try await options.withContext(environment) { context in
                let names = try context.storeNames(selecting: store)
                let exporter = StoreExporter(
                    context: context, names: names,
                    gauges: StoreGauges(
                        prometheus: environment.application.prometheus ?? ToolOpsPrometheus(),
                        prefix: context.configuration.telemetry.metricsPrefix))
                let failures = await exporter.refresh()
                guard let port = serve else {
                    // Like `stats`: what could be read, then one line per store that could not, and status 1.
                    context.output.write(exporter.gauges.prometheus.exposition(), to: .standardOutput)
                    for failure in failures { context.output.diagnostic("Error: \(failure)") }
                    if !failures.isEmpty { throw ExitCode.failure }
                    return
                }
                // While serving, a store that is down is a gauge at 0 (`_up`), not the end of the command.
                for failure in failures { context.output.diagnostic("Warning: \(failure)") }
                let interval = Duration.milliseconds(Int64(refresh * 1000))
                let refresher = Task { await exporter.refresh(every: interval) }
                defer { refresher.cancel() }
                let prometheus = exporter.gauges.prometheus
                try await serveMetrics(host: host, port: port, path: path, output: context.output) {
                    prometheus.exposition()
                }
            }
        }
    }
}
