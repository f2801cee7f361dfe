import Logging
import Synchronization
import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsTelemetry

@Suite("Tool logging observer")
struct ToolLoggingObserverTests {
    @Test("a cache hit gets one summary at info with exactly the documented metadata")
    func cacheHitSummary() throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        observer.observe(loggingEvent(.started, callID: 7))
        observer.observe(loggingEvent(.cacheHit(store: "memory"), callID: 7))
        observer.observe(loggingEvent(.succeeded(duration: .nanoseconds(412_345)), callID: 7))

        let record = try #require(log.records.only)
        #expect(record.level == .info)
        #expect(record.message == "tool call succeeded")
        #expect(
            record.metadata == [
                "tool": "search", "tool_version": "2", "call_id": "7", "outcome": "success", "duration_ms": "0.412",
                "cache": "hit", "upstream_attempts": "0", "retries": "0", "key": loggingKeyPrefix,
            ])
        #expect(observer.trackedCallCount == 0)
    }

    @Test("a miss with two upstream attempts and one retry counts both, and the retry has its own notice")
    func missWithRetry() throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        for kind: ToolEvent.Kind in [
            .started, .cacheMiss(store: "memory"), .upstreamCalled(attempt: 1),
            .retry(attempt: 1, delay: .milliseconds(250), error: loggingError(.timeout, "attempt timed out")),
            .upstreamCalled(attempt: 2), .cacheWritten(store: "memory", bytes: 64), .succeeded(duration: .seconds(1.5)),
        ] {
            observer.observe(loggingEvent(kind))
        }

        #expect(log.records.map(\.message) == ["tool call retrying", "tool call succeeded"])
        let retry = log.records[0]
        #expect(retry.level == .notice)
        #expect(
            retry.metadata == [
                "tool": "search", "tool_version": "2", "call_id": "1", "attempt": "1", "delay_ms": "250.000",
                "error_code": "timeout",
            ])
        #expect(
            log.records[1].metadata == [
                "tool": "search", "tool_version": "2", "call_id": "1", "outcome": "success",
                "duration_ms": "1500.000", "cache": "miss", "upstream_attempts": "2", "retries": "1",
                "key": loggingKeyPrefix,
            ])
    }

    @Test(
        "the cache field says what answered the call",
        arguments: [
            ([.cacheMiss(store: "memory"), .coalesced], "coalesced"),
            ([.cacheMiss(store: "postgres"), .coalescedRemote(store: "postgres")], "coalesced_remote"),
            ([.cacheMiss(store: "memory"), .cacheHit(store: "postgres")], "hit"),
            ([.cacheMiss(store: "memory"), .cacheMiss(store: "postgres"), .upstreamCalled(attempt: 1)], "miss"),
            (
                [.cacheMiss(store: "memory"), .upstreamCalled(attempt: 1), .staleServed(store: "memory", age: .zero)],
                "stale"
            ),
            ([.upstreamCalled(attempt: 1)], "none"),
        ] as [([ToolEvent.Kind], String)]
    )
    func cacheInvolvement(kinds: [ToolEvent.Kind], expected: String) throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        observer.observe(loggingEvent(.started))
        for kind in kinds { observer.observe(loggingEvent(kind)) }
        observer.observe(loggingEvent(.succeeded(duration: .milliseconds(3))))

        let summary = try #require(log.records.last)
        #expect(summary.message == "tool call succeeded")
        #expect(summary.metadata["cache"] == expected)
    }

    @Test("a coalesced call reports no upstream attempt of its own")
    func coalescedCall() throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        for kind: ToolEvent.Kind in [.started, .cacheMiss(store: "memory"), .coalesced, .succeeded(duration: .zero)] {
            observer.observe(loggingEvent(kind, callID: 3))
        }
        let record = try #require(log.records.only)
        #expect(
            record.metadata == [
                "tool": "search", "tool_version": "2", "call_id": "3", "outcome": "success", "duration_ms": "0.000",
                "cache": "coalesced", "upstream_attempts": "0", "retries": "0", "key": loggingKeyPrefix,
            ])
    }

    @Test("a failure is summarised at warning with its code and its masked message")
    func failureSummary() throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        let error = loggingError(.upstream, "401 for token ***")
        for kind: ToolEvent.Kind in [
            .started, .cacheMiss(store: "memory"), .upstreamCalled(attempt: 1),
            .failed(duration: .microseconds(20_250), error: error),
        ] {
            observer.observe(loggingEvent(kind, callID: 11))
        }
        let record = try #require(log.records.only)
        #expect(record.level == .warning)
        #expect(record.message == "tool call failed")
        #expect(
            record.metadata == [
                "tool": "search", "tool_version": "2", "call_id": "11", "outcome": "failure",
                "duration_ms": "20.250", "cache": "miss", "upstream_attempts": "1", "retries": "0",
                "key": loggingKeyPrefix, "error_code": "upstream", "error": "401 for token ***",
            ])
    }

    @Test("a secret in a real tool's error reaches the log only as ***")
    func secretsAreMaskedEndToEnd() async throws {
        struct Query: Codable, Sendable { var city: String; var api_key: String }
        struct Leaky: Error, CustomStringConvertible { let description: String }
        let log = LoggingCapture()
        let tool = try Tool(
            ToolDescriptor(name: "weather", sensitive: ["api_key"]),
            environment: ToolEnvironment(clock: ManualClock(), observer: ToolLoggingObserver(logger: log.logger))
        ) { (query: Query) -> String in
            throw Leaky(description: "401 for token \(query.api_key)")
        }
        await #expect(throws: ToolError.self) {
            try await tool(Query(city: "Paris", api_key: "sk-live-123456"))
        }

        let record = try #require(log.records.only)
        #expect(record.metadata["error"] == "401 for token ***")
        for record in log.records {
            #expect(!record.message.contains("sk-live"))
            for (key, value) in record.metadata {
                #expect(!value.contains("sk-live"), "\(key) leaks the token")
                #expect(!value.contains("Paris"), "\(key) leaks an argument value")
            }
        }
    }

    @Test("session_id is present on every record of a call that has one, and absent otherwise")
    func sessionID() throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        let retry = ToolEvent.Kind.retry(attempt: 1, delay: .zero, error: loggingError(.upstream, "boom"))
        for kind: ToolEvent.Kind in [.started, retry, .succeeded(duration: .zero)] {
            observer.observe(loggingEvent(kind, callID: 1, sessionID: "agent-42"))
            observer.observe(loggingEvent(kind, callID: 2))
        }
        let byCall = Dictionary(grouping: log.records) { $0.metadata["call_id"] ?? "" }
        #expect(byCall["1"]?.map { $0.metadata["session_id"] } == ["agent-42", "agent-42"])
        #expect(byCall["2"]?.map { $0.metadata["session_id"] } == [nil, nil])
    }

    @Test("notable events get their own record as they happen, at their documented level")
    func notableEvents() {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        let cases: [(ToolEvent.Kind, LoggedRecord)] = [
            (
                .breakerTransition(from: .closed, to: .open),
                LoggedRecord(.warning, "circuit breaker changed state", ["from": "closed", "to": "open"])
            ),
            (.rejected(.rateLimited), LoggedRecord(.notice, "tool call rejected", ["reason": "rateLimited"])),
            (
                .timedOut(after: .milliseconds(800), attempt: 2),
                LoggedRecord(.warning, "tool call attempt timed out", ["after_ms": "800.000", "attempt": "2"])
            ),
            (
                .cacheError(store: "postgres", error: loggingError(.misconfigured, "connection refused")),
                LoggedRecord(
                    .warning, "cache store failed",
                    ["store": "postgres", "error_code": "misconfigured", "error": "connection refused"])
            ),
            (
                .staleServed(store: "memory", age: .seconds(90)),
                LoggedRecord(.notice, "stale value served", ["store": "memory", "age_ms": "90000.000"])
            ),
            (
                .fallbackUsed(error: loggingError(.circuitOpen, "circuit open")),
                LoggedRecord(.notice, "fallback value used", ["error_code": "circuitOpen"])
            ),
        ]
        for (kind, _) in cases { observer.observe(loggingEvent(kind, callID: 5, sessionID: "s")) }

        let common = ["tool": "search", "tool_version": "2", "call_id": "5", "session_id": "s"]
        let expected = cases.map { _, record in
            LoggedRecord(record.level, record.message, record.metadata.merging(common) { own, _ in own })
        }
        #expect(log.records == expected)
    }

    @Test("notable records follow their configured levels")
    func configuredLevels() {
        let log = LoggingCapture(level: .info)
        let observer = ToolLoggingObserver(
            logger: log.logger, configuration: .init(retryLevel: .debug, breakerTransitionLevel: .error))
        observer.observe(loggingEvent(.retry(attempt: 1, delay: .zero, error: loggingError(.upstream, "boom"))))
        observer.observe(loggingEvent(.breakerTransition(from: .open, to: .halfOpen)))
        #expect(log.records.map(\.level) == [.error])
        #expect(log.records.map(\.message) == ["circuit breaker changed state"])
    }

    @Test("notable records are written while summaries are off, and no call state is kept for them")
    func notableWithoutSummaries() {
        let log = LoggingCapture(level: .warning)
        let observer = ToolLoggingObserver(
            logger: log.logger, configuration: .init(callLevel: .debug, failureLevel: .info))
        observer.observe(loggingEvent(.started))
        observer.observe(loggingEvent(.timedOut(after: .seconds(2), attempt: 1)))
        #expect(observer.trackedCallCount == 0)
        observer.observe(loggingEvent(.failed(duration: .seconds(2), error: loggingError(.timeout, "timed out"))))
        #expect(log.records.map(\.message) == ["tool call attempt timed out"])
    }

    @Test("below the logger's level nothing is logged and no call state is kept")
    func belowLevelDoesNothing() {
        let log = LoggingCapture(level: .error)
        let observer = ToolLoggingObserver(logger: log.logger)
        observer.observe(loggingEvent(.started))
        #expect(observer.trackedCallCount == 0)
        for kind: ToolEvent.Kind in [
            .cacheMiss(store: "memory"), .upstreamCalled(attempt: 1),
            .retry(attempt: 1, delay: .zero, error: loggingError(.upstream, "boom")),
            .timedOut(after: .seconds(1), attempt: 2), .breakerTransition(from: .closed, to: .open),
            .cacheError(store: "memory", error: loggingError(.misconfigured, "full")),
            .fallbackUsed(error: loggingError(.upstream, "boom")),
            .failed(duration: .seconds(1), error: loggingError(.timeout, "timed out")),
        ] {
            observer.observe(loggingEvent(kind))
        }
        #expect(log.records.isEmpty)
        #expect(observer.trackedCallCount == 0)
    }

    @Test("at warning, successes are not summarised but failures still carry the call's counts")
    func warningKeepsFailureCounts() throws {
        let log = LoggingCapture(level: .warning)
        let observer = ToolLoggingObserver(logger: log.logger)
        for kind: ToolEvent.Kind in [.started, .cacheHit(store: "memory"), .succeeded(duration: .zero)] {
            observer.observe(loggingEvent(kind, callID: 1))
        }
        for kind: ToolEvent.Kind in [
            .started, .upstreamCalled(attempt: 1), .upstreamCalled(attempt: 2),
            .failed(duration: .zero, error: loggingError(.upstream, "boom")),
        ] {
            observer.observe(loggingEvent(kind, callID: 2))
        }
        let record = try #require(log.records.only)
        #expect(record.metadata["call_id"] == "2")
        #expect(record.metadata["upstream_attempts"] == "2")
        #expect(observer.trackedCallCount == 0)
    }

    @Test("raising the logger's level during a call still releases the call's state")
    func raisedLevelReleasesState() {
        let log = LoggingCapture(level: .info)
        let observer = ToolLoggingObserver(logger: log.logger)
        observer.observe(loggingEvent(.started))
        #expect(observer.trackedCallCount == 1)
        log.level = .critical
        observer.observe(loggingEvent(.failed(duration: .zero, error: loggingError(.upstream, "boom"))))
        #expect(observer.trackedCallCount == 0)
        #expect(log.records.isEmpty)
    }

    @Test("a call refused before its key was derived is summarised without a key")
    func earlyRefusalHasNoKey() {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        let refusal = loggingError(.circuitOpen, "the circuit is open")
        for kind: ToolEvent.Kind in [.started, .rejected(.circuitOpen), .failed(duration: .zero, error: refusal)] {
            observer.observe(loggingEvent(kind, key: nil))
        }
        let common = ["tool": "search", "tool_version": "2", "call_id": "1"]
        #expect(
            log.records == [
                LoggedRecord(.notice, "tool call rejected", common.merging(["reason": "circuitOpen"]) { $1 }),
                LoggedRecord(
                    .warning, "tool call failed",
                    common.merging([
                        "outcome": "failure", "duration_ms": "0.000", "cache": "none", "upstream_attempts": "0",
                        "retries": "0", "error_code": "circuitOpen", "error": "the circuit is open",
                    ]) { $1 }),
            ])
    }

    @Test("beyond maxTrackedCalls new calls are not tracked, and their summaries leave out the counts")
    func inFlightBound() throws {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger, configuration: .init(maxTrackedCalls: 2))
        for callID: UInt64 in 1...3 {
            observer.observe(loggingEvent(.started, callID: callID))
            observer.observe(loggingEvent(.upstreamCalled(attempt: 1), callID: callID))
        }
        #expect(observer.trackedCallCount == 2)

        observer.observe(loggingEvent(.succeeded(duration: .zero), callID: 3))
        let untracked = try #require(log.records.last)
        #expect(untracked.metadata["call_id"] == "3")
        #expect(untracked.metadata["outcome"] == "success")
        #expect(untracked.metadata["key"] == loggingKeyPrefix)
        #expect(untracked.metadata["cache"] == nil)
        #expect(untracked.metadata["upstream_attempts"] == nil)
        #expect(untracked.metadata["retries"] == nil)

        observer.observe(loggingEvent(.succeeded(duration: .zero), callID: 1))
        #expect(log.records.last?.metadata["upstream_attempts"] == "1")
        #expect(observer.trackedCallCount == 1)
        observer.observe(loggingEvent(.started, callID: 4))
        #expect(observer.trackedCallCount == 2)
    }

    @Test("interleaved events of many concurrent calls give exactly one summary per call, with its own counts")
    func concurrentCalls() async {
        let log = LoggingCapture()
        let observer = ToolLoggingObserver(logger: log.logger)
        let callCount: UInt64 = 500
        await withTaskGroup(of: Void.self) { group in
            for callID in 1...callCount {
                group.addTask {
                    let attempts = Int(callID % 4) + 1
                    observer.observe(loggingEvent(.started, callID: callID))
                    await Task.yield()
                    observer.observe(loggingEvent(.cacheMiss(store: "memory"), callID: callID))
                    for attempt in 1...attempts {
                        await Task.yield()
                        observer.observe(loggingEvent(.upstreamCalled(attempt: attempt), callID: callID))
                        if attempt < attempts {
                            let error = loggingError(.upstream, "boom")
                            observer.observe(
                                loggingEvent(.retry(attempt: attempt, delay: .zero, error: error), callID: callID))
                        }
                    }
                    await Task.yield()
                    observer.observe(loggingEvent(.succeeded(duration: .zero), callID: callID))
                }
            }
        }

        let summaries = log.records.filter { $0.message == "tool call succeeded" }
        let byCall = Dictionary(grouping: summaries) { UInt64($0.metadata["call_id"] ?? "") ?? 0 }
        #expect(summaries.count == Int(callCount))
        #expect(Set(byCall.keys) == Set(1...callCount))
        for (callID, records) in byCall {
            let attempts = callID % 4 + 1
            #expect(records.count == 1)
            #expect(records.first?.metadata["upstream_attempts"] == String(attempts))
            #expect(records.first?.metadata["retries"] == String(attempts - 1))
            #expect(records.first?.metadata["cache"] == "miss")
        }
        let retries = log.records.filter { $0.message == "tool call retrying" }.count
        #expect(retries == (1...callCount).map { Int($0 % 4) }.reduce(0, +))
        #expect(observer.trackedCallCount == 0)
    }

    @Test("durations are milliseconds with three decimals, rounded to the microsecond")
    func millisecondFormat() {
        #expect(LoggingFormat.milliseconds(.zero) == "0.000")
        #expect(LoggingFormat.milliseconds(.nanoseconds(499)) == "0.000")
        #expect(LoggingFormat.milliseconds(.nanoseconds(500)) == "0.001")
        #expect(LoggingFormat.milliseconds(.microseconds(1_050)) == "1.050")
        #expect(LoggingFormat.milliseconds(.nanoseconds(12_345_678)) == "12.346")
        #expect(LoggingFormat.milliseconds(.seconds(90)) == "90000.000")
        #expect(LoggingFormat.milliseconds(.microseconds(-2_500)) == "-2.500")
    }

    @Test("the key field is the first 16 hex characters of the digest, zero-padded")
    func keyPrefix() {
        #expect(loggingKeyPrefix == String(loggingKey.digest.prefix(16)))
        let small = CallKey(tool: loggingTool, digest: SHA256Digest(words: (0xab, 1, 2, 3)))
        #expect(LoggingFormat.keyPrefix(small) == "00000000000000ab")
    }
}

// MARK: - Support

private let loggingTool = ToolID(name: "search", version: "2")
private let loggingKey = CallKey(tool: loggingTool, canonicalArguments: .object([:]))
private let loggingKeyPrefix = LoggingFormat.keyPrefix(loggingKey)

/// An event of call `callID` of the `search@2` tool.
private func loggingEvent(
    _ kind: ToolEvent.Kind, callID: UInt64 = 1, key: CallKey? = loggingKey, sessionID: String? = nil
) -> ToolEvent {
    ToolEvent(
        tool: loggingTool, callID: callID, key: key, sessionID: sessionID,
        timestamp: Timestamp(nanosecondsSinceEpoch: 1_704_067_200_000_000_000), kind: kind)
}

private func loggingError(_ code: ToolError.Code, _ message: String) -> ToolError {
    ToolError(code: code, tool: "search", message: message)
}

/// One record as a test compares it: level, message and metadata flattened to strings.
private struct LoggedRecord: Equatable, Sendable {
    var level: Logger.Level
    var message: String
    var metadata: [String: String]

    init(_ level: Logger.Level, _ message: String, _ metadata: [String: String]) {
        self.level = level
        self.message = message
        self.metadata = metadata
    }
}

/// A logger whose records are kept in memory, with a level that can change while it is in use.
private final class LoggingCapture: Sendable {
    private struct State {
        var level: Logger.Level
        var records: [LoggedRecord] = []
    }

    private let state: Mutex<State>

    init(level: Logger.Level = .trace) {
        state = Mutex(State(level: level))
    }

    var logger: Logger { Logger(label: "toolops") { _ in Handler(capture: self) } }
    var records: [LoggedRecord] { state.withLock { $0.records } }
    var level: Logger.Level {
        get { state.withLock { $0.level } }
        set { state.withLock { $0.level = newValue } }
    }

    fileprivate func append(_ record: LoggedRecord) {
        state.withLock { $0.records.append(record) }
    }

    private struct Handler: LogHandler {
        let capture: LoggingCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level {
            get { capture.level }
            nonmutating set { capture.level = newValue }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let metadata = (event.metadata ?? [:]).mapValues { value in
                if case .string(let text) = value { return text }
                return "non-string: \(value)"
            }
            capture.append(LoggedRecord(event.level, event.message.description, metadata))
        }
    }
}

extension Array {
    /// The only element, or `nil` when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
