import ToolOpsCore

/// The rows of one namespace in the entries table: the statements the cache and the fill
/// coordinator share.
struct CacheTable: Sendable {
    let client: PostgresClient
    let sql: CacheSQL
    let namespace: String

    /// The entry under `key` if it has not expired at `now`.
    func lookup(_ key: CallKey, now: Timestamp) async throws(PostgresError) -> CacheEntry? {
        let rows = try await client.execute(
            sql.lookup, [.text(namespace), .bytes(key.bytes), .int64(now.nanosecondsSinceEpoch)])
        guard let row = rows.rows.first else { return nil }
        return CacheEntry(
            payload: try row[0].bytes(),
            tool: key.tool,
            tags: try row[1].textArray(),
            storedAt: Timestamp(nanosecondsSinceEpoch: try row[2].int()),
            freshUntil: Timestamp(nanosecondsSinceEpoch: try row[3].int()),
            staleUntil: Timestamp(nanosecondsSinceEpoch: try row[4].int())
        )
    }

    func upsert(_ entry: CacheEntry, for key: CallKey) async throws(PostgresError) {
        _ = try await client.execute(
            sql.upsert,
            [
                .text(namespace), .bytes(key.bytes), .text(key.tool.name), .text(key.tool.version),
                .textArray(entry.tags), .bytes(entry.payload), .int64(Int64(entry.cost)),
                .int64(entry.storedAt.nanosecondsSinceEpoch), .int64(entry.freshUntil.nanosecondsSinceEpoch),
                .int64(entry.staleUntil.nanosecondsSinceEpoch),
            ])
    }
}

extension CallKey {
    /// The digest's 32 bytes, the row key (the digest already covers the tool's name and version).
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [digestValue.words.0, digestValue.words.1, digestValue.words.2, digestValue.words.3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }
}
