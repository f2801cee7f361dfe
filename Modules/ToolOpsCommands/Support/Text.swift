import ToolOps

extension String {
    /// The text on one line: line breaks and the indentation after them folded into one space.
    var oneLine: String {
        split(whereSeparator: \.isNewline)
            .map { $0.trimmingPrefix(while: \.isWhitespace) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// The text padded with spaces to `width` characters, on the right or (`rightAligned`) the left.
    func padded(to width: Int, rightAligned: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - count))
        return rightAligned ? padding + self : self + padding
    }
}

/// Numbers, sizes and durations as people read them.
enum Format {
    /// `812 B`, `1.2 KiB`, `3.4 MiB`, `1.0 GiB`.
    static func bytes(_ count: Int) -> String {
        guard count >= 1024 else { return "\(count) B" }
        var value = Double(count)
        for unit in ["KiB", "MiB", "GiB", "TiB"] {
            value /= 1024
            if value < 1024 || unit == "TiB" {
                return value == value.rounded() ? "\(Int(value)) \(unit)" : "\(decimal(value)) \(unit)"
            }
        }
        return "\(count) B"
    }

    /// `50.0%`, or `—` when there is no rate (no lookups yet).
    static func percent(_ rate: Double?) -> String {
        rate.map { decimal($0 * 100) + "%" } ?? "—"
    }

    /// `4 ms`, `1.2 s`, `3m 20s`.
    static func duration(_ duration: Duration) -> String {
        let seconds = duration.seconds
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return decimal(seconds) + " s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m \(whole % 60)s" }
        if whole < 86_400 { return "\(whole / 3600)h \(whole / 60 % 60)m" }
        return "\(whole / 86_400)d \(whole / 3600 % 24)h"
    }

    /// `value` with one decimal: `12.5`.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// `1 entry`, `3 entries`: a count and its noun, singular for one.
    static func entries(_ count: Int) -> String {
        count == 1 ? "1 entry" : "\(count) entries"
    }

    /// A value or `—` when it is not known.
    static func optional(_ value: Int?) -> String {
        value.map(String.init) ?? "—"
    }
}
