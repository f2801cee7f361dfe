import Yams

extension ConfigurationReader {
    static let defaultsKeys = ["ttl", "stale_ttl", "namespace"]
    static let telemetryKeys = [
        "log_level", "log_file", "metrics_prefix", "tracing", "statistics_window", "cost_per_call",
    ]

    /// The `defaults` section.
    mutating func readDefaults(_ section: Entry) {
        draft.origins[section.path] = .line(section.keyLine)
        for entry in entries(of: section.value, path: section.path) {
            switch entry.name {
            case "ttl": if let value = duration(entry) { draft.defaults.ttl = value }
            case "stale_ttl": if let value = duration(entry) { draft.defaults.staleTTL = value }
            case "namespace": if let value = string(entry, expected: "a namespace") { draft.defaults.namespace = value }
            default: unknownKey(entry, known: Self.defaultsKeys)
            }
        }
    }

    /// The `telemetry` section.
    mutating func readTelemetry(_ section: Entry) {
        draft.origins[section.path] = .line(section.keyLine)
        for entry in entries(of: section.value, path: section.path) {
            switch entry.name {
            case "log_level":
                if let value = logLevel(entry) { draft.telemetry.logLevel = value }
            case "log_file":
                if let value = text(entry, expected: "stderr or a file path") {
                    if value == "stderr" {
                        draft.telemetry.logFile = nil
                        record(entry)
                    } else if let path = path(entry) {
                        draft.telemetry.logFile = path
                    }
                }
            case "metrics_prefix":
                if let value = string(entry, expected: "a metric name prefix") { draft.telemetry.metricsPrefix = value }
            case "tracing":
                if let value = bool(entry) { draft.telemetry.tracing = value }
            case "statistics_window":
                if let value = duration(entry) { draft.telemetry.statisticsWindow = value }
            case "cost_per_call":
                readCosts(entry)
            default:
                unknownKey(entry, known: Self.telemetryKeys)
            }
        }
    }

    /// `cost_per_call`: tool name → cost of one upstream call.
    private mutating func readCosts(_ section: Entry) {
        draft.origins[section.path] = .line(section.keyLine)
        var costs: [String: Double] = [:]
        for entry in entries(of: section.value, path: section.path) {
            if let cost = number(entry) { costs[entry.name] = cost }
        }
        draft.telemetry.costPerCall = costs
    }
}
