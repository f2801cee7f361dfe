import Synchronization

/// What every call of one tool shares: its descriptor and environment.
///
/// Built once per tool; calls hold a reference, so passing a call down the pipeline is cheap.
public final class ToolContext: Sendable {
    /// The tool's declaration.
    public let descriptor: ToolDescriptor
    /// Clock, randomness, observer and tracing.
    public let environment: ToolEnvironment
    /// The environment's tracing when it records anything; `nil` otherwise, so that an untraced
    /// call skips the span wrappers entirely.
    public let tracing: (any ToolTracing)?
    /// For which events calls prepare ``CallArguments``: those the observer or the tracing reads
    /// them on.
    public let argumentNeeds: ArgumentNeeds
    // Argument names repeat on every call; remember which are sensitive.
    private let sensitivity = Mutex<[String: Bool]>([:])

    public init(descriptor: ToolDescriptor, environment: ToolEnvironment) {
        self.descriptor = descriptor
        self.environment = environment
        self.tracing = environment.tracing.flatMap { $0.isRecording ? $0 : nil }
        self.argumentNeeds = environment.observer.argumentNeeds.union(tracing?.argumentNeeds ?? [])
    }

    /// Whether the argument called `name` is sensitive for this tool (memoised).
    public func isSensitive(_ name: String) -> Bool {
        withSensitivity { $0(name) }
    }

    /// Runs `body` with a memoised sensitivity check, taking the lock once for all the names it
    /// asks about. Keep `body` short — name checks only: it runs under the tool's lock.
    public func withSensitivity<Result>(_ body: ((String) -> Bool) -> Result) -> Result {
        let sensitive = descriptor.sensitive
        return sensitivity.withLock { cache in
            body { name in
                if let known = cache[name] { return known }
                let answer = sensitive.isSensitive(name)
                if cache.count < 4096 { cache[name] = answer }
                return answer
            }
        }
    }
}
