import Foundation

extension ConfigurationChecks {
    /// The telemetry settings: the metric prefix, the log file's folder, the window and costs.
    mutating func checkTelemetry() {
        let telemetry = configuration.telemetry
        if !NameRules.isMetricsPrefix(telemetry.metricsPrefix) {
            problem(
                "telemetry.metrics_prefix",
                "'\(telemetry.metricsPrefix)' is not a valid metric name prefix; use letters, digits, '_' and ':', "
                    + "not starting with a digit")
        }
        if let logFile = telemetry.logFile {
            var isDirectory: ObjCBool = false
            let folder = PathText.parent(of: logFile)
            if FileManager.default.fileExists(atPath: logFile, isDirectory: &isDirectory), isDirectory.boolValue {
                problem("telemetry.log_file", "'\(logFile)' is a folder; give the path of a file inside it")
            } else if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
                || !isDirectory.boolValue
            {
                problem(
                    "telemetry.log_file", "the folder '\(folder)' does not exist; create it, or choose another path")
            }
        }
        if telemetry.statisticsWindow <= .zero {
            problem(
                "telemetry.statistics_window",
                "must be longer than zero, got \(DurationText.format(telemetry.statisticsWindow))")
        }
        for (tool, cost) in telemetry.costPerCall.sorted(by: { $0.key < $1.key }) where !(cost >= 0 && cost.isFinite) {
            problem("telemetry.cost_per_call.\(tool)", "must be a number of zero or more, got \(cost)")
        }
    }
}
