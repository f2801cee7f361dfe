import Synchronization
import ToolOps

/// What the agents call through: ToolOps tools, or the upstreams directly.
protocol DemoBackend: Sendable {
    /// Makes `call`; returns whether the agent got an answer.
    func perform(_ call: PlannedCall) async -> Bool
    /// Whether calls to `tool` are coalesced, so that their flights run off the simulation thread.
    func isCoalesced(_ tool: DemoTool) -> Bool
    /// Whether each attempt of a call to `tool` runs under a timeout timer.
    func hasTimeout(_ tool: DemoTool) -> Bool
}

/// A simulated AI agent: works through its plan, thinking between calls, timing every call.
struct Agent: Sendable {
    let index: Int
    let plan: [PlannedCall]
    let clock: SimulationClock
    let backend: any DemoBackend
    let tracker: FlightTracker
    let recorder: CallRecorder

    /// The shortest pause between two calls of an agent.
    static let minimumWait: Duration = .milliseconds(1)

    func run() async {
        for call in plan {
            do {
                // Think, or wait for the round to start, whichever is longer — and never zero: every
                // call must start in a wake-up of its own, after everything before it has settled,
                // or two agents resumed by the same flight could race for the next one.
                let wait = max(call.think, (call.notBefore ?? .zero) - clock.elapsed, Self.minimumWait)
                try await SimulationContext.$sleepKind.withValue(.think) {
                    try await clock.sleep(for: wait)
                }
            } catch {
                return
            }
            tracker.begin(agent: index, coalesced: backend.isCoalesced(call.tool), timed: backend.hasTimeout(call.tool))
            let start = clock.now()
            let succeeded = await backend.perform(call)
            let latency = start.duration(to: clock.now())
            tracker.end(agent: index)
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
