/// Everything a tool declares about itself: name, version, description, effect, sensitive arguments.
///
/// ```swift
/// let descriptor = ToolDescriptor(
///     name: "get_invoice", version: "2", description: "Looks up an invoice by number.",
///     effect: .readOnly, sensitive: ["customer_id"])
/// ```
public struct ToolDescriptor: Sendable, Hashable {
    /// The tool's identity.
    public var id: ToolID
    /// What the tool does, for humans and models.
    public var description: String
    /// Whether calling the tool changes anything.
    public var effect: ToolEffect
    /// Which arguments are hashed into keys and masked in output.
    public var sensitive: SensitiveArguments

    /// The declared name.
    public var name: String { id.name }
    /// The declared version.
    public var version: String { id.version }

    public init(
        name: String,
        version: String = "1",
        description: String = "",
        effect: ToolEffect = .readOnly,
        sensitive: SensitiveArguments = SensitiveArguments()
    ) {
        self.id = ToolID(name: name, version: version)
        self.description = description
        self.effect = effect
        self.sensitive = sensitive
    }

    /// Checks the name and version, throwing a ``ToolError`` with code `misconfigured` that says what is wrong.
    ///
    /// Names are 1–64 characters of ASCII letters, digits, `_`, `-` and `.`, which every major model
    /// provider accepts (exporters check provider-specific rules on top). Versions are non-empty
    /// and contain no whitespace.
    public func validate() throws {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        guard !name.isEmpty, name.utf8.count <= 64, allowed else {
            throw ToolError.misconfigured(
                "tool name '\(name)' is invalid: use 1-64 characters of letters, digits, '_', '-' or '.'",
                field: "name"
            )
        }
        guard !version.isEmpty, !version.contains(where: \.isWhitespace) else {
            throw ToolError.misconfigured(
                "version '\(version)' of tool '\(name)' is invalid: it must be non-empty, without spaces",
                tool: name,
                field: "version"
            )
        }
    }
}
