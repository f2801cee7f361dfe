/// Sizes as written in the file: bytes (`4096`), or a number and a unit (`512KiB`, `64MiB`, `1.5GiB`, `1GB`).
///
/// Binary units (`KiB`, `MiB`, `GiB`, `TiB`) are powers of 1024, decimal ones (`KB`, `MB`, `GB`,
/// `TB`) powers of 1000; `B` is bytes. Units are not case-sensitive. A fraction of a byte is dropped.
enum ByteSizeText {
    /// What the messages show as examples.
    static let examples = "a size like 64MiB, 1GB or 4096 (bytes)"

    private static let units: [String: Int] = [
        "": 1, "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000, "tb": 1_000_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
    ]

    /// The size `text` writes in bytes, or `nil` when it is not one or does not fit in an `Int`.
    ///
    /// A leading `-` gives a negative size, so that the message can say what is wrong with it.
    static func parse(_ text: String) -> Int? {
        var rest = Substring(text.trimming([" ", "\t"]))
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let whole = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "_") }
        rest = rest.dropFirst(whole.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
            guard !fraction.isEmpty else { return nil }
        }
        let unitName = String(rest).trimming([" "]).lowercased()
        guard let multiplier = units[unitName], let wholeValue = Int(whole.filter { $0 != "_" }),
            fraction.isEmpty || (multiplier > 1 && fraction.count <= 12)
        else { return nil }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        var bytes = scaled
        if let fractionValue = Int(fraction) {
            var divisor = 1
            for _ in fraction { divisor *= 10 }
            let share: Double = Double(fractionValue) / Double(divisor)
            let extra: Double = (share * Double(multiplier)).rounded(.down)
            bytes += Int(extra)
        }
        return negative ? -bytes : bytes
    }

    /// `bytes` in the largest binary unit that writes it exactly: `67108864` is `64MiB`.
    static func format(_ bytes: Int) -> String {
        for (name, size) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes != 0 && bytes % size == 0 {
            return "\(bytes / size)\(name)"
        }
        return String(bytes)
    }
}
