import Synchronization
import ToolOpsCore

extension FileCache {
    /// Writes the entry file for `key`: a new temporary file (mode 0600, `O_EXCL`) in the same
    /// folder, renamed over the entry's name once complete.
    func write(_ entry: CacheEntry, for key: CallKey) throws {
        try ensureLoaded()
        let stem = FileCacheNames.stem(for: key)
        let header = FileEntryHeader(key: key, entry: entry)
        let bytes = FileEntryFormat.encode(header, payload: entry.payload)
        let now = clock.now()
        guard now < entry.staleUntil, bytes.count <= configuration.maxBytes, configuration.maxEntries > 0 else {
            // Never kept; the previous entry goes, since a store replaces it.
            try withIndex { index in
                index.writes += 1
                if now < entry.staleUntil { index.evictions += 1 } else { index.expirations += 1 }
                index.forget(stem)
                deleteOwnedEntry(stem)
            }
            return
        }
        let temporary = path + "/" + FileCacheNames.temporaryName(stem: stem)
        do {
            try FileSystem.createFile(temporary, bytes: bytes)
        } catch {
            try? FileSystem.remove(temporary)
            throw CacheStoreError.file("cannot write entry file: \(error)")
        }
        try withIndex { index in
            let destination = entryPath(stem)
            guard isOwnedOrAbsent(destination) else {
                try? FileSystem.remove(temporary)
                throw CacheStoreError.file(
                    "'\(destination)' has the name of an entry but was not created by ToolOps; it is left alone "
                        + "and the result is not cached. Move it out of the cache folder"
                )
            }
            do {
                try FileSystem.move(temporary, to: destination)
            } catch {
                try? FileSystem.remove(temporary)
                throw CacheStoreError.file("cannot move entry file into place: \(error)")
            }
            index.upsert(stem, FileCacheIndex.Record(size: bytes.count, header: header))
            index.writes += 1
            enforceBounds(&index, keeping: stem)
        }
    }

    /// Whether nothing is at `path`, or a regular file starting with the store's magic.
    private func isOwnedOrAbsent(_ path: String) -> Bool {
        switch FileSystem.kind(of: path) {
        case .missing:
            return true
        case .regularFile:
            guard let contents = try? FileSystem.readFile(path, limit: FileEntryFormat.magic.count) else {
                return false
            }
            return (try? FileEntryFormat.checkMagic(contents.bytes)) != nil
        case .directory, .symbolicLink, .other:
            return false
        }
    }
}
