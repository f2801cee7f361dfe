/// A stage that can refuse a call before anything is computed for it — its key included.
///
/// An open circuit breaker is one: when nothing before it in the pipeline could answer the call
/// (no cache lookup, no fallback, only ``PassThroughStage``s), the tool asks it first and fails
/// fast without encoding the arguments. The call then fails exactly as it would have a few stages
/// later; only the work in between is skipped.
public protocol EarlyRejecting: Sendable {
    /// The error to refuse a call with now, or `nil` to let the call go through the pipeline.
    func earlyRejection(at now: Timestamp) -> ToolError?
}

/// A stage that never answers a call by itself: it passes the call on, makes it wait, joins it to
/// an identical call, or refuses it. A later ``EarlyRejecting`` stage may refuse a call before it.
///
/// Coalescing, retry, bulkhead, rate limit and timeout stages are pass-through; cache and
/// fallback stages are not, since they can answer while the upstream is refused.
public protocol PassThroughStage {}

extension ToolPipeline {
    /// The stage that may refuse calls before their key is derived: the first ``EarlyRejecting``
    /// stage with only ``PassThroughStage``s before it.
    public var earlyRejecter: (any EarlyRejecting)? {
        for entry in entries {
            if let rejecter = entry.middleware as? any EarlyRejecting { return rejecter }
            guard entry.middleware is any PassThroughStage else { return nil }
        }
        return nil
    }
}
