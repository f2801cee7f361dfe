import Synchronization
import ToolOps

/// Follows every agent's call closely enough to tell when all of its work is blocked on the
/// simulation clock, even the part that runs off the simulation thread.
///
/// A coalesced call's flight runs in a detached task on the global pool (see
/// ``SimulationExecutor``), so an empty simulation queue alone does not prove that nothing is
/// running. The tracker follows each call through the flight's events (attributed to the agent
/// whose call started the flight, through ``SimulationContext``), the clock's wake-ups and its
/// sleepers, and calls a call *settled* only in a state where nothing can move until the clock
/// wakes someone:
///
/// - the flight's leader is in an attempt whose upstream and timeout timer are both asleep;
/// - the leader is asleep in a retry backoff;
/// - the call follows a flight: it joined one (a `coalesced` event), or it missed the cache after
///   a flight for the same key started and while that flight is still in an attempt or a backoff.
///
/// Anything else — a flight about to start, a sleeper just woken, a flight landing — is unsettled
/// until the next milestone. Calls that are not coalesced run entirely on the simulation thread
/// and are always settled.
final class FlightTracker: ToolObserver {
    /// Where a call is, as far as its flight goes.
    enum Phase: Sendable, Equatable {
        /// Looked up the cache; nothing from a flight yet.
        case lookup
        /// Joined a flight another call leads.
        case following
        /// An attempt has called the upstream.
        case attempt
        /// A retry backoff is under way.
        case backoff
        /// One of the flight's sleepers was just woken; it runs until its next milestone.
        case running
        /// The flight is ending (value stored, stale served, refused); its waiters are about to resume.
        case finishing
    }

    private struct Call {
        var coalesced: Bool
        var timers: Int
        var key: CallKey?
        var missOrder: UInt64?
        var phase: Phase = .lookup
    }

    private struct State {
        var calls: [Int: Call] = [:]
        var order: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Agent `agent` starts a call; `coalesced` when its flight may run off the simulation thread,
    /// `timed` when each attempt has a timeout timer.
    func begin(agent: Int, coalesced: Bool, timed: Bool) {
        state.withLock { $0.calls[agent] = Call(coalesced: coalesced, timers: timed ? 1 : 0) }
    }

    /// Agent `agent`'s call returned.
    func end(agent: Int) {
        _ = state.withLock { $0.calls.removeValue(forKey: agent) }
    }

    /// The clock woke a sleeper of `agent`: whatever its flight was waiting for is over.
    func woke(agent: Int, kind: SleepKind) {
        guard kind != .think else { return }
        state.withLock { state in
            guard let call = state.calls[agent], call.coalesced else { return }
            state.calls[agent]?.phase = .running
        }
    }

    func observe(_ event: ToolEvent) {
        guard let agent = SimulationContext.agent else { return }
        state.withLock { state in
            guard state.calls[agent] != nil else { return }
            switch event.kind {
            case .cacheMiss:
                state.order += 1
                state.calls[agent]?.key = event.key
                state.calls[agent]?.missOrder = state.order
            case .coalesced:
                state.calls[agent]?.phase = .following
            case .upstreamCalled:
                state.calls[agent]?.phase = .attempt
            case .retry:
                state.calls[agent]?.phase = .backoff
            case .rejected, .staleServed, .cacheWritten, .fallbackUsed:
                state.calls[agent]?.phase = .finishing
            default:
                break
            }
        }
    }

    /// Whether every call is blocked until the clock wakes someone, given the clock's sleepers.
    func isSettled(sleepers: [Int: SleeperCount]) -> Bool {
        state.withLock { state in
            let flights = Self.flights(in: state.calls)
            return state.calls.allSatisfy { agent, call in
                Self.isSettled(call, sleepers: sleepers[agent] ?? SleeperCount(), flights: flights)
            }
        }
    }

    /// A description of every unsettled call, for a stall report.
    func unsettledDescription(sleepers: [Int: SleeperCount]) -> String {
        state.withLock { state in
            let flights = Self.flights(in: state.calls)
            return state.calls.sorted { $0.key < $1.key }.compactMap { agent, call in
                let own = sleepers[agent] ?? SleeperCount()
                if Self.isSettled(call, sleepers: own, flights: flights) { return nil }
                let key = call.key.map(String.init(describing:)) ?? "none"
                return "agent \(agent): \(call.phase), key \(key), sleepers \(own)"
            }.joined(separator: "; ")
        }
    }

    /// The cache-miss order of the leader of each flight known to be in the air, by key.
    private static func flights(in calls: [Int: Call]) -> [CallKey: UInt64] {
        var flights: [CallKey: UInt64] = [:]
        for call in calls.values where call.coalesced {
            guard let key = call.key, let order = call.missOrder else { continue }
            switch call.phase {
            case .attempt, .backoff: flights[key] = min(order, flights[key] ?? .max)
            case .lookup, .following, .running, .finishing: continue
            }
        }
        return flights
    }

    private static func isSettled(_ call: Call, sleepers: SleeperCount, flights: [CallKey: UInt64]) -> Bool {
        guard call.coalesced else { return true }
        switch call.phase {
        case .following:
            return true
        case .attempt:
            // Both children of the attempt's timeout race are asleep (they register in either order).
            return sleepers.upstream == 1 && sleepers.internal == call.timers
        case .backoff:
            // The attempt's timer is gone before the retry event; this is the backoff's own sleep.
            return sleepers.upstream == 0 && sleepers.internal == 1
        case .lookup:
            // Joined a flight for its key that started before it missed the cache and is still in
            // the air (for a coalescing stage that reports joins only when they return).
            guard let key = call.key, let order = call.missOrder, let leader = flights[key] else { return false }
            return leader < order
        case .running, .finishing:
            return false
        }
    }
}
