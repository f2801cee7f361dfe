/// The outcome of ``SemanticCache/lookup(_:)``.
public struct SemanticLookup: Sendable {
    /// A fresh answer, when one passed the threshold and the guards.
    public var fresh: SemanticMatch?
    /// The best expired answer still inside its stale window that passed the threshold and the
    /// guards, for stale-if-error; `nil` when there is a fresh one. (When embedding fails, lookup
    /// throws, and a stale exact match is not returned.)
    public var stale: SemanticMatch?
    /// The query's vector, when it was embedded: pass it to ``SemanticCache/store(_:vector:value:settings:)``
    /// so the text is not embedded twice.
    public var vector: [Float]?
    /// Candidates above the threshold that a guard refused.
    public var rejections: [NearMissGuards.Rejection]
}
