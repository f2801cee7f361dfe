import Synchronization

/// What every call of one tool shares: its descriptor and environment.
///
/// Built once per tool; calls hold a reference, so passing a call down the pipeline is cheap.
public final class ToolContext: Sendable {
    /// The tool's declaration.
    public let descriptor: ToolDescriptor
    /// Clock, randomness and observer.
    public let environment: ToolEnvironment
    // Argument names repeat on every call; remember which are sensitive.
    private let sensitivity = Mutex<[String: Bool]>([:])

    public init(descriptor: ToolDescriptor, environment: ToolEnvironment) {
        self.descriptor = descriptor
        self.environment = environment
    }

    /// Whether the argument called `name` is sensitive for this tool (memoised).
    public func isSensitive(_ name: String) -> Bool {
        if let known = sensitivity.withLock({ $0[name] }) { return known }
        let answer = descriptor.sensitive.isSensitive(name)
        sensitivity.withLock { cache in
            if cache.count < 4096 { cache[name] = answer }
        }
        return answer
    }
}
