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
            partition: try row[6].text(), text: try row[7].text(), vector: vector(vectorBytes),
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
            .text(record.tool.version), .text(record.partition), .text(record.text), .bytes(bytes(record.vector)),
            .bytes(record.value), .textArray(record.tags), .int64(record.storedAt.nanosecondsSinceEpoch),
            .int64(record.expiresAt.nanosecondsSinceEpoch), .int64(record.staleUntil.nanosecondsSinceEpoch),
            .int64(changedAt.nanosecondsSinceEpoch),
        ]
    }

    /// Each `Float` as its 4 bytes of IEEE 754 binary32, little-endian: exact, bit for bit.
    static func bytes(_ vector: [Float]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: value.bitPattern >> shift))
            }
        }
        return bytes
    }

    /// The vector of `bytes` (a multiple of 4 long).
    static func vector(_ bytes: [UInt8]) -> [Float] {
        stride(from: 0, to: bytes.count, by: 4).map { index in
            Float(
                bitPattern: UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                    | UInt32(bytes[index + 3]) << 24)
        }
    }
}
