import Synchronization
import ToolOpsDemo

/// Keeps every progress report of a run; reports arrive on the simulation's thread.
final class ProgressLog: Sendable {
    private let storage = Mutex<[DemoRunner.Progress]>([])

    func append(_ progress: DemoRunner.Progress) {
        storage.withLock { $0.append(progress) }
    }

    /// Every report so far, in the order they arrived.
    var values: [DemoRunner.Progress] {
        storage.withLock { $0 }
    }
}
