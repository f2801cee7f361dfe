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
        // FNV-1a of the text: stable, short, and a collision only costs a redundant prepare.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        self.name = "toolops_" + String(hash, radix: 16)
    }
}
