import ToolOpsCore

/// One line of a ``FileSemanticStore``'s log.
///
/// Lines are canonical JSON objects ending in a newline (JSON escapes every control character,
/// so a line never contains one). Numbers that may exceed 2^53 — ids, nanosecond timestamps,
/// the generation — are decimal strings, so any JSON reader keeps them exact.
enum LogEntry: Sendable {
    /// The first line of every log: the format version and the log's generation, a random number
    /// that changes whenever compaction rewrites the file.
    case header(generation: UInt64, format: Int64)
    /// A record added or replaced.
    case insert(SemanticRecord)
    /// Records removed by id.
    case remove([UInt64])
    /// Every record in a scope removed.
    case invalidate(CacheScope)

    /// The format this build writes and reads.
    static let format: Int64 = 1

    /// The header of a log in this build's format.
    static func header(generation: UInt64) -> LogEntry { .header(generation: generation, format: format) }

    /// The JSON object, newline-terminated.
    func line() -> [UInt8] {
        var bytes = json.canonicalBytes()
        bytes.append(0x0A)
        return bytes
    }

    private var json: JSONValue {
        switch self {
        case .header(let generation, let format):
            return ["op": "header", "format": .int(format), "generation": .string(String(generation))]
        case .insert(let record):
            return [
                "op": "insert", "id": .string(String(record.id)), "tool": .string(record.tool.name),
                "version": .string(record.tool.version), "namespace": .string(record.namespace),
                "partition": .string(record.partition), "text": .string(record.text),
                "vector": .string(VectorBytes.base64(record.vector)),
                "value": .string(Base64.encode(record.value)), "tags": .array(record.tags.map { .string($0) }),
                "storedAt": .string(String(record.storedAt.nanosecondsSinceEpoch)),
                "expiresAt": .string(String(record.expiresAt.nanosecondsSinceEpoch)),
                "staleUntil": .string(String(record.staleUntil.nanosecondsSinceEpoch)),
            ]
        case .remove(let ids):
            return ["op": "remove", "ids": .array(ids.map { .string(String($0)) })]
        case .invalidate(.all):
            return ["op": "invalidate", "scope": "all"]
        case .invalidate(.tool(let name)):
            return ["op": "invalidate", "scope": "tool", "name": .string(name)]
        case .invalidate(.tag(let tag)):
            return ["op": "invalidate", "scope": "tag", "name": .string(tag)]
        }
    }
}
