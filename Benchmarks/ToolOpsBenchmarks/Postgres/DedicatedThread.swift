import Foundation

/// Runs blocking work — libpq's synchronous calls, waiting for child processes — on an OS thread
/// of its own, so it never occupies one of the cooperative pool's threads (two on this machine).
enum DedicatedThread {
    /// Runs `body` on a new thread named `name` and returns what it returns.
    static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result(catching: body))
            }
            thread.name = name
            thread.start()
        }
    }
}
