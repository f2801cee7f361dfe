extension DemoReport {
    /// The report as aligned text tables followed by the summary: what `toolops demo` prints.
    ///
    /// The text has no trailing newline, and no locale-dependent formatting: the same report
    /// always renders the same.
    public var text: String {
        var lines = header
        lines.append("")
        lines += table(
            columns: ["with ToolOps", "without"],
            rows: [
                ("agent calls", [toolops.agentCalls, withoutToolOps.agentCalls].map(String.init)),
                ("upstream calls", [toolops.upstreamCalls, withoutToolOps.upstreamCalls].map(String.init)),
                ("  saved by cache", [String(toolops.cacheHits), "-"]),
                ("  saved by coalescing", [String(toolops.coalesced), "-"]),
                ("stale values served", [String(toolops.staleServed), "-"]),
                ("retries", [String(toolops.retries), "-"]),
                ("timeouts", [String(toolops.timeouts), "-"]),
                ("circuit opens", [String(toolops.circuitOpens), "-"]),
                ("  attempts refused while open", [String(toolops.rejectedByCircuit), "-"]),
                ("failed agent calls", [toolops.failedCalls, withoutToolOps.failedCalls].map(String.init)),
                (
                    "latency p50 (agent-seen)",
                    [toolops.latencyP50Ms, withoutToolOps.latencyP50Ms].map(Self.formatLatency)
                ),
                (
                    "latency p95 (agent-seen)",
                    [toolops.latencyP95Ms, withoutToolOps.latencyP95Ms].map(Self.formatLatency)
                ),
                (
                    "virtual run time",
                    [toolops.virtualSeconds, withoutToolOps.virtualSeconds].map {
                        Self.formatSeconds($0, decimals: 1)
                    }
                ),
            ]
        )
        lines.append("")
        lines += table(
            columns: ["calls", "upstream", "(without)", "failed", "(without)"],
            rows: zip(toolops.tools, withoutToolOps.tools).map { with, without in
                (
                    with.tool,
                    [with.agentCalls, with.upstreamCalls, without.upstreamCalls, with.failedCalls, without.failedCalls]
                        .map(String.init)
                )
            },
            title: "by tool"
        )
        lines.append("")
        lines += summary
        return lines.joined(separator: "\n")
    }

    private var header: [String] {
        let outageEnd = setup.outageStartSeconds + setup.outageLengthSeconds
        let outage =
            setup.outageLengthSeconds > 0
            ? "outage from \(Self.formatSeconds(setup.outageStartSeconds, decimals: 1)) to "
                + "\(Self.formatSeconds(outageEnd, decimals: 1)) (get_stock_price down, get_weather degraded)"
            : "no outage"
        let fileCache = setup.fileCache == "temporary" ? "in a temporary folder" : "in \(setup.fileCache)"
        return [
            "toolops demo: \(Self.count(setup.agents, "agent")), \(Self.count(setup.calls, "tool call")), "
                + "seed \(setup.seed)",
            "simulated upstreams fail \(Self.formatPercent(setup.failureRate)) of calls; \(outage)",
            "stores: memory (get_weather, get_stock_price), file cache \(fileCache) (search_docs); times are virtual",
        ]
    }

    /// `1 agent`, `8 agents`.
    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A table with a label column and right-aligned value columns.
    private func table(columns: [String], rows: [(String, [String])], title: String = "") -> [String] {
        let labelWidth = max(title.count, rows.map(\.0.count).max() ?? 0)
        let widths = columns.indices.map { index in
            max(columns[index].count, rows.map { $0.1[index].count }.max() ?? 0)
        }
        func line(_ label: String, _ cells: [String]) -> String {
            var text = "  " + label.padding(to: labelWidth)
            for (cell, width) in zip(cells, widths) {
                text += "   " + String(repeating: " ", count: width - cell.count) + cell
            }
            return text
        }
        return [line(title, columns)] + rows.map { line($0.0, $0.1) }
    }
}

extension String {
    /// The string padded with spaces on the right to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
