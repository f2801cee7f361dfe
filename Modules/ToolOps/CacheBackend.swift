/// Which cache a read-only tool uses.
///
/// A string literal names a registered store: `cache: "file"`.
public enum CacheBackend: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The runtime's default store (`"memory"` unless changed).
    case `default`
    /// The store registered under this name. An unknown name is an error when the tool is built.
    case named(String)
    /// No caching for this tool.
    case disabled

    public init(stringLiteral value: String) {
        self = .named(value)
    }
}
