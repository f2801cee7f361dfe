import Synchronization

/// A task executor that runs nothing by itself: jobs wait in a FIFO queue until the simulation
/// driver runs them, one at a time, on its own thread.
///
/// Running every agent on one thread, in the order the jobs were scheduled, is what makes the
/// simulation reproducible: two runs with the same seed interleave the same way. It also tells
/// the driver exactly when simulated work has stopped — when the queue is empty.
///
/// Child tasks (a timeout's task group) inherit the executor preference; the detached task of a
/// coalesced flight does not, and runs on the global pool — ``FlightTracker`` accounts for it.
final class SimulationExecutor: TaskExecutor {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var head = 0
    }

    private let queue = Mutex(Queue())

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
    }

    /// Whether no job is waiting.
    var isIdle: Bool {
        queue.withLock { $0.head == $0.jobs.count }
    }

    /// Runs queued jobs, including those they schedule, until the queue is empty; returns how many ran.
    ///
    /// Call it from the driver's thread only.
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
