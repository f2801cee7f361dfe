/// Which arguments of a tool are sensitive: tokens, API keys, passwords, user ids.
///
/// A sensitive argument is *hashed* into the cache key — never dropped from it, which would let
/// one user's cached result answer another user — and masked wherever arguments or errors are
/// shown. An argument is sensitive when its name is listed in ``names`` or, unless
/// ``matchesCommonNames`` is off, when its name contains a common secret word such as `token`,
/// `password`, `secret`, `apikey`, `authorization`, `credential` or `cookie` (case, `_` and `-`
/// are ignored).
///
/// ```swift
/// ToolDescriptor(name: "get_orders", sensitive: ["user_id"])
/// ```
public struct SensitiveArguments: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Field names marked sensitive by the tool, at any depth of the arguments.
    public var names: Set<String>
    /// Whether names containing a common secret word are treated as sensitive too.
    public var matchesCommonNames: Bool

    /// The words that make an argument name sensitive when ``matchesCommonNames`` is on.
    public static let commonWords = [
        "token", "password", "passwd", "secret", "apikey", "authorization", "credential", "cookie",
        "privatekey", "accesskey", "sessionid",
    ]

    /// No names marked; common secret words still match.
    public init() {
        self.init(names: [])
    }

    public init(names: Set<String>, matchesCommonNames: Bool = true) {
        self.names = names
        self.matchesCommonNames = matchesCommonNames
    }

    public init(arrayLiteral elements: String...) {
        self.init(names: Set(elements))
    }

    /// Whether an argument called `name` is sensitive.
    public func isSensitive(_ name: String) -> Bool {
        if names.contains(name) { return true }
        guard matchesCommonNames else { return false }
        let folded = String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
        return Self.commonWords.contains { folded.contains($0) }
    }
}
