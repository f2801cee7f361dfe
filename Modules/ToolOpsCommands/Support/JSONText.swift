import Foundation
import ToolOps

/// Machine output: one JSON document, keys sorted, for `--json`.
enum JSONText {
    /// `value` as pretty-printed JSON with sorted keys.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Duration {
    /// The duration in seconds, rounded to the millisecond, for JSON.
    var roundedSeconds: Double {
        (seconds * 1000).rounded() / 1000
    }
}
