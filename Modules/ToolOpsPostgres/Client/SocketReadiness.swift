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
///
/// The thread is also a `TaskExecutor` (Linux): a task that prefers it runs its code on the I/O
/// thread, so the answer to its query resumes it right there — one wake-up per round trip
/// instead of two (see ``PostgresClient/ioExecutor``).
final class SocketReadiness: TaskExecutor, Sendable {
    /// The process-wide instance, started on first use.
    static let shared = SocketReadiness()

    /// How a wait ended.
    enum Outcome: Sendable { case ready, timedOut }

    private struct Waiter {
        let continuation: CheckedContinuation<Outcome, Never>
        let deadline: ContinuousClock.Instant
    }

    private let waiters = Mutex<[Int32: Waiter]>([:])

    /// Jobs of tasks that prefer this executor, and whether the loop may be asleep in `epoll_wait`.
    private struct JobQueue: ~Copyable {
        var jobs: [UnownedJob] = []
        var sleeping = false
    }

    private let queue = Mutex(JobQueue())
    #if os(Linux)
        private let epoll: Int32
        private let wakeUp: Int32
    #endif

    private init() {
        #if os(Linux)
            epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
            wakeUp = eventfd(0, Int32(EFD_CLOEXEC | EFD_NONBLOCK))
            precondition(epoll >= 0 && wakeUp >= 0, "epoll_create1/eventfd failed (errno \(errno))")
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.fd = wakeUp
            epoll_ctl(epoll, EPOLL_CTL_ADD, wakeUp, &event)
            DetachedThread.start { [self] in runLoop() }
        #endif
    }

    /// Runs `job` on the I/O thread (from the thread itself: without any system call).
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        #if os(Linux)
            let wake = queue.withLock { queue in
                queue.jobs.append(job)
                defer { queue.sleeping = false }
                return queue.sleeping
            }
            if wake {
                var one: UInt64 = 1
                _ = write(wakeUp, &one, 8)
            }
        #else
            DetachedThread.start { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
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
            // Named for `top -H`, `ps -L` and debuggers (best effort).
            if let file = fopen("/proc/thread-self/comm", "w") {
                fputs("toolops-io", file)
                fclose(file)
            }
            var events = [epoll_event](repeating: epoll_event(), count: 64)
            var nextSweep = ContinuousClock.now + .milliseconds(250)
            while true {
                // Jobs first; sleep in epoll_wait only when none is left (enqueue wakes us then).
                let jobs = queue.withLock { queue in
                    defer { queue.jobs.removeAll(keepingCapacity: true) }
                    queue.sleeping = queue.jobs.isEmpty
                    return queue.jobs
                }
                for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
                let count = epoll_wait(epoll, &events, Int32(events.count), jobs.isEmpty ? 250 : 0)
                queue.withLock { $0.sleeping = false }
                for index in 0..<max(0, Int(count)) {
                    let socket = events[index].data.fd
                    if socket == wakeUp {
                        var value: UInt64 = 0
                        _ = read(wakeUp, &value, 8)
                    } else {
                        resume(socket, .ready)
                    }
                }
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
