import Synchronization
import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

/// The input of every test tool.
struct Query: Codable, Sendable, Hashable {
    var city = "Paris"
}

/// A manual clock, jitter pinned at 0.5, and a recorder: everything a resilience test needs.
struct Harness {
    let clock = ManualClock()
    let recorder = RecordingObserver()

    var environment: ToolEnvironment {
        ToolEnvironment(clock: clock, random: FixedRandom(0.5), observer: recorder)
    }

    /// A tool whose body calls `upstream`.
    func tool(
        _ name: String = "get_weather",
        effect: ToolEffect = .readOnly,
        pipeline: ToolPipeline<Query, String>,
        upstream: ScriptedUpstream<String>
    ) throws -> Tool<Query, String> {
        try Tool(ToolDescriptor(name: name, effect: effect), environment: environment, pipeline: pipeline) {
            (_: Query) in try await upstream()
        }
    }

    /// A tool with any body.
    func tool(
        _ name: String = "get_weather",
        pipeline: ToolPipeline<Query, String>,
        body: @escaping @Sendable (Query) async throws -> String
    ) throws -> Tool<Query, String> {
        try Tool(ToolDescriptor(name: name), environment: environment, pipeline: pipeline, body: body)
    }

    /// The retry events so far.
    var retries: [(attempt: Int, delay: Duration, code: ToolError.Code)] {
        recorder.events.compactMap { event in
            if case .retry(let attempt, let delay, let error) = event.kind { return (attempt, delay, error.code) }
            return nil
        }
    }

    /// The breaker transitions reported so far.
    var transitions: [CircuitBreaker.Transition] {
        recorder.events.compactMap { event in
            if case .breakerTransition(let from, let to) = event.kind {
                return CircuitBreaker.Transition(from: from, to: to)
            }
            return nil
        }
    }

    /// The codes of the rejections reported so far.
    var rejections: [ToolError.Code] {
        recorder.events.compactMap { event in
            if case .rejected(let code) = event.kind { return code }
            return nil
        }
    }

    /// The attempt numbers of the upstream calls so far.
    var upstreamAttempts: [Int] {
        recorder.events.compactMap { event in
            if case .upstreamCalled(let attempt) = event.kind { return attempt }
            return nil
        }
    }
}

/// A value shared with a tool body or handler.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) {
        storage = Mutex(value)
    }

    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// Yields (never sleeps) until `condition` holds; records an issue if it never does.
///
/// Gives up after a million yields or when the test is cancelled, so a broken behaviour fails
/// the test instead of hanging the run.
func until(
    _ condition: () -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) async {
    for _ in 0..<1_000_000 where !Task.isCancelled {
        if condition() { return }
        await Task.yield()
    }
    if condition() { return }
    Issue.record("condition never became true", sourceLocation: sourceLocation)
}

/// A pipeline with the given middlewares at their stages.
func pipeline(_ entries: (any ToolMiddleware<Query, String>, PipelineStage)...) -> ToolPipeline<Query, String> {
    var pipeline = ToolPipeline<Query, String>()
    for (middleware, stage) in entries { pipeline.add(middleware, at: stage) }
    return pipeline
}

/// A failure the upstream reports, retryable by default.
let unavailable = ToolError.upstream("503 service unavailable")

extension Task where Failure == any Error {
    /// The task's value; cancels the task when the waiting test is cancelled (say, by its time
    /// limit), so a broken behaviour fails the test instead of hanging the run.
    func waitForValue() async throws -> Success {
        try await withTaskCancellationHandler {
            try await value
        } onCancel: {
            cancel()
        }
    }
}
