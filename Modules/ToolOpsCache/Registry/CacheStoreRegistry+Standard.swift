import ToolOpsCore

extension CacheStoreRegistry {
    /// A registry with the two built-in stores: `"memory"` (the default) and `"file"`.
    ///
    /// `"memory"` is a ``MemoryCache`` with the default bounds. `"file"` is a ``FileCache`` in
    /// ``FileCache/defaultDirectory(environment:)`` (`$TOOLOPS_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/toolops`, else `~/.cache/toolops`), created when first asked for — so a
    /// process that never uses it never touches the disk, and a folder that cannot be used is
    /// reported by the ``store(named:)`` call that asks for it.
    ///
    /// ```swift
    /// let registry = CacheStoreRegistry.standard(clock: ManualClock())
    /// let file = try registry.store(named: "file")
    /// ```
    public static func standard(clock: any ToolClock = SystemClock()) -> CacheStoreRegistry {
        let registry = CacheStoreRegistry()
        registry.register("memory", MemoryCache(configuration: .init(clock: clock)))
        registry.register("file") {
            try FileCache(configuration: .init(directory: FileCache.defaultDirectory(), clock: clock))
        }
        return registry
    }
}
