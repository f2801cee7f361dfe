import CLibPQ
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Suspends tasks until a socket is readable or writable, without blocking Swift's thread pool.
///
/// One thread per process waits on every registered socket at once (`epoll` on Linux) and
/// resumes the task waiting for each socket that becomes ready. A task registers its own socket
/// (a one-shot interest) right after sending a statement, so a query costs the send, one
/// readiness wake-up and the read — the same work as a blocking client, minus nothing on the pool.
final class SocketReadiness: Sendable {
    /// The process-wide instance, started on first use.
    static let shared = SocketReadiness()

    private let waiters = Mutex<[Int32: CheckedContinuation<Void, Never>]>([:])
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

    /// Returns once `socket` is readable (or writable), or has an error or hang-up to report.
    func wait(for socket: Int32, writable: Bool = false) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiters.withLock { $0[socket] = continuation }
            #if os(Linux)
                var event = epoll_event()
                event.events = (writable ? EPOLLOUT.rawValue : EPOLLIN.rawValue) | EPOLLONESHOT.rawValue
                event.data.fd = socket
                // A closed socket drops out of epoll; its number may come back for a new connection.
                if epoll_ctl(epoll, EPOLL_CTL_MOD, socket, &event) != 0 {
                    if epoll_ctl(epoll, EPOLL_CTL_ADD, socket, &event) != 0 { resume(socket) }
                }
            #else
                DetachedThread.start { [self] in
                    var descriptor = pollfd(fd: socket, events: Int16(writable ? POLLOUT : POLLIN), revents: 0)
                    _ = poll(&descriptor, 1, -1)
                    resume(socket)
                }
            #endif
        }
    }

    private func resume(_ socket: Int32) {
        waiters.withLock { $0.removeValue(forKey: socket) }?.resume()
    }

    #if os(Linux)
        private func runLoop() {
            var events = [epoll_event](repeating: epoll_event(), count: 64)
            while true {
                let count = epoll_wait(epoll, &events, Int32(events.count), -1)
                guard count > 0 else { continue }  // EINTR
                for index in 0..<Int(count) { resume(events[index].data.fd) }
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
