import ToolOps
import ToolOpsConfiguration

/// What an app hands the `toolops` commands when it mounts them in its own executable: the
/// runtime holding its stores and tools.
///
/// The plain `toolops` executable uses ``ConfiguredApplication``: the stores of the
/// configuration file and no tools.
public protocol ToolOpsApplication: Sendable {
    /// Builds the runtime the commands work on, from the loaded configuration.
    func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime
}

/// The stores of the configuration file, no tools: what the standalone `toolops` works with.
public struct ConfiguredApplication: ToolOpsApplication {
    public init() {}

    public func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
        ToolRuntime(stores: try configuration.makeRegistry())
    }
}
