import Logging
import ToolOpsCore

extension JSONLinesLogHandler {
    /// The names of the fixed fields, which metadata may not overwrite.
    static let reservedKeys: Set<String> = ["ts", "level", "label", "msg", "source"]

    /// Handler metadata, then the provider's, then the call's, then the call's error — each
    /// overriding the one before, as swift-log's `StreamLogHandler` merges them.
    func effectiveMetadata(for event: LogEvent) -> Logger.Metadata {
        let provided = metadataProvider?.get() ?? [:]
        let explicit = event.metadata ?? [:]
        guard !provided.isEmpty || !explicit.isEmpty || event.error != nil else { return metadata }
        // The common case — only the call's metadata — needs no merged copy.
        if metadata.isEmpty, provided.isEmpty, event.error == nil { return explicit }
        var merged = metadata
        merged.merge(provided) { _, provided in provided }
        merged.merge(explicit) { _, explicit in explicit }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }

    /// One record as a line: the fixed fields in a fixed order, then the metadata, then `"\n"`.
    static func line(
        timestamp: Timestamp,
        level: Logger.Level,
        label: String,
        message: String,
        source: String,
        metadata: Logger.Metadata
    ) -> [UInt8] {
        var encoder = JSONLineEncoder(capacity: 128 + message.utf8.count)
        encoder.append(ascii: "{")
        encoder.appendKey("ts")
        encoder.appendTimestamp(timestamp)
        encoder.append(ascii: ",")
        encoder.appendKey("level")
        encoder.appendString(level.rawValue)
        encoder.append(ascii: ",")
        encoder.appendKey("label")
        encoder.appendString(label)
        encoder.append(ascii: ",")
        encoder.appendKey("msg")
        encoder.appendString(message)
        encoder.append(ascii: ",")
        encoder.appendKey("source")
        encoder.appendString(source)
        let fields = topLevelFields(metadata)
        // Sort positions rather than the (name, value) pairs: moving an Int costs no retain.
        for index in fields.indices.sorted(by: { fields[$0].key < fields[$1].key }) {
            encoder.append(ascii: ",")
            encoder.appendKey(fields[index].key)
            encoder.appendValue(fields[index].value)
        }
        encoder.append(ascii: "}")
        encoder.append(ascii: "\n")
        return encoder.bytes
    }

    /// The metadata as top-level fields, with reserved names renamed (``line(timestamp:level:label:message:source:metadata:)`` sorts them).
    ///
    /// A key such as `msg` becomes `_msg`, or `__msg` if `_msg` is also a key, and so on: the new
    /// name is never reserved and never another key, so no field is written twice.
    static func topLevelFields(_ metadata: Logger.Metadata) -> [(key: String, value: Logger.MetadataValue)] {
        var fields: [(key: String, value: Logger.MetadataValue)] = []
        fields.reserveCapacity(metadata.count)
        for (key, value) in metadata {
            var name = key
            while isReserved(name) || (name != key && metadata[name] != nil) {
                name = "_" + name
            }
            fields.append((name, value))
        }
        return fields
    }

    /// Whether `name` is one of ``reservedKeys`` (compared directly: this runs for every field of every line).
    static func isReserved(_ name: String) -> Bool {
        switch name {
        case "ts", "level", "label", "msg", "source": true
        default: false
        }
    }
}
