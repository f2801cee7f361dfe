import Foundation
import Synchronization
import ToolOpsDemo

/// A single line on stderr that keeps being rewritten: `[ToolOps] 312/600 calls · t=31.2s · outage!`.
///
/// Updates come from the simulation thread thousands of times a second; the line is redrawn at
/// most every 50 ms of real time.
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var width = 0
    }

    private let state = Mutex(State())
    private static let interval: Duration = .milliseconds(50)

    /// Redraws the line for `progress` unless it was drawn less than 50 ms ago.
    func update(_ progress: DemoRunner.Progress) {
        let now = ContinuousClock.now
        let due = state.withLock { state in
            if let last = state.lastDraw, now - last < Self.interval { return false }
            state.lastDraw = now
            return true
        }
        guard due else { return }
        draw(progress.description)
    }

    /// Replaces the line with `message` on a line of its own, or just clears it.
    func finish(_ message: String? = nil) {
        draw("")
        if let message { write(message + "\n") }
    }

    private func draw(_ text: String) {
        // Pad over the previous, possibly longer, line; no escape codes, so a redirected stderr stays readable.
        let padding = state.withLock { state in
            defer { state.width = text.count }
            return max(0, state.width - text.count)
        }
        write("\r" + text + String(repeating: " ", count: padding) + (text.isEmpty ? "\r" : ""))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
