import Synchronization
import ToolOpsCore

extension FileCache {
    /// Runs `body` on the index under the store's lock, scanning the folder first if this is the
    /// store's first use.
    func withIndex<Result: Sendable>(_ body: (inout FileCacheIndex) throws -> Result) throws -> Result {
        try state.withLock { index in
            if !index.isLoaded {
                try synchronize(&index)
                index.isLoaded = true
            }
            return try body(&index)
        }
    }

    /// Scans the folder on first use.
    func ensureLoaded() throws {
        try withIndex { _ in }
    }

    /// Brings the index in line with the folder: forgets files that vanished, reads the headers
    /// of entry files it does not know (written before this store opened, or by another process),
    /// deletes expired and damaged entry files it finds, and evicts down to the bounds.
    ///
    /// Files it does not know are taken as less recently used than everything it does, the
    /// newest first.
    func synchronize(_ index: inout FileCacheIndex) throws(CacheStoreError) {
        let names = try entryFolderNames()
        let now = clock.now()
        var present = Set<String>()
        var found: [(stem: String, record: FileCacheIndex.Record, storedAt: Timestamp)] = []
        for name in names {
            guard let stem = FileCacheNames.entryStem(of: name) else { continue }
            present.insert(stem)
            guard !index.contains(stem), let (header, size) = scanHeader(stem) else { continue }
            if now >= header.staleUntil {
                if deleteOwnedEntry(stem) { index.expirations += 1 }
                continue
            }
            found.append((stem, FileCacheIndex.Record(size: size, header: header), header.storedAt))
        }
        for stem in index.stems where !present.contains(stem) {
            index.forget(stem)
        }
        for file in found.sorted(by: { $0.storedAt > $1.storedAt }) {
            index.addLeastRecent(file.stem, file.record)
        }
        enforceBounds(&index, keeping: nil)
    }

    /// Evicts least recently used files until the index is within both bounds, sparing `keeping`.
    func enforceBounds(_ index: inout FileCacheIndex, keeping: String?) {
        let now = clock.now()
        while index.count > configuration.maxEntries || index.bytes > configuration.maxBytes,
            let (stem, record) = index.leastRecent, stem != keeping
        {
            index.forget(stem)
            deleteOwnedEntry(stem)
            if now < record.staleUntil {
                index.evictions += 1
            } else {
                index.expirations += 1
            }
        }
    }

    /// The checked header and size of the entry file `stem`, or `nil` when it is absent, not the
    /// store's, or of a newer format. A damaged file of the store's own is deleted.
    private func scanHeader(_ stem: String) -> (FileEntryHeader, size: Int)? {
        let path = entryPath(stem)
        guard var contents = try? FileSystem.readFile(path, limit: 4096) else { return nil }
        let problem: FileEntryFormat.Problem
        do throws(FileEntryFormat.Problem) {
            let end = try FileEntryFormat.headerEnd(of: contents.bytes)
            if end > contents.bytes.count, contents.size > contents.bytes.count {
                guard let longer = try? FileSystem.readFile(path, limit: end) else { return nil }
                contents = longer
            }
            let (header, _) = try FileEntryFormat.header(of: contents.bytes, fileSize: contents.size)
            guard FileCacheNames.stem(forDigest: header.keyDigest) == stem else {
                throw FileEntryFormat.Problem.corrupt("it holds the entry of another key")
            }
            return (header, contents.size)
        } catch {
            problem = error
        }
        switch problem {
        case .foreign, .unsupportedVersion: break
        case .truncated, .corrupt: deleteOwnedEntry(stem, identity: contents.identity)
        }
        return nil
    }

    /// Deletes the entry file `stem` if it starts with the store's magic (and, when `identity` is
    /// given, is still the very file that was read); returns whether it deleted it.
    @discardableResult
    func deleteOwnedEntry(_ stem: String, identity: FileSystem.Identity? = nil) -> Bool {
        deleteOwnedFile(entryPath(stem), identity: identity)
    }

    /// Deletes the file at `path` if it starts with the store's magic and, when `identity` is
    /// given, is still that file. The caller has already checked the name is one of the store's.
    @discardableResult
    func deleteOwnedFile(_ path: String, identity: FileSystem.Identity? = nil) -> Bool {
        guard let contents = try? FileSystem.readFile(path, limit: FileEntryFormat.magic.count),
            (try? FileEntryFormat.checkMagic(contents.bytes)) != nil,
            identity == nil || identity == contents.identity
        else { return false }
        return (try? FileSystem.remove(path)) != nil
    }

    /// The names in the namespace folder.
    func entryFolderNames() throws(CacheStoreError) -> [String] {
        do {
            return try FileSystem.names(in: path)
        } catch {
            throw .file("cannot list the cache folder: \(error)")
        }
    }

    /// Deletes temporary files of the store's own left by writes that crashed long ago.
    func removeAbandonedTemporaryFiles(now: Timestamp) throws(CacheStoreError) {
        let cutoff = now.advanced(by: .zero - Self.abandonedTemporaryFileAge).nanosecondsSinceEpoch
        for name in try entryFolderNames() where FileCacheNames.isTemporaryName(name) {
            let file = path + "/" + name
            guard let contents = try? FileSystem.readFile(file, limit: FileEntryFormat.magic.count),
                contents.modified < cutoff
            else { continue }
            deleteOwnedFile(file, identity: contents.identity)
        }
    }
}
