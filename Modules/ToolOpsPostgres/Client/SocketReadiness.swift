import CLibPQ
import Synchronization
import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Suspends tasks until a socket is ready, without blocking Swift's thread pool.
///
/// One thread per process waits on every registered socket at once (`epoll` on Linux) and
/// resumes the task waiting for each socket that becomes ready. A task registers its own socket
/// (a one-shot interest) right after sending a statement, so a query costs the send, one
/// readiness wake-up and the read. Every wait has a deadline: the thread checks them four times a
/// second, so a server that stops answering fails the wait instead of hanging it.
final class SocketReadiness: Sendable {
    /// The process-wide instance, started on first use.
    static let shared = SocketReadiness()

    /// How a wait ended.
    enum Outcome: Sendable { case ready, timedOut }

    private struct Waiter {
        let continuation: CheckedContinuation<Outcome, Never>
        let deadline: ContinuousClock.Instant
    }

    private let waiters = Mutex<[Int32: Waiter]>([:])
    #if os(Linux)
        private let epoll: Int32
    #endif

    private init() {
        #if os(Linux)
            epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
            precondition(epoll >= 0, "epoll_create1 failed (errno \(errno))")
            DetachedThread.start { [self] in runLoop() }
        #endif
    }

    /// Returns `.ready` once `socket` is readable — or also writable, with `writable` — or has an
    /// error or hang-up to report; `.timedOut` if that has not happened by `deadline`.
    func wait(for socket: Int32, writable: Bool = false, deadline: ContinuousClock.Instant) async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            waiters.withLock { $0[socket] = Waiter(continuation: continuation, deadline: deadline) }
            #if os(Linux)
                var event = epoll_event()
                event.events = EPOLLIN.rawValue | (writable ? EPOLLOUT.rawValue : 0) | EPOLLONESHOT.rawValue
                event.data.fd = socket
                // A closed socket drops out of epoll; its number may come back for a new connection.
                if epoll_ctl(epoll, EPOLL_CTL_MOD, socket, &event) != 0 {
                    if epoll_ctl(epoll, EPOLL_CTL_ADD, socket, &event) != 0 { resume(socket, .ready) }
                }
            #else
                DetachedThread.start { [self] in
                    var descriptor = pollfd(fd: socket, events: Int16(POLLIN | (writable ? POLLOUT : 0)), revents: 0)
                    let milliseconds = max(0, Int32(ContinuousClock.now.duration(to: deadline).nanoseconds / 1_000_000))
                    resume(socket, poll(&descriptor, 1, milliseconds) == 0 ? .timedOut : .ready)
                }
            #endif
        }
    }

    private func resume(_ socket: Int32, _ outcome: Outcome) {
        waiters.withLock { $0.removeValue(forKey: socket) }?.continuation.resume(returning: outcome)
    }

    #if os(Linux)
        private func runLoop() {
            var events = [epoll_event](repeating: epoll_event(), count: 64)
            var nextSweep = ContinuousClock.now + .milliseconds(250)
            while true {
                let count = epoll_wait(epoll, &events, Int32(events.count), 250)
                for index in 0..<max(0, Int(count)) { resume(events[index].data.fd, .ready) }
                let now = ContinuousClock.now
                guard now >= nextSweep else { continue }
                nextSweep = now + .milliseconds(250)
                let expired = waiters.withLock { waiters in
                    let late = waiters.filter { $0.value.deadline <= now }
                    for socket in late.keys { waiters[socket] = nil }
                    return Array(late.values)
                }
                for waiter in expired { waiter.continuation.resume(returning: .timedOut) }
            }
        }
    #endif
}

/// Starts a detached OS thread running a closure.
enum DetachedThread {
    static func start(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        #if os(Linux)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, nil,
            { raw in
                Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue().body()
                return nil
            }, box)
        precondition(status == 0, "cannot start a thread (pthread_create: \(status))")
        #if os(Linux)
            pthread_detach(thread)
        #else
            pthread_detach(thread!)
        #endif
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Runs blocking `work` on a new thread and returns its result to the suspended caller.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: work()) }
        }
    }
}
