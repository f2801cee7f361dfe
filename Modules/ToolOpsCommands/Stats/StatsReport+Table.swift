extension StatsReport {
    /// The report for a terminal: one line per store, then each store's top tools, with bars of
    /// their entry counts.
    func table(top: Int) -> String {
        var sections: [String] = []
        var overview = TextTable(columns: [
            .init("STORE"), .init("KIND"), .init("ENTRIES", rightAligned: true), .init("BYTES", rightAligned: true),
            .init("HIT RATE", rightAligned: true), .init("HITS", rightAligned: true),
            .init("MISSES", rightAligned: true), .init("WRITES", rightAligned: true),
            .init("STALE", rightAligned: true),
            .init(""),
        ])
        let largest = stores.map(\.entries).max() ?? 0
        for store in stores {
            overview.add([
                store.store, store.kind, String(store.entries), Format.bytes(store.bytes),
                Format.percent(store.hitRate),
                String(store.hits), String(store.misses), String(store.writes), Format.optional(store.staleServes),
                BarChart.bar(store.entries, of: largest),
            ])
        }
        sections.append(overview.rendered)
        for store in stores {
            sections.append(toolSection(store, top: top))
        }
        return sections.joined(separator: "\n\n")
    }

    private func toolSection(_ store: StoreFigures, top: Int) -> String {
        let heading =
            "store '\(store.store)' (\(store.kind)\(store.location.map { " at \($0)" } ?? ""))"
            + (store.namespace.map { ", namespace \($0)" } ?? "")
            + " — \(store.evictions) evictions, \(store.expirations) expirations"
        guard !store.tools.isEmpty else {
            let reason = store.kind == "memory" ? "this store keeps no per-tool figures" : "no entries"
            return heading + "\n  " + reason
        }
        var table = TextTable(columns: [
            .init("TOOL"), .init("ENTRIES", rightAligned: true), .init("BYTES", rightAligned: true),
            .init("HIT RATE", rightAligned: true), .init("STALE", rightAligned: true), .init(""),
        ])
        let shown = store.tools.prefix(top)
        let largest = shown.map(\.entries).max() ?? 0
        for tool in shown {
            table.add([
                tool.tool, String(tool.entries), Format.bytes(tool.bytes), Format.percent(tool.hitRate),
                Format.optional(tool.staleServes), BarChart.bar(tool.entries, of: largest),
            ])
        }
        var text = heading + "\n" + table.rendered.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        if store.tools.count > shown.count {
            text += "\n  … and \(store.tools.count - shown.count) more tools (--top to show more)"
        }
        return text
    }
}
