import ToolOps
import ToolOpsTelemetry

/// Reads the figures of `toolops stats` from the stores.
struct StatsGathering: Sendable {
    let context: CommandContext
    /// The longest one store may take to answer.
    let timeLimit: Duration

    /// The figures of each store in `names`; a store that cannot be read is reported in
    /// `failures` (one line each) and left out.
    func gather(_ names: [String]) async -> (report: StatsReport, failures: [String]) {
        let staleServes = staleServesByTool()
        var stores: [StoreFigures] = []
        var failures: [String] = []
        for name in names {
            do {
                stores.append(try await figures(of: name, staleServes: staleServes))
            } catch {
                failures.append(CommandError.reason(of: error))
            }
        }
        return (StatsReport(stores: stores), failures)
    }

    private func figures(of name: String, staleServes: [String: Int]?) async throws -> StoreFigures {
        let store = try context.store(named: name)
        let summary = context.summary(of: name, store: store)
        let (totals, perTool) = try await readStatistics(store, summary: summary)
        // PostgreSQL counts lookups per tool; a file store per namespace only.
        let countsLookups = store is PostgresCache
        let tools = perTool.map { tool, statistics in
            ToolFigures(
                tool: tool, entries: statistics.entries, bytes: statistics.bytes,
                hits: countsLookups ? statistics.hits : nil,
                misses: countsLookups ? statistics.misses : nil,
                hitRate: countsLookups && statistics.hits + statistics.misses > 0 ? statistics.hitRate : nil,
                staleServes: staleServes?[tool])
        }
        .sorted { ($0.entries, $0.bytes, $1.tool) > ($1.entries, $1.bytes, $0.tool) }
        let storeStale = staleServes.map { counts in
            toolsUsing(name).reduce(0) { $0 + (counts[$1] ?? 0) }
        }
        return StoreFigures(summary: summary, statistics: totals, staleServes: storeStale, tools: tools)
    }

    /// The store's totals and, where it keeps them, its per-tool figures.
    private func readStatistics(
        _ store: any CacheStore, summary: StoreSummary
    ) async throws -> (CacheStatistics, [String: CacheStatistics]) {
        do {
            return try await withTimeLimit(timeLimit, clock: context.environment.clock) {
                switch store {
                case let postgres as PostgresCache:
                    let perTool = try await postgres.toolStatistics()
                    return (Self.total(perTool), perTool)
                case let file as FileCache:
                    return (try file.statistics(), try file.toolStatistics())
                default:
                    return (try await store.statistics(), [:])
                }
            }
        } catch {
            throw CommandError("\(summary.label): \(CommandError.reason(of: error))")
        }
    }

    /// Stale serves per tool name from the app's statistics, if it gave any.
    private func staleServesByTool() -> [String: Int]? {
        guard let statistics = context.environment.application.toolStatistics else { return nil }
        var counts: [String: Int] = [:]
        for snapshot in statistics.snapshot() {
            counts[snapshot.tool.name, default: 0] += snapshot.lifetime.staleServed
        }
        return counts
    }

    /// The names of the runtime's tools that cache in the store `name`.
    private func toolsUsing(_ name: String) -> Set<String> {
        Set(
            context.runtime.tools.filter { context.runtime.storeName(for: $0.descriptor.id) == name }.map(
                \.descriptor.name))
    }

    private static func total(_ perTool: [String: CacheStatistics]) -> CacheStatistics {
        perTool.values.reduce(into: CacheStatistics()) { total, tool in
            total.entries += tool.entries
            total.bytes += tool.bytes
            total.hits += tool.hits
            total.misses += tool.misses
            total.writes += tool.writes
            total.evictions += tool.evictions
            total.expirations += tool.expirations
        }
    }
}
