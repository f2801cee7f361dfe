import Foundation
import ToolOps

extension DemoSettings {
    /// The agents a run can have.
    static let allowedAgents = 1...1000
    /// The calls a run can make.
    static let allowedCalls = 1...100_000
    /// When the outage may begin, and how long it may last.
    static let allowedOutage: ClosedRange<Duration> = .zero ... .seconds(86_400)
    /// The random failure rates a run can have.
    static let allowedFailureRate = 0.0...0.9

    /// Checks that a run can use these settings.
    ///
    /// ```swift
    /// try DemoSettings(agents: 0).validate()  // agents must be between 1 and 1000, got 0.
    /// ```
    ///
    /// - Throws: ``DemoSettingsError`` naming the first setting out of range, its value and what it accepts.
    public func validate() throws(DemoSettingsError) {
        guard Self.allowedAgents.contains(agents) else {
            throw DemoSettingsError(.agents, value: String(agents), requirement: Self.between(Self.allowedAgents))
        }
        guard Self.allowedCalls.contains(calls) else {
            throw DemoSettingsError(.calls, value: String(calls), requirement: Self.between(Self.allowedCalls))
        }
        let seconds =
            "between \(Self.allowedOutage.lowerBound.components.seconds) and "
            + "\(Self.allowedOutage.upperBound.components.seconds) seconds"
        guard Self.allowedOutage.contains(outageStart) else {
            throw DemoSettingsError(.outageStart, value: String(outageStart.seconds), requirement: seconds)
        }
        guard Self.allowedOutage.contains(outageLength) else {
            throw DemoSettingsError(.outageLength, value: String(outageLength.seconds), requirement: seconds)
        }
        // `contains` is false for NaN, so a NaN rate is rejected too.
        guard Self.allowedFailureRate.contains(failureRate) else {
            throw DemoSettingsError(
                .failureRate, value: String(failureRate), requirement: Self.between(Self.allowedFailureRate))
        }
        if let keptCacheDirectory, let keptCachePath {
            try Self.validateCacheDirectory(keptCacheDirectory, path: keptCachePath)
        }
    }

    /// A kept cache folder must be a local folder, or a path where one can be created.
    private static func validateCacheDirectory(_ url: URL, path: String) throws(DemoSettingsError) {
        guard url.isFileURL, !path.isEmpty else {
            throw DemoSettingsError(
                .keptCacheDirectory, value: url.absoluteString, requirement: "a folder on the local disk")
        }
        // The path has no trailing slash here: with one, a file would pass for a missing folder.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DemoSettingsError(.keptCacheDirectory, value: path, requirement: "a folder, not a file")
        }
    }

    /// `between 1 and 1000`.
    private static func between(_ range: ClosedRange<Int>) -> String {
        "between \(range.lowerBound) and \(range.upperBound)"
    }

    /// `between 0 and 0.9`: whole numbers without a trailing `.0`.
    private static func between(_ range: ClosedRange<Double>) -> String {
        func text(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
        return "between \(text(range.lowerBound)) and \(text(range.upperBound))"
    }
}
