/// Settings a demo cannot run with: which setting is wrong, its value, and what it accepts.
///
/// Thrown by ``DemoSettings/validate()`` and by ``DemoRunner/run()`` before anything runs.
///
/// ```swift
/// do {
///     try DemoSettings(failureRate: 2).validate()
/// } catch {
///     print(error)  // failureRate must be between 0 and 0.9, got 2.0.
/// }
/// ```
public struct DemoSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A property of ``DemoSettings`` that can be out of range.
    public enum Setting: String, Sendable, CaseIterable {
        /// ``DemoSettings/agents``.
        case agents
        /// ``DemoSettings/calls``.
        case calls
        /// ``DemoSettings/outageStart``.
        case outageStart
        /// ``DemoSettings/outageLength``.
        case outageLength
        /// ``DemoSettings/failureRate``.
        case failureRate
        /// ``DemoSettings/keptCacheDirectory``.
        case keptCacheDirectory
    }

    /// The setting that is wrong.
    public let setting: Setting
    /// The value it was given, as text; durations in seconds: `0`, `90000.0`, `/tmp/notes.txt`.
    public let value: String
    /// What the setting accepts: `between 1 and 1000`, `a folder, not a file`.
    public let requirement: String

    init(_ setting: Setting, value: String, requirement: String) {
        self.setting = setting
        self.value = value
        self.requirement = requirement
    }

    /// `agents must be between 1 and 1000, got 0.`
    public var description: String {
        "\(setting.rawValue) must be \(requirement), got \(value)."
    }
}
