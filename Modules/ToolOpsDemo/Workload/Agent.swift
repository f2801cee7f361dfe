import Synchronization
import ToolOps

/// What the agents call through: ToolOps tools, or the upstreams directly.
protocol DemoBackend: Sendable {
    /// Makes `call`; returns whether the agent got an answer.
    func perform(_ call: PlannedCall) async -> Bool
}

/// A simulated AI agent: works through its plan, thinking between calls, timing every call.
struct Agent: Sendable {
    let plan: [PlannedCall]
    let clock: SimulationClock
    let backend: any DemoBackend
    let recorder: CallRecorder

    /// The shortest pause between two calls of an agent.
    static let minimumWait: Duration = .milliseconds(1)

    func run() async {
        for call in plan {
            do {
                // Think, or wait for the round to start, whichever is longer — and never zero, so that
                // every call starts in a wake-up of its own rather than amid the work that answered
                // the agent's previous call.
                let wait = max(call.think, (call.notBefore ?? .zero) - clock.elapsed, Self.minimumWait)
                try await SimulationContext.$sleepKind.withValue(.think) {
                    try await clock.sleep(for: wait)
                }
            } catch {
                return
            }
            let start = clock.now()
            let succeeded = await backend.perform(call)
            let latency = start.duration(to: clock.now())
            recorder.record(CallRecorder.Outcome(tool: call.tool, latency: latency, succeeded: succeeded))
        }
    }
}

/// The outcome of every agent call, as the agents saw it.
final class CallRecorder: Sendable {
    /// One agent call.
    struct Outcome: Sendable {
        var tool: DemoTool
        var latency: Duration
        var succeeded: Bool
    }

    private let outcomes = Mutex<[Outcome]>([])

    func record(_ outcome: Outcome) {
        outcomes.withLock { $0.append(outcome) }
    }

    /// How many calls have returned so far.
    var completed: Int {
        outcomes.withLock { $0.count }
    }

    /// Every outcome, in the order the calls returned.
    var all: [Outcome] {
        outcomes.withLock { $0 }
    }
}
