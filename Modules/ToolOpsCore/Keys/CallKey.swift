/// The identity of one tool call: which tool, and which canonical arguments.
///
/// The digest is the SHA-256 of the tool's name, version and canonical arguments (sorted keys,
/// defaults applied, numbers normalised, sensitive values replaced by their own SHA-256). It is the
/// same in every process and on every machine, so it can key a shared store.
public struct CallKey: Sendable, Hashable, CustomStringConvertible {
    /// The tool the call is for.
    public let tool: ToolID
    /// The SHA-256 digest, as four words (no allocation; hashing and comparing are cheap).
    public let digestValue: SHA256Digest

    public init(tool: ToolID, digest: SHA256Digest) {
        self.tool = tool
        self.digestValue = digest
    }

    /// A key from its hexadecimal digest, as stored by persistent stores; `nil` if it is not 64 hex characters.
    public init?(tool: ToolID, digest: String) {
        guard let value = SHA256Digest(hex: digest) else { return nil }
        self.init(tool: tool, digest: value)
    }

    /// Derives the key of a call from its canonical arguments.
    public init(tool: ToolID, canonicalArguments: JSONValue) {
        var material: [UInt8] = []
        material.reserveCapacity(64)
        material.append(contentsOf: "toolops.key.v1\u{0}".utf8)
        material.append(contentsOf: tool.name.utf8)
        material.append(0)
        material.append(contentsOf: tool.version.utf8)
        material.append(0)
        canonicalArguments.writeCanonical(into: &material)
        self.init(tool: tool, digest: SHA256Digest(of: material))
    }

    /// The digest as 64 lowercase hex characters.
    public var digest: String { digestValue.hex }

    /// 64 well-mixed bits of the digest, for stores that shard or bucket by key.
    public var hash64: UInt64 { digestValue.words.0 }

    public static func == (lhs: CallKey, rhs: CallKey) -> Bool {
        lhs.digestValue == rhs.digestValue && lhs.tool == rhs.tool
    }

    // Only the digest: it already covers the tool.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(digestValue)
    }

    /// `name@version#` followed by the first 12 digest characters.
    public var description: String { "\(tool)#\(digest.prefix(12))" }
}
