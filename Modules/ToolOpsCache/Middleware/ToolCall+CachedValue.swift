import ToolOpsCore

extension ToolCall {
    /// The entry's value as `Output`: the in-process decoded value when it has one, else decoded
    /// from its JSON. An entry that no longer decodes is reported as a `cacheError` and read as a miss.
    func decodeCached(_ entry: CacheEntry, storeName: String) -> Output? {
        if let value = entry.decoded as? Output { return value }
        do {
            return try JSONValueDecoder().decode(Output.self, from: JSONValue(parsing: entry.payload))
        } catch {
            // The Output type changed without a version bump.
            emit(
                .cacheError(
                    store: storeName,
                    error: ToolError(
                        code: .misconfigured,
                        tool: toolName,
                        message: "cached value does not decode as \(Output.self); bump the tool's version "
                            + "when its output type changes (\(error))"
                    )
                )
            )
            return nil
        }
    }
}
