import ToolOpsCore

extension LogEntry {
    /// Parses one line (without its newline); `nil` when it is not a valid entry (a torn or
    /// corrupted line), which readers skip and count.
    init?(line: ArraySlice<UInt8>) {
        guard let value = try? JSONValue(parsing: Array(line)), let op = value["op"]?.stringValue else { return nil }
        switch op {
        case "header":
            guard case .int(let format)? = value["format"], let generation = Self.uint(value["generation"]) else {
                return nil
            }
            self = .header(generation: generation, format: format)
        case "insert":
            guard let record = Self.record(value) else { return nil }
            self = .insert(record)
        case "remove":
            guard let elements = value["ids"]?.arrayValue else { return nil }
            let ids = elements.compactMap { Self.uint($0) }
            guard ids.count == elements.count else { return nil }
            self = .remove(ids)
        case "invalidate":
            switch (value["scope"]?.stringValue, value["name"]?.stringValue) {
            case ("all"?, _): self = .invalidate(.all)
            case ("tool"?, let name?): self = .invalidate(.tool(name))
            case ("tag"?, let tag?): self = .invalidate(.tag(tag))
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func record(_ value: JSONValue) -> SemanticRecord? {
        guard let id = uint(value["id"]), let name = value["tool"]?.stringValue,
            let version = value["version"]?.stringValue, let namespace = value["namespace"]?.stringValue,
            let partition = value["partition"]?.stringValue, let text = value["text"]?.stringValue,
            let vector = value["vector"]?.stringValue.flatMap(VectorBytes.vector(base64:)),
            let payload = value["value"]?.stringValue.flatMap(Base64.decode),
            let tagValues = value["tags"]?.arrayValue, let storedAt = timestamp(value["storedAt"]),
            let expiresAt = timestamp(value["expiresAt"]), let staleUntil = timestamp(value["staleUntil"])
        else { return nil }
        let tags = tagValues.compactMap(\.stringValue)
        guard tags.count == tagValues.count else { return nil }
        return SemanticRecord(
            id: id, tool: ToolID(name: name, version: version), namespace: namespace, partition: partition,
            text: text, vector: vector, value: payload, tags: tags, storedAt: storedAt, expiresAt: expiresAt,
            staleUntil: staleUntil)
    }

    private static func uint(_ value: JSONValue?) -> UInt64? {
        value?.stringValue.flatMap { UInt64($0) }
    }

    private static func timestamp(_ value: JSONValue?) -> Timestamp? {
        value?.stringValue.flatMap { Int64($0) }.map { Timestamp(nanosecondsSinceEpoch: $0) }
    }
}
