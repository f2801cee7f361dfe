import Synchronization
import ToolOpsCore

/// A fake upstream service that follows a script: succeed, fail, wait on a gate, or hang.
///
/// Each call takes the next step of the script; when the script runs out, ``fallbackStep`` is used.
/// It counts calls, so tests can assert how often the upstream really ran.
///
/// ```swift
/// let upstream = ScriptedUpstream<String>([.fail(.upstream("503")), .fail(.upstream("503")), .succeed("ok")])
/// let tool = try Tool(descriptor, environment: env, pipeline: pipeline) { (_: Query) in try await upstream() }
/// ```
public final class ScriptedUpstream<Output: Sendable>: Sendable {
    /// One scripted behaviour.
    public enum Step: Sendable {
        /// Return this value.
        case succeed(Output)
        /// Throw this error.
        case fail(any Error)
        /// Wait until the gate opens, then take `then`.
        indirect case wait(Gate, then: Step)
        /// Never return on its own; ends only when cancelled.
        case hang
    }

    private let script: Mutex<[Step]>
    private let counter = Mutex(0)
    /// The step taken once the script is used up.
    public let fallbackStep: Step

    public init(_ script: [Step], otherwise fallbackStep: Step? = nil) {
        self.script = Mutex(script)
        self.fallbackStep = fallbackStep ?? script.last ?? .fail(ToolError.upstream("script is empty"))
    }

    /// How many times the upstream was called.
    public var calls: Int { counter.withLock { $0 } }

    /// Takes the next step.
    public func callAsFunction() async throws -> Output {
        counter.withLock { $0 += 1 }
        let step = script.withLock { $0.isEmpty ? fallbackStep : $0.removeFirst() }
        return try await run(step)
    }

    private func run(_ step: Step) async throws -> Output {
        switch step {
        case .succeed(let value):
            return value
        case .fail(let error):
            throw error
        case .wait(let gate, let then):
            try await gate.wait()
            return try await run(then)
        case .hang:
            let gate = Gate()
            try await gate.wait()
            throw CancellationError()
        }
    }
}
