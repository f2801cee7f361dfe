import Synchronization
import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileCache {
    /// Reads and checks the entry file for `key`.
    ///
    /// The file is read outside the lock (a concurrent rename shows the old file or the new one
    /// whole); the index is updated under it. A damaged file is deleted only if it is still the
    /// very file that was read, so a fresh entry written meanwhile survives.
    func read(_ key: CallKey) throws -> CacheEntry? {
        let stem = FileCacheNames.stem(for: key)
        let path = entryPath(stem)
        let contents: FileSystem.Contents
        do {
            contents = try FileSystem.readFile(path)
        } catch {
            return try state.withLock { index in
                index.misses += 1
                switch error.code {
                case ENOENT:
                    index.forget(stem)
                    return nil
                case ELOOP, EINVAL:
                    throw CacheStoreError.file(
                        "'\(path)' has the name of an entry but is not a regular file; it was not created by "
                            + "ToolOps and is left alone. Move it out of the cache folder"
                    )
                default:
                    throw CacheStoreError.file("cannot read entry file: \(error)")
                }
            }
        }
        let now = clock.now()
        let header: FileEntryHeader
        let payload: [UInt8]
        do throws(FileEntryFormat.Problem) {
            (header, payload) = try FileEntryFormat.decode(contents.bytes)
            guard header.keyDigest == key.digest else {
                throw FileEntryFormat.Problem.corrupt("it holds the entry of another key")
            }
        } catch {
            return try state.withLock { index in
                index.misses += 1
                switch error {
                case .unsupportedVersion:
                    return nil
                case .foreign:
                    throw CacheStoreError.file(
                        "'\(path)' has the name of an entry but \(error); it was not created by ToolOps and is "
                            + "left alone. Move it out of the cache folder"
                    )
                case .truncated, .corrupt:
                    index.forget(stem)
                    let deleted = deleteOwnedEntry(stem, identity: contents.identity)
                    throw CacheStoreError.file(
                        "entry file '\(path)' is unusable: \(error); "
                            + (deleted ? "it was deleted and the lookup is a miss" : "the lookup is a miss")
                    )
                }
            }
        }
        return state.withLock { index in
            guard header.tool == key.tool else {
                index.misses += 1
                return nil
            }
            guard now < header.staleUntil else {
                index.forget(stem)
                if deleteOwnedEntry(stem, identity: contents.identity) { index.expirations += 1 }
                index.misses += 1
                return nil
            }
            index.upsert(stem, FileCacheIndex.Record(size: contents.bytes.count, header: header))
            index.hits += 1
            enforceBounds(&index, keeping: stem)
            return CacheEntry(
                payload: payload,
                tool: header.tool,
                tags: header.tags,
                storedAt: header.storedAt,
                freshUntil: header.freshUntil,
                staleUntil: header.staleUntil
            )
        }
    }
}
