import ToolOpsCore

/// What a ``ToolLoggingObserver`` remembers about one call in flight, between its `started`
/// event and its end: enough for the summary record, and nothing about its arguments (the end
/// event carries them).
struct LoggingCallState: Sendable {
    /// How the cache took part so far.
    var cache: LoggingCacheInvolvement = .none
    /// `upstreamCalled` events seen.
    var upstreamAttempts: Int32 = 0
    /// `retry` events seen.
    var retries: Int32 = 0

    /// Folds one decoded event into the state.
    @inline(__always)
    mutating func apply(_ update: LoggingCallUpdate) {
        switch update {
        case .cache(let involvement):
            // An answer (hit, stale, coalesced) outranks a miss, which outranks nothing: a memory
            // miss followed by a shared-store hit is a hit.
            if involvement.rank >= cache.rank { cache = involvement }
        case .upstreamCalled:
            upstreamAttempts &+= 1
        case .retry:
            retries &+= 1
        }
    }
}

/// The part of an event that changes a call's ``LoggingCallState``, decoded before the lock is taken.
enum LoggingCallUpdate: Sendable {
    case cache(LoggingCacheInvolvement)
    case upstreamCalled
    case retry
}

/// How the cache took part in a call: the summary record's `cache` field.
enum LoggingCacheInvolvement: Sendable {
    /// No cache event: the tool has no cache, or the call never reached it.
    case none
    /// Looked up, nothing usable; the call went on to the upstream.
    case miss
    /// A fresh cached value answered.
    case hit
    /// An expired value answered because the live path failed.
    case stale
    /// The call joined an identical call in flight in this process.
    case coalesced
    /// Another process filled the entry while this call waited for the fill lease.
    case coalescedRemote

    /// The value written to the `cache` field.
    var name: String {
        switch self {
        case .none: "none"
        case .miss: "miss"
        case .hit: "hit"
        case .stale: "stale"
        case .coalesced: "coalesced"
        case .coalescedRemote: "coalesced_remote"
        }
    }

    /// Later answers replace earlier ones of the same rank; a miss never replaces an answer.
    var rank: Int {
        switch self {
        case .none: 0
        case .miss: 1
        case .hit, .stale, .coalesced, .coalescedRemote: 2
        }
    }
}
