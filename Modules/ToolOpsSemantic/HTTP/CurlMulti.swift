import CCurl
import Synchronization

/// A libcurl multi handle and the inbox through which tasks hand work to its loop thread.
///
/// Only the loop thread drives the handle; other threads touch it solely through
/// `curl_multi_wakeup`, which libcurl documents as callable from any thread. Hence the
/// `@unchecked Sendable`: the box owns the C handle, and its mutable state sits behind a `Mutex`.
final class CurlMulti: @unchecked Sendable {
    typealias Continuation = CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>

    /// A request waiting for the loop to start it.
    struct Submission: Sendable {
        var id: UInt64
        var request: HTTPRequest
        var continuation: Continuation
    }

    /// What the loop takes on each turn.
    struct Work {
        var submissions: [Submission] = []
        var cancellations: [UInt64] = []
        var isShutDown = false
    }

    private struct Inbox {
        var work = Work()
        var nextID: UInt64 = 0
    }

    let raw: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    init() {
        CurlGlobal.initialize()
        guard let raw = curl_multi_init() else { fatalError("curl_multi_init failed (out of memory)") }
        self.raw = raw
    }

    deinit { curl_multi_cleanup(raw) }

    /// A fresh transfer number.
    func makeID() -> UInt64 {
        inbox.withLock { inbox in
            inbox.nextID += 1
            return inbox.nextID
        }
    }

    /// Queues a request for the loop, or fails it at once when the calling task is already
    /// cancelled or the client is shut down.
    ///
    /// Cancellation is checked under the lock that ``cancel(_:)`` takes, so a cancellation either
    /// sees the queued request or is seen here: no transfer starts for a cancelled task.
    func submit(_ submission: Submission) {
        let refusal: HTTPClientError? = inbox.withLock { inbox in
            if inbox.work.isShutDown { return HTTPClientError(.shutDown, "the HTTP client was shut down") }
            if Task.isCancelled { return HTTPClientError(.cancelled, "the request was cancelled before it started") }
            inbox.work.submissions.append(submission)
            return nil
        }
        if let refusal { return submission.continuation.resume(returning: .failure(refusal)) }
        curl_multi_wakeup(raw)
    }

    /// Abandons transfer `id`: removes it from the queue, or asks the loop to remove it from the
    /// multi handle. Does nothing for a transfer that already finished.
    func cancel(_ id: UInt64) {
        let queued: Submission? = inbox.withLock { inbox in
            if let index = inbox.work.submissions.firstIndex(where: { $0.id == id }) {
                return inbox.work.submissions.remove(at: index)
            }
            inbox.work.cancellations.append(id)
            return nil
        }
        if let queued {
            queued.continuation.resume(returning: .failure(HTTPClientError(.cancelled, "the request was cancelled")))
        } else {
            curl_multi_wakeup(raw)
        }
    }

    /// Stops the loop: queued and running transfers fail with ``HTTPClientError/Code/shutDown``.
    func shutDown() {
        inbox.withLock { $0.work.isShutDown = true }
        curl_multi_wakeup(raw)
    }

    /// Everything handed in since the last turn.
    func takeWork() -> Work {
        inbox.withLock { inbox in
            let work = inbox.work
            inbox.work.submissions = []
            inbox.work.cancellations = []
            return work
        }
    }
}

/// `curl_global_init`, once per process, before the first handle.
enum CurlGlobal {
    private static let result: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    static func initialize() {
        precondition(result == CURLE_OK, "curl_global_init failed: \(String(cString: curl_easy_strerror(result)))")
    }
}
