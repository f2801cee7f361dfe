import ToolOpsCore

extension FileCache {
    /// Entries and bytes per tool name now in the namespace folder, read from the store's index.
    ///
    /// Only ``CacheStatistics/entries`` and ``CacheStatistics/bytes`` are set: the store counts
    /// hits, misses and writes for the whole namespace (see ``statistics()``), not per tool. No
    /// entry file is opened except those the index has not seen yet.
    ///
    /// ```swift
    /// let perTool = try cache.toolStatistics()
    /// print(perTool["get_weather"]?.entries ?? 0)
    /// ```
    public func toolStatistics() throws -> [String: CacheStatistics] {
        try withIndex { index in
            try synchronize(&index)
            var result: [String: CacheStatistics] = [:]
            for record in index.records {
                result[record.toolName, default: CacheStatistics()].entries += 1
                result[record.toolName, default: CacheStatistics()].bytes += record.size
            }
            return result
        }
    }
}
