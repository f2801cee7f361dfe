/// A call's arguments as telemetry may see them: their names always, their values only masked.
///
/// Carried by a call's start and end events (``ToolEvent/arguments``) when the environment's
/// observer or tracing asks for them (``ToolObserver/argumentNeeds``). It holds the arguments in
/// the form that feeds the key — sensitive values already replaced by their SHA-256 — and masks
/// those again as ``Redactor/mask`` when values are asked for, so no secret and no hash of one is
/// shown. One instance is shared by the events of a call.
public final class CallArguments: Sendable {
    /// The arguments with sensitive values hashed, as they feed the call's key.
    public let hashed: JSONValue
    private let context: ToolContext

    public init(hashed: JSONValue, context: ToolContext) {
        self.hashed = hashed
        self.context = context
    }

    /// The top-level argument names, sorted.
    public var names: [String] {
        guard case .object(let members) = hashed else { return [] }
        return members.keys.sorted()
    }

    /// The arguments with every sensitive value replaced by ``Redactor/mask``.
    public var masked: JSONValue {
        CanonicalArguments.masked(hashed, sensitive: context.descriptor.sensitive)
    }
}
