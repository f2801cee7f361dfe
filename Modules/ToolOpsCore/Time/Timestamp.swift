/// A point in wall-clock time, in nanoseconds since the Unix epoch.
///
/// Cache expiry is stored as a `Timestamp` so that entries written by one process are judged by
/// another with the same clock.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanosecondsSinceEpoch: Int64

    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The epoch itself.
    public static let epoch = Timestamp(nanosecondsSinceEpoch: 0)

    /// The latest representable time; used for "never expires".
    public static let distantFuture = Timestamp(nanosecondsSinceEpoch: .max)

    /// This time moved by `duration`, saturating instead of overflowing.
    public func advanced(by duration: Duration) -> Timestamp {
        let (sum, overflow) = nanosecondsSinceEpoch.addingReportingOverflow(duration.nanoseconds)
        if overflow { return duration > .zero ? .distantFuture : .epoch }
        return Timestamp(nanosecondsSinceEpoch: sum)
    }

    /// The duration from this time to `other` (negative when `other` is earlier).
    public func duration(to other: Timestamp) -> Duration {
        .nanoseconds(other.nanosecondsSinceEpoch &- nanosecondsSinceEpoch)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp { lhs.advanced(by: rhs) }

    public var description: String { "\(Double(nanosecondsSinceEpoch) / 1e9)s" }
}

extension Duration {
    /// The whole number of nanoseconds in this duration, saturating at `Int64`'s range.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds > 0 ? .max : .min }
        return scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }

    /// This duration in seconds, as a `Double`.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
