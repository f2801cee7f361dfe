import Synchronization
import ToolOpsCore

extension FileSemanticStore {
    /// The changes after `cursor`: the lines after its offset when it belongs to the current log,
    /// or else a full reload (prefixed with `.invalidated(.all)` when a cursor was given).
    func readChanges(after cursor: SemanticCursor?) throws(SemanticStoreError) -> SemanticChanges {
        let now = configuration.clock.now()
        return try LogFile.withLock(path, exclusive: false) { (handle) throws(SemanticStoreError) in
            let header = try handle.header()
            if let cursor, let position = try continuable(LogPosition(cursor), header: header, handle: handle) {
                let lines = LogLines(try handle.read(from: position.offset))
                count(corrupt: lines.corrupt)
                let end = LogPosition(generation: header.generation, offset: position.offset + lines.consumed)
                return SemanticChanges(
                    changes: lines.entries.flatMap { $0?.changes(at: now) ?? [] }, cursor: end.cursor)
            }
            let (replay, end) = try replay(handle)
            var changes: [SemanticChange] = []
            if cursor != nil {
                changes.append(.invalidated(.all))
                state.withLock { $0.statistics.reloads += 1 }
            }
            changes += replay.records(at: now).map { .inserted($0) }
            return SemanticChanges(changes: changes, cursor: end.cursor)
        }
    }

    /// Replays the whole log; returns the live records and the position after the last complete line.
    func replay(_ handle: LogHandle) throws(SemanticStoreError) -> (replay: LogReplay, end: LogPosition) {
        let header = try handle.header()
        let lines = LogLines(try handle.read(from: header.end))
        count(corrupt: lines.corrupt)
        var replay = LogReplay()
        for entry in lines.entries {
            if let entry { replay.apply(entry) } else { replay.skip() }
        }
        return (replay, LogPosition(generation: header.generation, offset: header.end + lines.consumed))
    }

    /// `position` if reading can go on from it in this log: same generation, and an offset at a
    /// line boundary within the file (a tag collision between generations is caught here too).
    private func continuable(
        _ position: LogPosition, header: LogHeader, handle: LogHandle
    ) throws(SemanticStoreError) -> LogPosition? {
        guard position.belongs(to: header.generation), position.offset >= header.end,
            position.offset <= (try handle.size())
        else { return nil }
        let previous = try handle.read(from: position.offset - 1, upTo: position.offset)
        return previous == [0x0A] ? position : nil
    }

    private func count(corrupt: Int) {
        if corrupt > 0 { state.withLock { $0.statistics.corruptLines += corrupt } }
    }
}

extension LogEntry {
    /// This entry as changes for a reader; expired insertions are left out.
    func changes(at now: Timestamp) -> [SemanticChange] {
        switch self {
        case .header: []
        case .insert(let record): record.staleUntil > now ? [.inserted(record)] : []
        case .remove(let ids): ids.map { .removed($0) }
        case .invalidate(let scope): [.invalidated(scope)]
        }
    }
}
