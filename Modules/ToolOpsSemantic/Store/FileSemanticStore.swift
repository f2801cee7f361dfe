import Synchronization
import ToolOpsCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A ``SemanticStore`` in one append-only log file, shared by every process on the machine that
/// opens the same file.
///
/// Each insert, remove and invalidation appends one line (canonical JSON) under an exclusive
/// `flock`, in a single `O_APPEND` write, so lines from concurrent writers never interleave.
/// ``changes(after:)`` reads the lines after the cursor's byte offset: another process's writes
/// reach this one the next time it asks. A last line still being written is left for next
/// time; a corrupt line is skipped and counted in ``statistics``, never fatal.
///
/// The log only grows until it is compacted: ``compact()`` rewrites the live records into a new
/// file of a new *generation* and renames it over the log. It happens by itself after a write
/// when the log is larger than ``Configuration/compactionThreshold`` and most of its lines are
/// dead. A cursor from before a compaction cannot be continued: ``changes(after:)`` then returns
/// `.invalidated(.all)` followed by every live record, so the caller drops its state and reloads.
///
/// ```swift
/// let store = try FileSemanticStore(configuration: .init(file: FileSemanticStore.defaultFile()))
/// var changes = try await store.changes(after: nil)        // every live record
/// changes = try await store.changes(after: changes.cursor)  // what changed since
/// ```
public final class FileSemanticStore: SemanticStore {
    /// The settings the store was created with.
    public let configuration: Configuration
    /// The log file's path.
    public let path: String

    let state = Mutex(State())

    struct State {
        var statistics = Statistics()
        /// The log size from which the next write checks whether compaction is worth it.
        var nextCompactionCheck: Int64 = 0
    }

    /// Creates the log's directory (mode 0700) and the log itself when missing, and checks that
    /// an existing log is one this build reads.
    ///
    /// - Throws: ``SemanticStoreError`` naming the path: `notWritable`, `notAFile`,
    ///   `unsupportedFormat`, `invalidConfiguration`.
    public init(configuration: Configuration) throws(SemanticStoreError) {
        self.configuration = configuration
        path = configuration.file.path(percentEncoded: false)
        try configuration.validate(path: path)
        try LogDirectory.prepare(containing: path)
        _ = try LogFile.withLock(path, exclusive: false) { (handle) throws(SemanticStoreError) in
            try handle.header()
        }
    }

    /// Counters since this instance was created.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    public func changes(after cursor: SemanticCursor?) async throws -> SemanticChanges {
        try readChanges(after: cursor)
    }

    public func insert(_ record: SemanticRecord) async throws {
        try append(.insert(record))
    }

    public func remove(ids: [UInt64]) async throws {
        guard !ids.isEmpty else { return }
        try append(.remove(ids))
    }

    public func invalidate(_ scope: CacheScope) async throws -> Int {
        let now = configuration.clock.now()
        return try LogFile.withLock(path, exclusive: true) { (handle) throws(SemanticStoreError) in
            let replay = try replay(handle).replay
            let count = replay.records(at: now).count { $0.isIn(scope) }
            // Nothing live in scope: nothing for any reader to drop either.
            if count > 0 { try handle.append(LogEntry.invalidate(scope).line()) }
            return count
        }
    }

    /// Appends one entry, then compacts if the log has grown past the threshold with mostly dead lines.
    private func append(_ entry: LogEntry) throws(SemanticStoreError) {
        let line = entry.line()
        try LogFile.withLock(path, exclusive: true) { (handle) throws(SemanticStoreError) in
            try handle.append(line)
            try compactIfWorthIt(handle)
        }
    }
}
