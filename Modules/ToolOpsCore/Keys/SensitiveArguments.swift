/// Which arguments of a tool are sensitive: tokens, API keys, passwords, user ids.
///
/// A sensitive argument is *hashed* into the cache key — never dropped from it, which would let
/// one user's cached result answer another user — and masked wherever arguments or errors are
/// shown. An argument is sensitive when its name is listed in ``names`` or, unless
/// ``matchesCommonNames`` is off, when one of the words of its name (split at `_`, `-`, `.` and
/// camel case) is a secret word — `token`, `password`, `secret`, `authorization`, `credential`,
/// `cookie`, … — or two neighbouring words form one: `api_key`, `apiKey`, `access-key`,
/// `sessionId`, `private_key`, and their plurals (`api_keys`, `secrets`) — except `tokens`, so
/// that `access_token` and `X-Api-Key` are sensitive while an LLM's `max_tokens` or a `keyword`
/// are not.
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
    public static let commonWords: Set<String> = [
        "token", "password", "passwords", "passwd", "passphrase", "secret", "secrets", "apikey", "apikeys",
        "authorization", "auth", "credential", "credentials", "cookie", "cookies", "privatekey", "privatekeys",
        "accesskey", "accesskeys", "sessionid", "bearer", "jwt", "otp", "pin",
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
        let words = Self.words(of: name)
        for (index, word) in words.enumerated() {
            if Self.commonWords.contains(word) { return true }
            if index > 0, Self.commonWords.contains(words[index - 1] + word) { return true }
        }
        return false
    }

    /// The lower-cased words of an identifier: `X-Api-Key` → `x`, `api`, `key`; `sessionID` → `session`, `id`.
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            if character == "_" || character == "-" || character == "." || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            previousWasLower = character.isLowercase || character.isNumber
            current.append(contentsOf: character.lowercased())
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
