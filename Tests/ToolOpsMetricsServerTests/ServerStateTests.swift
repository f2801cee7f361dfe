import NIOCore
import NIOEmbedded
import Testing

@testable import ToolOpsMetricsServer

/// The races the network tests cannot time: a shutdown while the bind is in flight, and a
/// connection accepted after the shutdown.
@Suite("Server state")
struct ServerStateTests {
    let loop = EmbeddedEventLoop()

    @Test("a shutdown during the bind waits for the bound listener and the connections so far to be closed")
    func shutdownDuringBind() throws {
        var state = ServerState()
        try state.beginStart(address: "127.0.0.1:0")
        let early = EmbeddedChannel(loop: loop)
        let admitted = state.admit(early)
        #expect(admitted)

        guard case .wait(let waiting?) = state.shutdown(makePromise: { loop.makePromise() }) else {
            Issue.record("a shutdown during the bind must be waited for")
            return
        }
        let listener = EmbeddedChannel(loop: loop)
        guard case .close(let channels, let promise)? = state.startSucceeded(listener: listener) else {
            Issue.record("the bound listener must be closed")
            return
        }

        #expect(channels.map(ObjectIdentifier.init) == [ObjectIdentifier(listener), ObjectIdentifier(early)])
        #expect(promise.futureResult === waiting)
        #expect(throws: MetricsServerError.alreadyShutDown("x")) { try state.beginStart(address: "x") }
        promise.succeed()
    }

    @Test("a connection accepted after the shutdown is refused and not tracked")
    func admitAfterShutdown() throws {
        var state = ServerState()
        try state.beginStart(address: "127.0.0.1:0")
        let started = state.startSucceeded(listener: EmbeddedChannel(loop: loop))
        #expect(started == nil)

        guard case .close(let channels, let promise) = state.shutdown(makePromise: { loop.makePromise() }) else {
            Issue.record("a running server must close its listener")
            return
        }
        let admitted = state.admit(EmbeddedChannel(loop: loop))

        #expect(!admitted)
        #expect(channels.count == 1)
        promise.succeed()
    }

    @Test("a failed bind goes back to idle, so that start may be retried")
    func failedBindIsRetryable() throws {
        var state = ServerState()
        try state.beginStart(address: "127.0.0.1:9464")

        let abandoned = state.startFailed()

        #expect(abandoned == nil)
        #expect(throws: Never.self) { try state.beginStart(address: "127.0.0.1:9464") }
    }

    @Test("a failed bind after a shutdown request completes the shutdown's wait")
    func failedBindAfterShutdown() throws {
        var state = ServerState()
        try state.beginStart(address: "127.0.0.1:9464")
        guard case .wait(let waiting?) = state.shutdown(makePromise: { loop.makePromise() }) else {
            Issue.record("a shutdown during the bind must be waited for")
            return
        }

        let abandoned = state.startFailed()

        let promise = try #require(abandoned)

        #expect(promise.futureResult === waiting)
        promise.succeed()
        #expect(throws: MetricsServerError.alreadyShutDown("x")) { try state.beginStart(address: "x") }
    }
}
