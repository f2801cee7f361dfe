import Synchronization

/// A task executor that runs nothing by itself: jobs wait in a FIFO queue until the simulation
/// driver runs them, one at a time, on its own thread.
///
/// Running all simulated work on one thread, in the order the jobs were scheduled, is what makes
/// the simulation reproducible: two runs with the same seed interleave the same way. It also tells
/// the driver exactly when simulated work has stopped — when the queue is empty.
///
/// Agents run here by task executor preference, and so do their structured child tasks; the
/// tasks ToolOps starts with `Task.immediate` or `Task {}` get here through ``SimulationThread``.
/// A job enqueued from any other thread means some work escaped the simulation: it is counted,
/// and the driver fails the run rather than report numbers that depend on thread timing.
final class SimulationExecutor: TaskExecutor {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var head = 0
        var foreignEnqueues = 0
    }

    private let queue = Mutex(Queue())

    func enqueue(_ job: consuming ExecutorJob) {
        schedule(UnownedJob(job))
    }

    /// Queues `job`: a job of an agent, or one ``SimulationThread`` took from the global pool.
    func schedule(_ job: UnownedJob) {
        let foreign = SimulationThread.current !== self
        queue.withLock { queue in
            queue.jobs.append(job)
            if foreign { queue.foreignEnqueues += 1 }
        }
    }

    /// Whether no job is waiting.
    var isIdle: Bool {
        queue.withLock { $0.head == $0.jobs.count }
    }

    /// How many jobs were enqueued from a thread other than the simulation's.
    var foreignEnqueues: Int {
        queue.withLock { $0.foreignEnqueues }
    }

    /// Runs queued jobs, including those they schedule, until the queue is empty; returns how many ran.
    ///
    /// Call it from the driver's thread only, bound to this executor.
    @discardableResult
    func runUntilIdle() -> Int {
        var count = 0
        while let job = next() {
            job.runSynchronously(on: asUnownedTaskExecutor())
            count += 1
        }
        return count
    }

    private func next() -> UnownedJob? {
        queue.withLock { queue in
            guard queue.head < queue.jobs.count else {
                queue.jobs.removeAll(keepingCapacity: true)
                queue.head = 0
                return nil
            }
            defer { queue.head += 1 }
            return queue.jobs[queue.head]
        }
    }
}
