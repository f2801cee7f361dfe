import ToolOpsCore

/// A row of the semantic table, as a change: an insertion, or the removal of its id.
enum SemanticRow {
    /// The change in a row read with ``SemanticSQL/columns``, and the row's sequence number.
    static func change(_ row: [PostgresCell]) throws(PostgresError) -> (seq: Int64, change: SemanticChange) {
        let seq = try row[0].int()
        let id = UInt64(bitPattern: try row[1].int())
        if try row[2].bool() { return (seq, .removed(id)) }
        let vectorBytes = try row[8].bytes()
        guard vectorBytes.count % 4 == 0 else {
            throw PostgresError(
                .unexpectedResult, "record \(id): vector of \(vectorBytes.count) bytes is not a multiple of 4")
        }
        let record = SemanticRecord(
            id: id, tool: ToolID(name: try row[4].text(), version: try row[5].text()), namespace: try row[3].text(),
            partition: try row[6].text(), text: try row[7].text(), vector: VectorBytes.vector(vectorBytes) ?? [],
            value: try row[9].bytes(), tags: try row[10].textArray(),
            storedAt: Timestamp(nanosecondsSinceEpoch: try row[11].int()),
            expiresAt: Timestamp(nanosecondsSinceEpoch: try row[12].int()),
            staleUntil: Timestamp(nanosecondsSinceEpoch: try row[13].int()))
        return (seq, .inserted(record))
    }

    /// Parameters `$3`…`$15` of ``SemanticSQL/insert``.
    static func binds(_ record: SemanticRecord, changedAt: Timestamp) -> [PostgresBind] {
        [
            .int64(Int64(bitPattern: record.id)), .text(record.namespace), .text(record.tool.name),
            .text(record.tool.version), .text(record.partition), .text(record.text),
            .bytes(VectorBytes.bytes(record.vector)),
            .bytes(record.value), .textArray(record.tags), .int64(record.storedAt.nanosecondsSinceEpoch),
            .int64(record.expiresAt.nanosecondsSinceEpoch), .int64(record.staleUntil.nanosecondsSinceEpoch),
            .int64(changedAt.nanosecondsSinceEpoch),
        ]
    }
}
