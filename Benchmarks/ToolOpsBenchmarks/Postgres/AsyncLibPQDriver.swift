import CLibPQ
import Foundation
import Synchronization
import ToolOps

/// libpq's asynchronous API with all I/O on one event-loop thread: one of the models
/// `postgres_io_model` compares with ``PostgresClient`` (where each task does its own I/O and
/// only readiness comes from a shared epoll thread).
///
/// The loop owns K nonblocking connections. A task enqueues its job (parameters, laid out by the
/// task, and a continuation) under a lock, and writes a byte to a pipe only when the loop sleeps
/// in `poll()`. The loop sends each job on an idle connection (`PQsendQueryPrepared`,
/// `PQflush`), polls the wake pipe and every busy socket, reads what is ready (`PQconsumeInput`,
/// `PQisBusy`, `PQgetResult`) and resumes the job's continuation with the decoded rows. Minimal
/// on purpose: one prepared statement, no reconnects, no cancellation.
final class AsyncLibPQDriver: @unchecked Sendable {
    private struct Job {
        var parameters: RawParameters
        var continuation: CheckedContinuation<PostgresRows, any Error>
    }

    private struct Inbox {
        var jobs: [Job] = []
        /// The loop is (about to be) blocked in `poll()` with a connection free: wake it.
        var sleeping = false
        var stopping = false
    }

    private struct InFlight {
        var job: Job
        var flushing: Bool
        var outcome: Result<PostgresRows, ScenarioFailure>?
    }

    private static let statement = "bench_async_statement"
    private let inbox = Mutex(Inbox())
    /// Used only by the loop thread once it runs.
    private let connections: [RawLibPQConnection]
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// Opens `count` connections, prepares `sql` on each and starts the loop.
    static func start(url: String, sql: String, connections count: Int) async throws -> AsyncLibPQDriver {
        let driver = try await DedicatedThread.run("bench-async-connect") {
            try AsyncLibPQDriver(url: url, sql: sql, count: count)
        }
        let thread = Thread { driver.runLoop() }
        thread.name = "bench-async-loop"
        thread.start()
        return driver
    }

    private init(url: String, sql: String, count: Int) throws {
        connections = try (0..<count).map { _ in
            let connection = try RawLibPQConnection(url: url)
            try connection.prepare(Self.statement, sql)
            guard PQsetnonblocking(connection.handle, 1) == 0 else { throw ScenarioFailure("PQsetnonblocking failed") }
            return connection
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw ScenarioFailure("pipe() failed: errno \(errno)") }
        for end in pipeEnds { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        (wakeRead, wakeWrite) = (pipeEnds[0], pipeEnds[1])
    }

    /// Runs the prepared statement with `parameters` and returns its rows.
    func execute(_ parameters: [RawParameters.Value]) async throws -> PostgresRows {
        let laidOut = RawParameters(parameters)
        return try await withCheckedThrowingContinuation { continuation in
            let wake = inbox.withLock { inbox -> Bool? in
                if inbox.stopping { return nil }
                inbox.jobs.append(Job(parameters: laidOut, continuation: continuation))
                defer { inbox.sleeping = false }
                return inbox.sleeping
            }
            guard let wake else { return continuation.resume(throwing: ScenarioFailure("driver stopped")) }
            if wake { wakeLoop() }
        }
    }

    /// Lets jobs in flight finish, then closes the connections and ends the loop.
    func shutdown() {
        inbox.withLock { $0.stopping = true }
        wakeLoop()
    }

    private func wakeLoop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func runLoop() {
        var idle = Array(connections.indices.reversed())
        var inFlight = [InFlight?](repeating: nil, count: connections.count)
        var waiting: [Job] = []
        var descriptors: [pollfd] = []
        var owners: [Int] = []
        while true {
            let (arrived, stopping) = inbox.withLock { inbox in
                defer { inbox.jobs = [] }
                return (inbox.jobs, inbox.stopping)
            }
            waiting.append(contentsOf: arrived)
            while !waiting.isEmpty, let index = idle.popLast() {
                let job = waiting.removeFirst()
                let connection = connections[index].handle
                let sent = PQsendQueryPrepared(
                    connection, Self.statement, job.parameters.count, job.parameters.values, job.parameters.lengths,
                    job.parameters.formats, 1)
                if sent == 1 {
                    inFlight[index] = InFlight(job: job, flushing: PQflush(connection) == 1)
                } else {
                    job.continuation.resume(throwing: ScenarioFailure(String(cString: PQerrorMessage(connection))))
                    idle.append(index)
                }
            }
            if stopping && waiting.isEmpty && idle.count == connections.count { break }
            // Sleep unless work arrived that a free connection could take now.
            let free = !idle.isEmpty
            let mayPoll = inbox.withLock { inbox -> Bool in
                if free && !inbox.jobs.isEmpty { return false }
                inbox.sleeping = free
                return true
            }
            guard mayPoll else { continue }

            descriptors.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            descriptors.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
            for index in connections.indices {
                guard let flight = inFlight[index] else { continue }
                let events = Int16(POLLIN) | (flight.flushing ? Int16(POLLOUT) : 0)
                descriptors.append(pollfd(fd: PQsocket(connections[index].handle), events: events, revents: 0))
                owners.append(index)
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            inbox.withLock { $0.sleeping = false }
            guard ready > 0 else { continue }  // EINTR
            if descriptors[0].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 64)
                while read(wakeRead, &sink, sink.count) > 0 {}
            }
            for (slot, index) in owners.enumerated() where descriptors[slot + 1].revents != 0 {
                if service(index, events: descriptors[slot + 1].revents, &inFlight[index]!) {
                    inFlight[index] = nil
                    idle.append(index)
                }
            }
        }
        close(wakeRead)
        close(wakeWrite)
    }

    /// Moves connection `index`'s job along; true once its continuation was resumed.
    private func service(_ index: Int, events: Int16, _ flight: inout InFlight) -> Bool {
        let connection = connections[index].handle
        if flight.flushing && events & Int16(POLLOUT) != 0 { flight.flushing = PQflush(connection) == 1 }
        guard events & Int16(POLLIN | POLLERR | POLLHUP) != 0 else { return false }
        guard PQconsumeInput(connection) == 1 else {
            flight.job.continuation.resume(throwing: ScenarioFailure(String(cString: PQerrorMessage(connection))))
            return true
        }
        while PQisBusy(connection) == 0 {
            guard let result = PQgetResult(connection) else {
                flight.job.continuation.resume(with: flight.outcome ?? .failure(ScenarioFailure("no result")))
                return true
            }
            if flight.outcome == nil {
                let status = PQresultStatus(result)
                flight.outcome =
                    status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK
                    ? .success(LibPQResultDecoder.rows(result))
                    : .failure(ScenarioFailure(String(cString: PQresultErrorMessage(result))))
            }
            PQclear(result)
        }
        return false
    }
}
