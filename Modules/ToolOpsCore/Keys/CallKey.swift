/// The identity of one tool call: which tool, and which canonical arguments.
///
/// The digest is the SHA-256 of the tool's name, version and canonical arguments (sorted keys,
/// defaults applied, numbers normalised, sensitive values replaced by their own SHA-256). It is the
/// same in every process and on every machine, so it can key a shared store.
public struct CallKey: Sendable, Hashable, CustomStringConvertible {
    /// The tool the call is for.
    public let tool: ToolID
    /// 64 lowercase hex characters.
    public let digest: String

    public init(tool: ToolID, digest: String) {
        self.tool = tool
        self.digest = digest
    }

    /// Derives the key of a call from its canonical arguments.
    public init(tool: ToolID, canonicalArguments: JSONValue) {
        var material: [UInt8] = Array("toolops.key.v1\u{0}".utf8)
        material.append(contentsOf: tool.name.utf8)
        material.append(0)
        material.append(contentsOf: tool.version.utf8)
        material.append(0)
        canonicalArguments.writeCanonical(into: &material)
        self.init(tool: tool, digest: KeyDigest.sha256Hex(material))
    }

    // Only the digest: it already covers the tool, and hashing 64 ASCII bytes is cheap.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    /// `name@version#` followed by the first 12 digest characters.
    public var description: String { "\(tool)#\(digest.prefix(12))" }
}
