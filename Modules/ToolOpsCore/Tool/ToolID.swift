/// A tool's identity: its declared name plus a version.
///
/// Never a Swift function's name: two tools with the same body but different names are different
/// tools (separate cache entries, separate circuit breakers), and bumping the version retires every
/// cached result of the old one.
public struct ToolID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The declared name, as agents see it.
    public let name: String
    /// The version; part of every cache key.
    public let version: String

    public init(name: String, version: String = "1") {
        self.name = name
        self.version = version
    }

    /// `name@version`.
    public var description: String { "\(name)@\(version)" }
}
