import Foundation

extension DemoReport {
    /// The report as one JSON object with sorted keys: what `toolops demo --json` prints.
    ///
    /// It decodes back to an equal report with `JSONDecoder`.
    ///
    /// - Throws: `EncodingError` if a number cannot be written as JSON (never for a report of a run).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
