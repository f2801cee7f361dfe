/// What the simulation knows about the task that is running: which agent's call started it, and
/// what a sleep on the simulation clock stands for.
///
/// Task-local values are copied into every task a call creates — structured children, and the
/// tasks ToolOps starts with `Task.immediate` or `Task {}` alike — so a sleep deep inside ToolOps
/// is tagged with the agent whose call caused it. A timeout timer's driver task, which serves the
/// attempts of every agent, carries the tags of the call that happened to start it: the tags label
/// sleepers in error messages and decide nothing.
enum SimulationContext {
    /// The agent whose call started this work; `nil` outside the workload.
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
    /// Anything ToolOps waits for: a retry backoff, a timeout timer.
    case `internal` = 2
}
