import ToolOpsCore

/// SQL prepared once per connection and then executed by name: the server parses and plans it
/// once, and values travel as parameters only.
///
/// ```swift
/// let lookup = PostgresStatement("SELECT payload FROM cache WHERE key = $1")
/// let rows = try await client.execute(lookup, [.bytes(key)])
/// ```
public struct PostgresStatement: Sendable, Hashable {
    /// The SQL, with `$1`, `$2`, … for parameters.
    public let sql: String
    /// The server-side name, derived from the SQL so equal statements share it.
    public let name: String

    public init(_ sql: String) {
        self.sql = sql
        // 128 bits of the text's SHA-256: equal texts share a name, different ones never collide
        // in practice (a collision would run the other statement's SQL).
        self.name = "toolops_" + SHA256Digest(of: Array(sql.utf8)).hex.prefix(32)
    }
}
