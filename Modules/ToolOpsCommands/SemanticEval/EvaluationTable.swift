import ToolOpsSemantic

/// The human-readable form of `semantic-eval`'s rows.
enum EvaluationTable {
    static func render(_ rows: [EvaluationRow]) -> String {
        var table = TextTable(columns: [
            .init("dataset"), .init("embedder"), .init("threshold", rightAligned: true), .init("guards"),
            .init("precision", rightAligned: true), .init("recall", rightAligned: true),
            .init("false hits", rightAligned: true), .init("refused by guards"),
        ])
        for row in rows {
            let refused = NearMissGuards.Rejection.allCases.compactMap { rule -> String? in
                guard let count = row.rejections[rule], count > 0 else { return nil }
                return "\(rule.rawValue) \(count)"
            }
            table.add([
                row.dataset, row.embedder, format(row.threshold, digits: 2), row.guards ? "on" : "off",
                format(row.precision, digits: 3), format(row.recall, digits: 3), format(row.falseHitRate, digits: 3),
                refused.joined(separator: ", "),
            ])
        }
        return table.rendered
    }

    private static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        let decimals = text.split(separator: ".").last.map(\.count) ?? 0
        if !text.contains(".") { text += "." }
        return text + String(repeating: "0", count: max(0, digits - decimals))
    }
}
