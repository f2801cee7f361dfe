import CoreMetrics
import Synchronization
import ToolOpsTelemetry

/// The stores' statistics as Prometheus gauges, refreshed from a ``StatsReport``.
///
/// Per store (labels `store`, `kind`): `<prefix>_cache_entries`, `_bytes`, `_hits`, `_misses`,
/// `_writes`, `_evictions`, `_expirations`, and `_up` (1 when the store answered the last
/// refresh, 0 when it did not). Per tool where the store keeps figures (labels `store`, `tool`):
/// `<prefix>_cache_tool_entries` and `_bytes`. Counters are gauges here: they are read from the
/// stores, which own them, and a store that is cleared or restarted starts again from zero.
final class StoreGauges: Sendable {
    let prometheus: ToolOpsPrometheus
    private let prefix: String
    // Tool series seen at the last refresh, zeroed when their tool disappears from a store.
    private let toolSeries = Mutex<Set<[String]>>([])

    init(prometheus: ToolOpsPrometheus, prefix: String) {
        self.prometheus = prometheus
        let valid = Self.validName(prefix)
        self.prefix = valid.isEmpty ? "" : valid + "_"
    }

    /// `prefix` as a Prometheus name part (a configuration may say `my-app`): characters a name
    /// cannot hold become `_`, trailing underscores go, and a leading digit gets a `_` before it.
    static func validName(_ prefix: String) -> String {
        var characters = prefix.map { character in
            character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == ":")
                ? character : "_"
        }
        while characters.last == "_" { characters.removeLast() }
        if let first = characters.first, first.isNumber { characters.insert("_", at: 0) }
        return String(characters)
    }

    /// Sets every gauge from `report`; stores in `failed` are marked down.
    func refresh(_ report: StatsReport, failed: [StoreSummary]) {
        var seen = Set<[String]>()
        for store in report.stores {
            let labels = [("store", store.store), ("kind", store.kind)]
            set("cache_up", 1, labels)
            set("cache_entries", store.entries, labels)
            set("cache_bytes", store.bytes, labels)
            set("cache_hits", store.hits, labels)
            set("cache_misses", store.misses, labels)
            set("cache_writes", store.writes, labels)
            set("cache_evictions", store.evictions, labels)
            set("cache_expirations", store.expirations, labels)
            for tool in store.tools {
                let toolLabels = [("store", store.store), ("tool", tool.tool)]
                set("cache_tool_entries", tool.entries, toolLabels)
                set("cache_tool_bytes", tool.bytes, toolLabels)
                seen.insert([store.store, tool.tool])
            }
        }
        for store in failed {
            set("cache_up", 0, [("store", store.name), ("kind", store.kind)])
        }
        let gone = toolSeries.withLock { previous in
            defer { previous = seen.union(previous.filter { key in failed.contains { $0.name == key[0] } }) }
            return previous.subtracting(seen).filter { key in !failed.contains { $0.name == key[0] } }
        }
        for key in gone {
            set("cache_tool_entries", 0, [("store", key[0]), ("tool", key[1])])
            set("cache_tool_bytes", 0, [("store", key[0]), ("tool", key[1])])
        }
    }

    private func set(_ name: String, _ value: Int, _ labels: [(String, String)]) {
        Meter(label: prefix + name, dimensions: labels, factory: prometheus.factory).set(value)
    }
}
