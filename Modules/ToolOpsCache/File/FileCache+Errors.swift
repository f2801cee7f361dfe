import ToolOpsCore

extension CacheStoreError {
    /// An error of the file store.
    static func file(_ message: String) -> CacheStoreError {
        CacheStoreError(store: FileCache.storeName, message: message)
    }
}
