import Foundation
import ToolOps

extension Timestamp {
    /// The time in UTC as ISO 8601, to the second: `2024-01-01T00:05:00Z`.
    var iso8601: String {
        if self == .distantFuture { return "never" }
        return Date(timeIntervalSince1970: Double(nanosecondsSinceEpoch) / 1e9).formatted(.iso8601)
    }

}
