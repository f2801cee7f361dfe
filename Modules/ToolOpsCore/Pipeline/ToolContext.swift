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
        withSensitivity { $0(name) }
    }

    /// Runs `body` with a memoised sensitivity check.
    ///
    /// The memo is read once, as a snapshot, and names new to it are added afterwards: concurrent
    /// calls of the tool never wait on each other while their arguments are canonicalised.
    public func withSensitivity<Result>(_ body: ((String) -> Bool) -> Result) -> Result {
        let known = sensitivity.withLock { $0 }
        let sensitive = descriptor.sensitive
        var learned: [String: Bool] = [:]
        let result = body { name in
            if let answer = known[name] ?? learned[name] { return answer }
            let answer = sensitive.isSensitive(name)
            learned[name] = answer
            return answer
        }
        if !learned.isEmpty {
            sensitivity.withLock { cache in
                for (name, answer) in learned where cache.count < 4096 { cache[name] = answer }
            }
        }
        return result
    }
}
