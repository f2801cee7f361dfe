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
    private let redactor: Redactor

    /// The arguments of a call of the tool `context` describes; `redactor` holds the values of
    /// its sensitive arguments, masked wherever they are repeated in other fields.
    public init(hashed: JSONValue, context: ToolContext, redactor: Redactor = Redactor()) {
        self.hashed = hashed
        self.context = context
        self.redactor = redactor
    }

    /// The top-level argument names, sorted.
    public var names: [String] {
        guard case .object(let members) = hashed else { return [] }
        return members.keys.sorted()
    }

    /// The arguments with every sensitive value replaced by ``Redactor/mask``, and any secret
    /// repeated inside another string field masked too.
    public var masked: JSONValue {
        let masked = CanonicalArguments.masked(hashed, sensitive: context.descriptor.sensitive)
        return redactor.isEmpty ? masked : Self.redactStrings(masked, redactor)
    }

    private static func redactStrings(_ value: JSONValue, _ redactor: Redactor) -> JSONValue {
        switch value {
        case .string(let string): .string(redactor.redact(string))
        case .array(let elements): .array(elements.map { redactStrings($0, redactor) })
        case .object(let members): .object(members.mapValues { redactStrings($0, redactor) })
        default: value
        }
    }
}
