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
        // Names and values in parallel arrays, and positions sorted rather than pairs: comparing
        // two names then copies no metadata value, and moving an Int costs no retain.
        var names: [String] = []
        var values: [Logger.MetadataValue] = []
        names.reserveCapacity(metadata.count)
        values.reserveCapacity(metadata.count)
        for (key, value) in metadata {
            names.append(topLevelName(for: key, in: metadata))
            values.append(value)
        }
        var order = Array(names.indices)
        order.sort { names[$0] < names[$1] }
        for index in order {
            encoder.append(ascii: ",")
            encoder.appendKey(names[index])
            encoder.appendValue(values[index])
        }
        encoder.append(ascii: "}")
        encoder.append(ascii: "\n")
        return encoder.bytes
    }

    /// The top-level field name of metadata key `key`: the key itself unless it is reserved.
    ///
    /// A key such as `msg` becomes `_msg`, or `__msg` if `_msg` is also a key, and so on: the new
    /// name is never reserved and never another key, so no field is written twice.
    static func topLevelName(for key: String, in metadata: Logger.Metadata) -> String {
        guard isReserved(key) else { return key }
        var name = "_" + key
        while isReserved(name) || metadata[name] != nil {
            name = "_" + name
        }
        return name
    }

    /// Whether `name` is one of ``reservedKeys`` (compared directly: this runs for every field of every line).
    static func isReserved(_ name: String) -> Bool {
        switch name {
        case "ts", "level", "label", "msg", "source": true
        default: false
        }
    }
}
