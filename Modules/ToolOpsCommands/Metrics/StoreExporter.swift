import ToolOps

/// Reads the stores and sets their gauges: once for `toolops metrics`, repeatedly while serving.
struct StoreExporter: Sendable {
    let context: CommandContext
    let names: [String]
    let gauges: StoreGauges

    /// Re-reads every store and updates the gauges; returns what failed, one line per store.
    @discardableResult
    func refresh() async -> [String] {
        let (report, failures) = await StatsGathering(context: context, timeLimit: .seconds(10)).gather(names)
        let answered = Set(report.stores.map(\.store))
        let failed = names.filter { !answered.contains($0) }.map { name in
            context.summary(of: name, store: try? context.runtime.stores.store(named: name))
        }
        gauges.refresh(report, failed: failed)
        return failures
    }

    /// Refreshes the gauges every `interval` until the task is cancelled.
    func refresh(every interval: Duration) async {
        while true {
            do {
                try await context.environment.clock.sleep(for: interval)
            } catch {
                return
            }
            await refresh()
        }
    }
}
