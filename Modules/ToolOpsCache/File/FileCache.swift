import Synchronization
import ToolOpsCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A persistent cache in a folder of files: the embedded store that survives restarts.
///
/// Each entry is one file, `<directory>/<namespace>/<digest>.tce`, holding a checked header
/// (tool, tags, times, SHA-256 of the payload) and the payload. The store is careful with the
/// folder it is given:
///
/// - **Only its own files.** It reads, replaces or deletes nothing whose name is not one of its
///   own patterns, and deletes nothing that does not start with its magic bytes — not on
///   ``invalidate(_:)`` with ``CacheScope/all``, not on ``sweep()``, not to stay within bounds.
/// - **Atomic writes.** An entry is written to `.tmp-<digest>-<random>` in the same folder and
///   renamed into place, so a reader sees the old file or the new one, never half of one.
/// - **Corruption is a miss.** A truncated or damaged file makes ``entry(for:)`` throw a
///   `CacheStoreError` saying so (the cache middleware reports it and calls the tool); the file
///   is deleted and the next lookup is a plain miss.
/// - **Owner only.** The folder is created with mode 0700 and files with 0600, whatever the umask.
/// - **Misconfiguration fails at setup.** A namespace path that is a file or a symbolic link, or
///   a folder that cannot be created or written, makes the initialiser throw.
///
/// An in-memory index of every entry's size, tool, tags, expiry and recency, built by reading
/// the headers on first use, enforces ``Configuration/maxEntries`` and ``Configuration/maxBytes``
/// (evicting least recently used files), and serves ``sweep()``, ``invalidate(_:)`` and
/// ``statistics()``. Files other processes write into the namespace are picked up when read or
/// at the next sweep, invalidation or statistics call. I/O is blocking; mutations of the folder
/// are serialised within the process.
///
/// ```swift
/// let cache = try FileCache(configuration: .init(namespace: "weather"))
/// try await cache.store(entry, for: key)
/// ```
public final class FileCache: CacheStore {
    /// The configuration the store was created with.
    public let configuration: Configuration
    /// The folder holding the entry files: `<directory>/<namespace>`.
    public let namespaceDirectory: URL
    let path: String
    let clock: any ToolClock
    let state = Mutex(FileCacheIndex())

    /// The name used in the errors the store throws.
    static let storeName = "file"
    /// Temporary files older than this are leftovers of a crashed write; ``sweep()`` removes them.
    static let abandonedTemporaryFileAge: Duration = .seconds(3600)

    /// Opens (creating when missing) the store's namespace folder.
    ///
    /// - Throws: `ToolError` with code `misconfigured` when the namespace is not a plain folder
    ///   name, when its path exists but is not a directory or is a symbolic link, or when the
    ///   folder cannot be created or written.
    public init(configuration: Configuration = Configuration()) throws {
        try configuration.validateNamespace()
        self.configuration = configuration
        self.path = configuration.namespacePath
        self.namespaceDirectory = URL(filePath: path, directoryHint: .isDirectory)
        self.clock = configuration.clock
        try Self.prepareDirectory(path)
    }

    /// The entry for `key` if it is fresh or stale; `nil` when absent or expired.
    ///
    /// - Throws: `CacheStoreError` when the file is truncated or corrupt (it is deleted, and the
    ///   next lookup is a miss), when a file the store did not create is in the entry's place, or
    ///   when the file cannot be read.
    public func entry(for key: CallKey) throws -> CacheEntry? {
        try ensureLoaded()
        return try read(key)
    }

    /// Writes `entry` for `key` atomically, replacing any previous one, then evicts least
    /// recently used files until the store is within its bounds.
    ///
    /// An entry already expired, or whose file would exceed ``Configuration/maxBytes``, is not
    /// written (and any previous entry for `key` is removed).
    ///
    /// - Throws: `CacheStoreError` when the file cannot be written, or when a file the store did
    ///   not create has the entry's name.
    public func store(_ entry: CacheEntry, for key: CallKey) throws {
        try write(entry, for: key)
    }

    /// Deletes the file for `key`; returns whether there was one.
    @discardableResult
    public func removeEntry(for key: CallKey) throws -> Bool {
        let stem = FileCacheNames.stem(for: key)
        return try withIndex { index in
            index.forget(stem)
            return deleteOwnedEntry(stem)
        }
    }

    /// Deletes every entry file in `scope`; returns how many were deleted.
    ///
    /// ``CacheScope/all`` deletes every file in the namespace folder that has an entry name and
    /// starts with the store's magic, including ones other processes wrote; nothing else.
    @discardableResult
    public func invalidate(_ scope: CacheScope) throws -> Int {
        try withIndex { index in
            try synchronize(&index)
            let stems: [String]
            switch scope {
            case .all:
                stems = try entryFolderNames().compactMap(FileCacheNames.entryStem)
            case .tool(let name):
                stems = index.stems { $0.toolName == name }
            case .tag(let tag):
                stems = index.stems { $0.tags.contains(tag) }
            }
            var removed = 0
            for stem in stems {
                index.forget(stem)
                if deleteOwnedEntry(stem) { removed += 1 }
            }
            if scope == .all { index.forgetAll() }
            return removed
        }
    }

    /// Deletes every expired entry file, and temporary files abandoned by crashed writes; returns
    /// how many entries were deleted.
    @discardableResult
    public func sweep() throws -> Int {
        try withIndex { index in
            let before = index.expirations
            try synchronize(&index)
            let now = clock.now()
            for stem in index.stems(where: { now >= $0.staleUntil }) {
                index.forget(stem)
                if deleteOwnedEntry(stem) { index.expirations += 1 }
            }
            try removeAbandonedTemporaryFiles(now: now)
            return index.expirations - before
        }
    }

    /// Counters of this process, and the entries and bytes now in the namespace folder.
    public func statistics() throws -> CacheStatistics {
        try withIndex { index in
            try synchronize(&index)
            return index.statistics
        }
    }
}
