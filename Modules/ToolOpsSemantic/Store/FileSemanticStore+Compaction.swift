import Synchronization
import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSemanticStore {
    /// Rewrites the log with only its live records, under a new generation; returns how many
    /// records it kept.
    ///
    /// The new log is written to a temporary file next to the log and renamed over it while the
    /// old one is locked, so no write is lost: writers waiting for the lock notice the rename and
    /// append to the new file. Readers holding a cursor of the old generation get a full reload
    /// (see ``changes(after:)``). Expired records and corrupt lines are dropped.
    @discardableResult
    public func compact() async throws(SemanticStoreError) -> Int {
        try LogFile.withLock(path, exclusive: true) { (handle) throws(SemanticStoreError) in
            try rewrite(handle, records: try replay(handle).replay.records(at: configuration.clock.now()))
        }
    }

    /// After a write: compacts when the log exceeds the threshold and dead lines outnumber live
    /// records. The check replays the log, so after a check that finds compaction not worth it,
    /// the next one waits until the log has grown by half again.
    func compactIfWorthIt(_ handle: LogHandle) throws(SemanticStoreError) {
        guard configuration.automaticCompaction else { return }
        let size = try handle.size()
        let threshold = Int64(configuration.compactionThreshold)
        guard size >= threshold, size >= state.withLock({ $0.nextCompactionCheck }) else { return }
        let replay = try replay(handle).replay
        let live = replay.records(at: configuration.clock.now())
        if replay.lines - live.count > live.count {
            _ = try rewrite(handle, records: live)
        } else {
            state.withLock { $0.nextCompactionCheck = size + size / 2 }
        }
    }

    private func rewrite(_ handle: LogHandle, records: [SemanticRecord]) throws(SemanticStoreError) -> Int {
        var bytes = LogEntry.header(generation: .random(in: 1...UInt64.max)).line()
        for record in records { bytes += LogEntry.insert(record).line() }
        let temporary = path + ".compact-\(UInt32.random(in: 0...UInt32.max))"
        try LogFile.write(bytes, toNewFile: temporary)
        guard rename(temporary, path) == 0 else {
            let error = LogHandle.failure("rename", path)
            unlink(temporary)
            throw error
        }
        state.withLock {
            $0.statistics.compactions += 1
            $0.nextCompactionCheck = 0
        }
        return records.count
    }
}
