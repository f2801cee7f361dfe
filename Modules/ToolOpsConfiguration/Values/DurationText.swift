/// Durations as written in the file: `250ms`, `30s`, `5m`, `2h`, `1d`, or several parts (`1h30m`).
///
/// Units: `ns`, `us`, `ms`, `s`, `m`, `h`, `d`; a bare `0` is zero. Fractions are not accepted
/// (write `1500ms`, not `1.5s`), so a value always means exactly what it says.
enum DurationText {
    /// What the messages show as examples.
    static let examples = "a duration like 250ms, 30s, 5m, 2h or 1h30m"

    private static let units: [(name: String, nanoseconds: Int64)] = [
        ("d", 86_400_000_000_000), ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000),
        ("ms", 1_000_000), ("us", 1_000), ("ns", 1),
    ]

    /// The duration `text` writes, or `nil` when it is not one (or does not fit in 292 years).
    static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimming([" ", "\t"]))
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        if rest == "0" { return .zero }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let unitName = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unitName.count)
            guard let amount = Int64(digits), let unit = units.first(where: { $0.name == unitName }) else { return nil }
            let (part, overflow) = amount.multipliedReportingOverflow(by: unit.nanoseconds)
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            guard !overflow, !sumOverflow else { return nil }
            total = sum
        }
        return .nanoseconds(negative ? -total : total)
    }

    /// `duration` in the largest unit that writes it exactly: `300s` is `5m`, `1500ms` stays `1500ms`.
    static func format(_ duration: Duration) -> String {
        let nanoseconds = duration.totalNanoseconds
        guard nanoseconds != 0 else { return "0s" }
        let unit = units.first { nanoseconds % $0.nanoseconds == 0 } ?? units[units.count - 1]
        return "\(nanoseconds / unit.nanoseconds)\(unit.name)"
    }
}

extension Duration {
    /// The duration in nanoseconds, saturating at `Int64`'s bounds.
    var totalNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, sumOverflow) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow || sumOverflow { return seconds < 0 ? .min : .max }
        return sum
    }
}

extension String {
    /// The string without `characters` at either end.
    func trimming(_ characters: Set<Character>) -> String {
        String(drop(while: characters.contains).reversed().drop(while: characters.contains).reversed())
    }
}
