import ToolOpsCore

/// The state machine of a circuit breaker, as a plain value guarded by the breaker's lock.
///
/// closed → open when the configured rule trips; open → half-open on the first call after the
/// recovery timeout; half-open → closed after `maxProbes` successful probes, → open on one failed
/// probe. Every change bumps `generation`, so outcomes of calls admitted before it are not applied
/// to the new state.
struct BreakerMachine: Sendable {
    enum Admission {
        case granted(CircuitBreaker.Permit)
        case refused(retryAfter: Duration?, probes: Int)
    }

    // The configuration with out-of-range values clamped, read on every call.
    private let threshold: Int
    private let rateThreshold: Double?
    private let minimumCalls: Int
    private let recoveryTimeout: Duration
    private let maxProbes: Int
    private let slowCallThreshold: Duration?

    private(set) var state: BreakerState = .closed
    private(set) var statistics = CircuitBreaker.Statistics()
    private var generation: UInt64 = 0
    private var consecutiveFailures = 0
    private var window: OutcomeWindow
    private var openUntil = Timestamp.epoch
    private var probesInFlight = 0
    private var probeSuccesses = 0

    init(_ configuration: CircuitBreaker.Configuration) {
        switch configuration.mode {
        case .consecutiveFailures(let threshold):
            self.threshold = max(1, threshold)
            rateThreshold = nil
            minimumCalls = 1
            window = OutcomeWindow(capacity: 0)
        case .failureRate(let threshold, let windowSize, let minimumCalls):
            let size = max(1, windowSize)
            self.threshold = 1
            rateThreshold = threshold.isNaN ? 1 : min(max(threshold, 0), 1)
            self.minimumCalls = min(max(1, minimumCalls), size)
            window = OutcomeWindow(capacity: size)
        }
        recoveryTimeout = max(.zero, configuration.recoveryTimeout)
        maxProbes = max(1, configuration.halfOpenMaxProbes)
        slowCallThreshold = configuration.slowCallThreshold
    }

    /// How long the circuit stays open, counting the refusal, or `nil` (without any change) when
    /// a call at `now` would not be refused outright.
    mutating func refuseIfOpen(now: Timestamp) -> Duration? {
        guard state == .open, now < openUntil else { return nil }
        statistics.rejections += 1
        return now.duration(to: openUntil)
    }

    mutating func acquire(now: Timestamp) -> Admission {
        var transition: CircuitBreaker.Transition?
        if state == .open {
            guard now >= openUntil else {
                statistics.rejections += 1
                return .refused(retryAfter: now.duration(to: openUntil), probes: maxProbes)
            }
            transition = move(to: .halfOpen)
        }
        guard state == .halfOpen else {
            return .granted(CircuitBreaker.Permit(generation: generation, isProbe: false, transition: transition))
        }
        guard probesInFlight < maxProbes else {
            statistics.rejections += 1
            return .refused(retryAfter: nil, probes: maxProbes)
        }
        probesInFlight += 1
        return .granted(CircuitBreaker.Permit(generation: generation, isProbe: true, transition: transition))
    }

    mutating func record(
        _ permit: CircuitBreaker.Permit,
        outcome reported: CircuitBreaker.Outcome,
        duration: Duration,
        now: Timestamp
    ) -> CircuitBreaker.Transition? {
        var outcome = reported
        if outcome == .success, let slowCallThreshold, duration > slowCallThreshold {
            outcome = .failure
            statistics.slowCalls += 1
        }
        switch outcome {
        case .success: statistics.successes += 1
        case .failure: statistics.failures += 1
        case .ignored: statistics.ignored += 1
        }
        guard permit.generation == generation else { return nil }
        switch state {
        case .closed:
            guard outcome != .ignored else { return nil }
            let failed = outcome == .failure
            consecutiveFailures = failed ? consecutiveFailures + 1 : 0
            window.record(failure: failed)
            return tripped ? open(now: now) : nil
        case .halfOpen:
            guard permit.isProbe else { return nil }
            probesInFlight = max(0, probesInFlight - 1)
            switch outcome {
            case .ignored:
                return nil
            case .failure:
                return open(now: now)
            case .success:
                probeSuccesses += 1
                return probeSuccesses >= maxProbes ? move(to: .closed) : nil
            }
        case .open:
            return nil
        }
    }

    /// Back to closed with clean counts; the change, if the state was not closed.
    mutating func reset() -> CircuitBreaker.Transition? {
        let from = state
        let transition = move(to: .closed)
        return from == .closed ? nil : transition
    }

    private var tripped: Bool {
        guard let rateThreshold else { return consecutiveFailures >= threshold }
        return window.count >= minimumCalls && window.failures > 0 && window.failureRate >= rateThreshold
    }

    private mutating func open(now: Timestamp) -> CircuitBreaker.Transition {
        let transition = move(to: .open)
        openUntil = now.advanced(by: recoveryTimeout)
        statistics.timesOpened += 1
        return transition
    }

    private mutating func move(to next: BreakerState) -> CircuitBreaker.Transition {
        let transition = CircuitBreaker.Transition(from: state, to: next)
        state = next
        statistics.state = next
        generation &+= 1
        consecutiveFailures = 0
        window.removeAll()
        probesInFlight = 0
        probeSuccesses = 0
        return transition
    }
}
