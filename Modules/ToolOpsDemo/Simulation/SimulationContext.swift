/// What the simulation knows about the task that is running: which agent it works for, and what
/// a sleep on the simulation clock stands for.
///
/// Task-local values are copied into every task a call creates — the task group of a timeout and
/// the detached flight of a coalesced call included — so a sleep or an event deep inside ToolOps
/// is still attributed to the agent whose call caused it.
enum SimulationContext {
    /// The agent whose work this is; `nil` outside the workload.
    @TaskLocal static var agent: Int?
    /// What the next sleep on the simulation clock models.
    @TaskLocal static var sleepKind: SleepKind = .internal
}

/// What a sleep on the simulation clock models.
enum SleepKind: Int, Sendable {
    /// An agent thinking between two calls.
    case think = 0
    /// A simulated upstream taking its time to answer.
    case upstream = 1
    /// Anything ToolOps waits for: a retry backoff, an attempt's timeout.
    case `internal` = 2
}
