import ToolOpsCore

/// What a ``FileCache`` knows about its files without opening them: sizes, owners, expiry and
/// recency, plus its counters.
///
/// Built by scanning the entry headers on first use and kept up to date by every operation; the
/// files themselves stay the truth (a file another process wrote is picked up when it is read or
/// at the next scan, a file that vanished is forgotten).
struct FileCacheIndex {
    /// One entry file.
    struct Record {
        var size: Int
        var toolName: String
        var tags: [String]
        var staleUntil: Timestamp

        init(size: Int, header: FileEntryHeader) {
            self.size = size
            self.toolName = header.tool.name
            self.tags = header.tags
            self.staleUntil = header.staleUntil
        }
    }

    /// Stems in least-recently-used order.
    private(set) var table = LRUTable<String, Record>()
    private(set) var bytes = 0
    /// Whether the folder has been scanned yet.
    var isLoaded = false
    var hits = 0
    var misses = 0
    var writes = 0
    var evictions = 0
    var expirations = 0

    var count: Int { table.count }

    func contains(_ stem: String) -> Bool { table.slot(of: stem) != nil }

    /// Records `stem` as the most recently used file, replacing what was known of it.
    mutating func upsert(_ stem: String, _ record: Record) {
        if let slot = table.slot(of: stem) {
            bytes += record.size - table.value(at: slot).size
            table.replace(at: slot, with: record)
        } else {
            table.insert(record, for: stem)
            bytes += record.size
        }
    }

    /// Records a file found by a scan, as less recently used than everything known.
    mutating func addLeastRecent(_ stem: String, _ record: Record) {
        guard !contains(stem) else { return }
        table.insertLeastRecent(record, for: stem)
        bytes += record.size
    }

    /// Forgets `stem`; returns what was known of it.
    @discardableResult
    mutating func forget(_ stem: String) -> Record? {
        guard let slot = table.slot(of: stem) else { return nil }
        let record = table.remove(at: slot).value
        bytes -= record.size
        return record
    }

    /// Forgets everything (counters stay).
    mutating func forgetAll() {
        table.removeAll()
        bytes = 0
    }

    /// The least recently used stem, if any.
    var leastRecent: (stem: String, record: Record)? {
        table.leastRecentSlot.map { (table.key(at: $0), table.value(at: $0)) }
    }

    /// The stems whose record `matches` selects.
    func stems(where matches: (Record) -> Bool) -> [String] {
        table.slotsFromLeastRecent.compactMap { slot in matches(table.value(at: slot)) ? table.key(at: slot) : nil }
    }

    /// Every known stem.
    var stems: [String] { table.slotsFromLeastRecent.map { table.key(at: $0) } }

    /// The counters and sizes as statistics.
    var statistics: CacheStatistics {
        CacheStatistics(
            entries: count,
            bytes: bytes,
            hits: hits,
            misses: misses,
            writes: writes,
            evictions: evictions,
            expirations: expirations
        )
    }
}
