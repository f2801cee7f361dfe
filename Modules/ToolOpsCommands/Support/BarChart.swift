/// Horizontal bars of Unicode block characters, to eyeball figures in a terminal table.
enum BarChart {
    /// Eighths of a block, from one eighth to a full block.
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// A bar for `value` out of `maximum`, `width` blocks long at the maximum; at least a sliver
    /// for any value above zero, empty for zero.
    static func bar(_ value: Int, of maximum: Int, width: Int = 20) -> String {
        guard value > 0, maximum > 0 else { return "" }
        let units = max(1, Int((Double(min(value, maximum)) / Double(maximum) * Double(width * 8)).rounded()))
        let full = String(repeating: "█", count: units / 8)
        return units % 8 == 0 ? full : full + String(eighths[units % 8 - 1])
    }
}
