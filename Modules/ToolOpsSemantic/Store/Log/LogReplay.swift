import ToolOpsCore

/// The live records of a log, rebuilt by applying its lines in order.
struct LogReplay {
    /// Live records by id, with the sequence number of the line that inserted them (for order).
    private(set) var live: [UInt64: (order: Int, record: SemanticRecord)] = [:]
    /// Lines applied (the header excluded), valid or not.
    private(set) var lines = 0
    private var order = 0

    /// Applies one entry.
    mutating func apply(_ entry: LogEntry) {
        lines += 1
        switch entry {
        case .header:
            lines -= 1
        case .insert(let record):
            order += 1
            live[record.id] = (order, record)
        case .remove(let ids):
            for id in ids { live[id] = nil }
        case .invalidate(let scope):
            live = live.filter { !$0.value.record.isIn(scope) }
        }
    }

    /// Counts a line that could not be parsed.
    mutating func skip() { lines += 1 }

    /// The live records not expired at `now`, in the order they were written.
    func records(at now: Timestamp) -> [SemanticRecord] {
        live.values.filter { $0.record.staleUntil > now }.sorted { $0.order < $1.order }.map(\.record)
    }
}

extension SemanticRecord {
    /// Whether an invalidation of `scope` removes this record.
    func isIn(_ scope: CacheScope) -> Bool {
        switch scope {
        case .all: true
        case .tool(let name): tool.name == name
        case .tag(let tag): tags.contains(tag)
        }
    }
}
