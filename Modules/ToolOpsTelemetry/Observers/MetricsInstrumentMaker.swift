import CoreMetrics
import ToolOpsCore

/// Creates a ``ToolMetricsObserver``'s metrics through the configured factory.
///
/// Only ``MetricsToolInstruments`` calls it, once per metric series; events never reach it in
/// steady state.
struct MetricsInstrumentMaker: Sendable {
    let factory: any MetricsFactory
    let names: MetricsNames
    let includeVersion: Bool

    init(configuration: ToolMetricsObserver.Configuration) {
        factory = configuration.factory
        names = MetricsNames(prefix: configuration.effectivePrefix)
        includeVersion = configuration.includeVersion
    }

    /// The key a tool's metrics are cached under: the tool itself, or its name alone when versions
    /// share metrics, so that one series is never made twice.
    func cacheKey(for tool: ToolID) -> ToolID {
        includeVersion ? tool : ToolID(name: tool.name, version: "")
    }

    /// The dimensions every metric of `tool` starts with.
    func dimensions(for tool: ToolID) -> [(String, String)] {
        includeVersion ? [("tool", tool.name), ("version", tool.version)] : [("tool", tool.name)]
    }

    func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        Counter(label: label, dimensions: dimensions, factory: factory)
    }

    func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        CoreMetrics.Timer(label: label, dimensions: dimensions, preferredDisplayUnit: .seconds, factory: factory)
    }

    func meter(_ label: String, _ dimensions: [(String, String)]) -> Meter {
        Meter(label: label, dimensions: dimensions, factory: factory)
    }

    func gauge(_ label: String, _ dimensions: [(String, String)]) -> Gauge {
        Gauge(label: label, dimensions: dimensions, factory: factory)
    }
}
