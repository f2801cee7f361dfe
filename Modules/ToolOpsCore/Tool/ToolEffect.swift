/// What calling a tool does to the world.
public enum ToolEffect: Sendable, Hashable {
    /// The tool only reads: calling it twice with the same arguments is harmless, so its results
    /// may be cached, identical calls coalesced and failures retried.
    case readOnly
    /// The tool changes something (sends an email, charges a card). Never cached or coalesced;
    /// retried only when `idempotent` is true or the call carries an idempotency key.
    case sideEffect(idempotent: Bool)

    /// Whether the tool only reads.
    public var isReadOnly: Bool {
        if case .readOnly = self { return true }
        return false
    }

    /// Whether repeating a call is safe (read-only tools, and side-effect tools declared idempotent).
    public var isIdempotent: Bool {
        switch self {
        case .readOnly: true
        case .sideEffect(let idempotent): idempotent
        }
    }
}
