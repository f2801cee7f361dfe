import ToolOpsCore
import Tracing

/// Puts one call's events on its span: cache outcome and attempts as attributes, the notable
/// events as span events, the failure as the span's error and status.
final class ToolSpanRecorder<S: Span>: ToolCallSpan {
    private let span: S
    private let recordsArguments: Bool

    init(span: S, recordsArguments: Bool) {
        self.span = span
        self.recordsArguments = recordsArguments
    }

    func record(_ event: ToolEvent) {
        switch event.kind {
        case .started:
            if recordsArguments, let arguments = event.arguments {
                span.attributes[ToolSpanAttribute.toolCallArguments] = String(
                    decoding: arguments.masked.canonicalBytes(), as: UTF8.self)
            }
        case .cacheHit(let store):
            setCache("hit", store: store)
        case .cacheMiss(let store):
            // A miss in one store followed by a hit in another is a hit; never downgrade.
            if span.attributes[ToolSpanAttribute.cache] == nil { setCache("miss", store: store) }
        case .staleServed(let store, let age):
            setCache("stale", store: store)
            addEvent(
                "toolops.stale_served", ["toolops.cache.store": .string(store), "toolops.age_ms": .double(age.ms)])
        case .coalesced:
            span.attributes[ToolSpanAttribute.cache] = "coalesced"
        case .coalescedRemote(let store):
            setCache("coalesced_remote", store: store)
        case .upstreamCalled(let attempt):
            span.attributes[ToolSpanAttribute.upstreamAttempts] = attempt
        case .retry(let attempt, let delay, let error):
            addEvent(
                "toolops.retry",
                [
                    "toolops.attempt": .int64(Int64(attempt)), "toolops.delay_ms": .double(delay.ms),
                    ToolSpanAttribute.errorType: .string(error.code.description),
                ])
        case .timedOut(let after, let attempt):
            addEvent(
                "toolops.timed_out", ["toolops.attempt": .int64(Int64(attempt)), "toolops.after_ms": .double(after.ms)])
        case .rejected(let code):
            addEvent("toolops.rejected", ["toolops.reason": .string(code.description)])
        case .breakerTransition(let from, let to):
            addEvent(
                "toolops.breaker_transition",
                ["toolops.from": .string(String(describing: from)), "toolops.to": .string(String(describing: to))])
        case .cacheError(let store, let error):
            addEvent(
                "toolops.cache_error",
                ["toolops.cache.store": .string(store), ToolSpanAttribute.errorType: .string(error.code.description)])
        case .fallbackUsed(let error):
            addEvent("toolops.fallback_used", [ToolSpanAttribute.errorType: .string(error.code.description)])
        case .cacheWritten, .succeeded:
            break
        case .failed(_, let error):
            span.attributes[ToolSpanAttribute.errorType] = error.code.description
            span.recordError(error.withoutUnderlying)
            span.setStatus(SpanStatus(code: .error, message: error.message))
        }
    }

    private func setCache(_ outcome: String, store: String) {
        span.attributes[ToolSpanAttribute.cache] = outcome
        span.attributes[ToolSpanAttribute.cacheStore] = store
    }

    private func addEvent(_ name: String, _ attributes: SpanAttributes) {
        span.addEvent(SpanEvent(name: name, attributes: attributes))
    }
}

extension Duration {
    /// Milliseconds, fractional.
    fileprivate var ms: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
