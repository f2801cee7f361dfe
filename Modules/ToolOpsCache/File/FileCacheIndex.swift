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

    /// Stems in least-recently-used order, with their file sizes as costs.
    private var table = LRUTable<String, Record>()
    /// Whether the folder has been scanned yet.
    var isLoaded = false
    var hits = 0
    var misses = 0
    var writes = 0
    var evictions = 0
    var expirations = 0

    var count: Int { table.count }
    /// The sum of the file sizes.
    var bytes: Int { table.totalCost }

    func contains(_ stem: String) -> Bool { table.slot(of: stem, hash: stem.hashValue) != nil }

    /// Records `stem` as the most recently used file, replacing what was known of it.
    mutating func upsert(_ stem: String, _ record: Record) {
        let hash = stem.hashValue
        if let slot = table.slot(of: stem, hash: hash) {
            table.replace(at: slot, with: record, cost: record.size, expiry: record.staleUntil)
        } else {
            table.insert(record, for: stem, hash: hash, cost: record.size, expiry: record.staleUntil)
        }
    }

    /// Records a file found by a scan, as less recently used than everything known.
    mutating func addLeastRecent(_ stem: String, _ record: Record) {
        guard !contains(stem) else { return }
        table.insertLeastRecent(record, for: stem, hash: stem.hashValue, cost: record.size, expiry: record.staleUntil)
    }

    /// Forgets `stem`; returns what was known of it.
    @discardableResult
    mutating func forget(_ stem: String) -> Record? {
        guard let slot = table.slot(of: stem, hash: stem.hashValue) else { return nil }
        return table.remove(at: slot).value
    }

    /// Forgets everything (counters stay).
    mutating func forgetAll() {
        table.removeAll()
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

    /// Every known record, least recently used first.
    var records: [Record] { table.slotsFromLeastRecent.map { table.value(at: $0) } }

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
