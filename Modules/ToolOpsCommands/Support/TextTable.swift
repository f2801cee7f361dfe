/// A plain-text table: a header row and aligned columns separated by two spaces.
struct TextTable {
    /// One column: its title and alignment.
    struct Column {
        var title: String
        var rightAligned: Bool

        init(_ title: String, rightAligned: Bool = false) {
            self.title = title
            self.rightAligned = rightAligned
        }
    }

    let columns: [Column]
    private(set) var rows: [[String]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are empty.
    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The header and rows, one per line, without a final newline. The last column is not
    /// padded, so a long detail or a bar does not drag trailing spaces.
    var rendered: String {
        let all = [columns.map(\.title)] + rows
        let widths = columns.indices.map { index in all.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0 }
        return all.map { row in
            columns.indices.map { index in
                let cell = index < row.count ? row[index] : ""
                if index == columns.count - 1 && !columns[index].rightAligned { return cell }
                return cell.padded(to: widths[index], rightAligned: columns[index].rightAligned)
            }
            .joined(separator: "  ")
            .trimmingSuffix(while: \.isWhitespace)
        }
        .joined(separator: "\n")
    }
}

extension String {
    /// The text without the trailing characters that satisfy `predicate`.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
